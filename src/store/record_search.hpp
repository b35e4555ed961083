#pragma once
// RecordSearch: full-text search over every searchable field of every record
// that is not deleted, with highlighted snippets. Matching folds case and
// diacritics ("eleve" finds "Élève", "lodz" finds "Łódź") and treats each word
// typed as a prefix, so results appear while the user is still typing. The
// object borrows the Database, which must outlive it.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/record_id.hpp"
#include "core/record_kind.hpp"
#include "store/database.hpp"

namespace tandem::store {

// A byte range [begin, end) of a snippet that matched the query.
struct TextSpan {
    std::size_t begin = 0;
    std::size_t end = 0;
};

struct SearchHit {
    Kind kind;
    RecordId id;
    std::string snippet;               // a few words around the match; "…" marks cut text
    std::vector<TextSpan> highlights;  // the matched words in snippet
};

// The FTS5 query for what a user typed: each word quoted (so no character is
// query syntax) and matched as a prefix, all words required. Empty when the
// text has no word. At most 16 words and 256 bytes of input are used, cut
// between characters.
std::string search_query_for(std::string_view user_text);

class RecordSearch {
public:
    static Result<RecordSearch, StoreError> prepare(Database& db);

    // Up to `limit` hits for what the user typed, best first: the most
    // relevant (bm25) among the 500 most recently written matches, so a
    // common word still answers at once. An empty query gives no hits.
    Result<std::vector<SearchHit>, StoreError> search(std::string_view user_text, int limit = 50);

private:
    RecordSearch() = default;
    Statement window_start_;
    Statement match_;
    std::vector<Statement> id_by_seq_;  // index: kind number - 1
};

}  // namespace tandem::store
