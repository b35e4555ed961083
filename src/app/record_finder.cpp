#include "app/record_finder.hpp"

#include <map>

#include "core/records.hpp"
#include "core/text_symbols.hpp"
#include "core/utf8.hpp"

namespace tandem::app {

namespace {

// Search runs once typing pauses this long, so keystrokes stay quick.
constexpr std::int64_t search_pause_ms = 150;

// What a result is, in the words the screens use.
std::string kind_label(Kind kind, bool private_to_me) {
    switch (kind) {
        case Kind::person: return "Person";
        case Kind::pairing: return "Pairing";
        case Kind::meeting: return "Meeting";
        case Kind::note: return private_to_me ? "Your private note" : "Note";
        case Kind::observation: return "Lesson visit";
        case Kind::observation_note: return "Lesson visit note";
        case Kind::tally: return "Tally";
        case Kind::action_step: return "Action step";
        case Kind::step_status_change: return "Step status";
        case Kind::reflection: return private_to_me ? "Your private reflection" : "Reflection";
        case Kind::library_entry: return "Library step";
        case Kind::practice: return "Practice";
        case Kind::cycle: return "Coaching cycle";
        case Kind::goal: return "Goal";
        default: break;
    }
    std::string name(kind_name(kind));
    for (char& c : name)
        if (c == '_') c = ' ';
    if (!name.empty() && name[0] >= 'a' && name[0] <= 'z') name[0] = static_cast<char>(name[0] - 'a' + 'A');
    return name;
}

// The first reference of `record` to a record of `target` kind, if set.
std::optional<RecordId> reference_to(const Record& record, Kind target) {
    for (const FieldSpec& field : kind_spec(record.kind).fields) {
        if (field.shape.type != FieldType::reference || field.shape.target != target) continue;
        if (const auto* id = std::get_if<RecordId>(&record.field(field.index).value); id && !id->is_nil()) return *id;
    }
    return std::nullopt;
}

// The first date of `record` that is set: when a meeting was held, a visit made, a step set.
std::optional<CalendarDate> first_date(const Record& record) {
    for (const FieldSpec& field : kind_spec(record.kind).fields) {
        if (field.shape.type != FieldType::date) continue;
        if (const auto* days = std::get_if<std::int64_t>(&record.field(field.index).value))
            return CalendarDate{static_cast<std::int32_t>(*days)};
    }
    return std::nullopt;
}

// The pairing a record belongs to, directly or through its meeting, visit,
// step, practice or cycle.
std::optional<RecordId> pairing_of(Workspace& work, const Record& record) {
    if (record.kind == Kind::pairing) return record.id;
    if (auto pairing = reference_to(record, Kind::pairing)) return pairing;
    for (Kind parent : {Kind::meeting, Kind::observation, Kind::action_step, Kind::practice, Kind::cycle}) {
        auto id = reference_to(record, parent);
        if (!id) continue;
        auto loaded = load_record(work.store, parent, *id);
        if (loaded) return reference_to(loaded.value(), Kind::pairing);
    }
    return std::nullopt;
}

// The partner's name in each pairing seen, so one search reads each pairing once.
using PartnerNames = std::map<RecordId, std::string>;

// "Meeting · Sam Patel · 2026-11-24": what a result is, with whom, and when.
std::string title_of(Workspace& work, const Record& record, PartnerNames& partners) {
    const bool private_to_me = record.visibility == Visibility::private_to_author;
    std::string title = kind_label(record.kind, private_to_me);
    if (auto pairing_id = pairing_of(work, record)) {
        auto known = partners.find(*pairing_id);
        if (known == partners.end()) {
            std::string name;
            if (auto pairing = load<Pairing>(work.store, *pairing_id)) {
                const RecordId partner =
                    pairing.value().coachee == work.me ? pairing.value().coach : pairing.value().coachee;
                if (auto person = load<Person>(work.store, partner)) name = person.value().display_name;
            }
            known = partners.emplace(*pairing_id, std::move(name)).first;
        }
        if (!known->second.empty()) title += symbols::separator + known->second;
    }
    if (auto date = first_date(record)) title += symbols::separator + work.dates.words(*date);
    return title;
}

}  // namespace

std::optional<Destination> where_shown(Workspace& work, Kind kind, const RecordId& id) {
    auto loaded = load_record(work.store, kind, id);
    if (!loaded || loaded.value().is_deleted()) return std::nullopt;
    const Record& record = loaded.value();
    switch (kind) {
        case Kind::person: return Destination{ui::Screen::people, id};
        case Kind::pairing: return Destination{ui::Screen::pairings, id};
        case Kind::library_entry: return Destination{ui::Screen::library, id};
        case Kind::meeting: return Destination{ui::Screen::meeting, id};
        case Kind::observation: return Destination{ui::Screen::observation, id};
        case Kind::reflection: return Destination{ui::Screen::reflection, id};
        case Kind::observation_note:
        case Kind::tally:
            if (auto visit = reference_to(record, Kind::observation)) return Destination{ui::Screen::observation, *visit};
            break;
        case Kind::step_status_change:
            if (auto step = reference_to(record, Kind::action_step)) return where_shown(work, Kind::action_step, *step);
            break;
        default:
            if (auto meeting = reference_to(record, Kind::meeting)) return Destination{ui::Screen::meeting, *meeting};
            break;
    }
    if (auto pairing = pairing_of(work, record)) return Destination{ui::Screen::pairings, *pairing};
    return std::nullopt;
}

void RecordFinder::apply(Workspace& work, const ui::EditSearch& typed) {
    const bool same = store::search_query_for(typed.text) == store::search_query_for(view_.query);
    view_.query = typed.text;
    if (!same) due_at_ms_ = work.now_ms + search_pause_ms;
}

void RecordFinder::apply(Workspace& work, const ui::OpenSearchResult& open) {
    if (open.index < 0 || static_cast<std::size_t>(open.index) >= hits_.size()) return;
    const store::SearchHit& hit = hits_[static_cast<std::size_t>(open.index)];
    if (auto destination = where_shown(work, hit.kind, hit.id)) work.navigator.show(*destination);
}

void RecordFinder::run(Workspace& work) {
    due_at_ms_.reset();
    view_.results.clear();
    hits_.clear();
    view_.summary.clear();
    const std::size_t first = view_.query.find_first_not_of(" \t");
    if (first == std::string::npos) return;
    // One letter would match most of what is written, slowly: wait for two.
    const std::size_t last = view_.query.find_last_not_of(" \t");
    const std::size_t length = utf8_code_points(std::string_view(view_.query).substr(first, last - first + 1)).value_or(0);
    if (length < 2) {
        view_.summary = "Type another letter to search.";
        return;
    }
    if (!index_) {
        view_.summary = "Search is not working just now.";
        return;
    }
    auto found = index_->search(view_.query);
    if (!found) {
        view_.summary = "Search is not working just now: " + found.error().message;
        return;
    }
    PartnerNames partners;
    for (store::SearchHit& hit : found.value()) {
        auto record = load_record(work.store, hit.kind, hit.id);
        if (!record) continue;
        ui::SearchResultRow row;
        row.title = title_of(work, record.value(), partners);
        row.snippet = hit.snippet;
        // Fields are joined by line breaks in the index; a row shows one line.
        for (char& c : row.snippet)
            if (c == '\n' || c == '\t' || c == '\r') c = ' ';
        for (const store::TextSpan& span : hit.highlights) row.marked.push_back({span.begin, span.end});
        view_.results.push_back(std::move(row));
        hits_.push_back(std::move(hit));
    }
    const std::size_t count = view_.results.size();
    view_.summary = count == 0   ? "Nothing found. Try fewer words, or the start of a word."
                    : count == 1 ? "1 result"
                                 : std::to_string(count) + " results";
}

}  // namespace tandem::app
