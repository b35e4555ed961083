#include "store/record_search.hpp"

#include <algorithm>

#include "core/record_id.hpp"

namespace tandem::store {

namespace {

constexpr char highlight_open = '\x02';   // validation keeps control characters out of
constexpr char highlight_close = '\x03';  // stored text, so these cannot be content
constexpr std::size_t max_query_bytes = 256;
constexpr std::size_t max_query_words = 16;
// Relevance is ranked among this many of the most recently written matches:
// ranking every match of a common word costs a lookup per match.
constexpr int recent_window = 500;

bool has_word_character(std::string_view word) {
    return std::any_of(word.begin(), word.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte >= 0x80 || (byte >= '0' && byte <= '9') || ((byte | 0x20) >= 'a' && (byte | 0x20) <= 'z');
    });
}

}  // namespace

std::string search_query_for(std::string_view user_text) {
    std::size_t end = std::min(user_text.size(), max_query_bytes);
    // back to the start of a character the cut would split
    while (end > 0 && end < user_text.size() && (static_cast<unsigned char>(user_text[end]) & 0xC0) == 0x80) --end;
    user_text = user_text.substr(0, end);
    std::string query;
    std::size_t words = 0;
    std::size_t i = 0;
    while (i < user_text.size() && words < max_query_words) {
        while (i < user_text.size() && (user_text[i] == ' ' || user_text[i] == '\t' || user_text[i] == '\n' ||
                                        user_text[i] == '\r'))
            ++i;
        std::string word;
        while (i < user_text.size() && user_text[i] != ' ' && user_text[i] != '\t' && user_text[i] != '\n' &&
               user_text[i] != '\r') {
            if (user_text[i] != '"') word += user_text[i];
            ++i;
        }
        if (!has_word_character(word)) continue;
        if (!query.empty()) query += ' ';
        query += '"' + word + "\"*";
        ++words;
    }
    return query;
}

Result<RecordSearch, StoreError> RecordSearch::prepare(Database& db) {
    RecordSearch search;
    const std::pair<Statement*, std::string> sql[] = {
        {&search.window_start_,
         "SELECT rowid FROM search_index WHERE search_index MATCH ?1 ORDER BY rowid DESC LIMIT 1 OFFSET ?2"},
        {&search.match_,
         "SELECT m.kind, m.seq, snippet(search_index, 0, char(2), char(3), char(8230), 12) FROM search_index "
         "JOIN search_map m ON m.doc = search_index.rowid "
         "WHERE search_index MATCH ?1 AND rank MATCH 'tandem_rank()' AND search_index.rowid >= ?2 "
         "ORDER BY rank LIMIT ?3"},
    };
    if (auto prepared = db.prepare_all(sql); !prepared) return fail(prepared.error());
    for (const Kind kind : all_kinds()) {
        auto by_seq = db.prepare("SELECT id FROM " + std::string(kind_name(kind)) + " WHERE seq = ?1");
        if (!by_seq) return fail(by_seq.error());
        search.id_by_seq_.push_back(std::move(by_seq).value());
    }
    return search;
}

Result<std::vector<SearchHit>, StoreError> RecordSearch::search(std::string_view user_text, int limit) {
    std::vector<SearchHit> hits;
    const std::string query = search_query_for(user_text);
    if (query.empty() || limit <= 0) return hits;

    std::int64_t window_start = 0;
    window_start_.bind_text(1, query).bind(2, recent_window - 1);
    auto edge = window_start_.step();
    if (edge && edge.value()) window_start = window_start_.integer(0);
    window_start_.reset();
    if (!edge) return fail(edge.error());

    match_.bind_text(1, query).bind(2, window_start).bind(3, limit);
    auto done = match_.each_row([&](const Statement& row) -> Result<void, StoreError> {
        const auto kind = kind_from_number(row.integer(0));
        if (!kind) return {};
        SearchHit hit{*kind, {}, {}, {}};
        for (const char c : row.text(2)) {
            if (c == highlight_open) hit.highlights.push_back(TextSpan{hit.snippet.size(), hit.snippet.size()});
            else if (c == highlight_close && !hit.highlights.empty()) hit.highlights.back().end = hit.snippet.size();
            else hit.snippet += c;
        }
        Statement& by_seq = id_by_seq_[static_cast<std::size_t>(*kind) - 1];
        by_seq.bind(1, row.integer(1));
        auto found = by_seq.each_row([&](const Statement& id_row) {
            const auto bytes = id_row.blob(0);
            if (bytes.size() == hit.id.bytes.size()) std::copy(bytes.begin(), bytes.end(), hit.id.bytes.begin());
        });
        if (!found) return found;
        if (!hit.id.is_nil()) hits.push_back(std::move(hit));
        return {};
    });
    if (!done) return fail(done.error());
    return hits;
}

}  // namespace tandem::store
