// Full-text search: folding of case and diacritics, prefixes, snippets with
// highlights, safety of what users type, and the index following edits.

#include <doctest/doctest.h>

#include "core/utf8.hpp"
#include "replica.hpp"
#include "store/record_search.hpp"

using namespace tandem;
using namespace tandem::testing;

namespace {

struct SearchFixture {
    Replica replica{11};
    CoachingGraph graph = build_graph(replica);
    store::RecordSearch search = store::RecordSearch::prepare(replica.store->database()).value();

    RecordId note(const std::string& body) {
        Note draft;
        draft.pairing = graph.pairing;
        draft.body = body;
        return replica.add(draft);
    }
    std::vector<store::SearchHit> hits(std::string_view query) {
        auto result = search.search(query);
        REQUIRE_MESSAGE(result.ok(), (result.ok() ? "" : result.error().message));
        return result.value();
    }
    bool finds(std::string_view query, const RecordId& id) {
        for (const auto& hit : hits(query))
            if (hit.id == id) return true;
        return false;
    }
};

}  // namespace

TEST_CASE("search folds case and diacritics, both ways") {
    SearchFixture f;
    const RecordId french = f.note("L'élève a répondu à la question.");
    const RecordId german = f.note("Die Straße ist laut; Schüler arbeiten leise.");
    const RecordId polish = f.note("Uczeń z Łodzi: łatwe pytanie.");
    const RecordId spanish = f.note("Mañana repasamos el año.");
    CHECK(f.finds("eleve", french));
    CHECK(f.finds("ÉLÈVE", french));
    CHECK(f.finds("élève", french));
    CHECK(f.finds("repondu", french));
    CHECK(f.finds("strasse", german));
    CHECK(f.finds("Straße", german));
    CHECK(f.finds("STRASSE", german));
    CHECK(f.finds("schuler", german));
    CHECK(f.finds("lodzi", polish));
    CHECK(f.finds("Łodzi", polish));
    CHECK(f.finds("latwe", polish));
    CHECK(f.finds("uczen", polish));
    CHECK(f.finds("manana", spanish));
    CHECK(f.finds("AÑO", spanish));
    CHECK_FALSE(f.finds("eleves", french));
}

TEST_CASE("each word typed matches as a prefix, and all words must match") {
    SearchFixture f;
    const RecordId id = f.note("Retrieval starter with five questions on photosynthesis");
    CHECK(f.finds("photo", id));
    CHECK(f.finds("retr star", id));
    CHECK(f.finds("  Photosynthesis\t", id));
    CHECK_FALSE(f.finds("photo osmosis", id));
    CHECK(f.hits("").empty());
    CHECK(f.hits("   ").empty());
}

TEST_CASE("the closest matches come first: more mentions, shorter text") {
    SearchFixture f;
    const RecordId passing = f.note(
        "We talked about the timetable, the trip next week, marking, the new seating plan, the reading age "
        "data and, once, about the plenary.");
    const RecordId focused = f.note("Plenary: plan the plenary before the lesson.");
    const RecordId brief = f.note("A plenary in every lesson.");
    const auto hits = f.hits("plenary");
    REQUIRE(hits.size() == 3);
    CHECK(hits[0].id == focused);
    CHECK(hits[1].id == brief);
    CHECK(hits[2].id == passing);
}

TEST_CASE("relevance is ranked among the 500 newest matches, and older matches are still found") {
    SearchFixture f;
    const RecordId oldest_rare = f.note("Oracy oracy oracy: the oracy framework.");
    const RecordId oldest_common = f.note("Rubric rubric rubric rubric.");
    for (int i = 0; i < 500; ++i) f.note("A long note that mentions the rubric once, among many other words " + std::to_string(i));
    const auto common = f.hits("rubric");
    REQUIRE(common.size() == 50);
    for (const auto& hit : common) CHECK(hit.id != oldest_common);
    const auto all = f.search.search("rubric", 1000);
    REQUIRE(all.ok());
    CHECK(all.value().size() == 500);

    const auto rare = f.hits("oracy");
    REQUIRE(rare.size() == 1);
    CHECK(rare[0].id == oldest_rare);

    // an edit makes a record recent again
    auto ctx = f.replica.context();
    REQUIRE(update_field(ctx, Kind::note, oldest_common, Note::fields::body,
                         std::string("Rubric rubric rubric rubric, revised.")).ok());
    const auto revised = f.hits("rubric");
    REQUIRE_FALSE(revised.empty());
    CHECK(revised[0].id == oldest_common);
}

TEST_CASE("snippets show the match with highlighted words") {
    SearchFixture f;
    std::string body = "Context before. ";
    for (int i = 0; i < 40; ++i) body += "filler ";
    body += "The élève answered the hinge question correctly. ";
    for (int i = 0; i < 40; ++i) body += "more ";
    const RecordId id = f.note(body);
    const auto hits = f.hits("eleve hinge");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].id == id);
    CHECK(hits[0].kind == Kind::note);
    const std::string& snippet = hits[0].snippet;
    CHECK(snippet.find("\xE2\x80\xA6") != std::string::npos);  // cut text is marked
    CHECK(snippet.size() < body.size());
    REQUIRE(hits[0].highlights.size() == 2);
    CHECK(snippet.substr(hits[0].highlights[0].begin, hits[0].highlights[0].end - hits[0].highlights[0].begin) ==
          "élève");
    CHECK(snippet.substr(hits[0].highlights[1].begin, hits[0].highlights[1].end - hits[0].highlights[1].begin) ==
          "hinge");
    CHECK(snippet.find('\x02') == std::string::npos);
}

TEST_CASE("query syntax typed by a user is searched as text, never run") {
    SearchFixture f;
    const RecordId id = f.note("Use NEAR and AND in a sentence: \"quoted\" text * star (brackets)");
    for (const char* typed : {"\"", "\"\"", "*", "AND", "NEAR(", "quoted\"", "(brackets", "a OR", "-", "^", ":", "col:x",
                              "NOT", "\"unbalanced", "'"}) {
        CAPTURE(typed);
        auto result = f.search.search(typed);
        CHECK(result.ok());
    }
    CHECK(f.finds("near and", id));
    CHECK(f.finds("\"quoted", id));
    CHECK(store::search_query_for("a \"b\" *") == "\"a\"* \"b\"*");
    CHECK(store::search_query_for(std::string(1000, 'x')).size() < 300);
}

TEST_CASE("a long query is cut between characters, never inside one") {
    // 255 bytes, then "é" (2 bytes) straddling the 256-byte cut
    const std::string typed = std::string(200, 'a') + " " + std::string(54, 'b') + "é";
    const std::string query = store::search_query_for(typed);
    CHECK(utf8_code_points(query).has_value());
    CHECK(query == "\"" + std::string(200, 'a') + "\"* \"" + std::string(54, 'b') + "\"*");
}

TEST_CASE("the index follows edits, deletes and restores of searchable fields") {
    SearchFixture f;
    auto ctx = f.replica.context();
    CHECK(f.finds("think time", f.graph.meeting));
    REQUIRE(update_field(ctx, Kind::meeting, f.graph.meeting, Meeting::fields::grow_options,
                         std::string("Mini whiteboards")).ok());
    CHECK(f.finds("whiteboards", f.graph.meeting));
    CHECK(f.finds("think time", f.graph.meeting));  // the other fields stay indexed
    REQUIRE(update_field(ctx, Kind::meeting, f.graph.meeting, Meeting::fields::grow_options, std::string("Exit tickets")).ok());
    CHECK_FALSE(f.finds("whiteboards", f.graph.meeting));
    // A change to a field that is not searched leaves the index alone.
    REQUIRE(update_field(ctx, Kind::meeting, f.graph.meeting, Meeting::fields::duration_minutes, std::int64_t{45}).ok());
    CHECK(f.finds("exit tickets", f.graph.meeting));
    REQUIRE(delete_record(ctx, Kind::meeting, f.graph.meeting).ok());
    CHECK_FALSE(f.finds("exit tickets", f.graph.meeting));
    REQUIRE(restore_record(ctx, Kind::meeting, f.graph.meeting).ok());
    CHECK(f.finds("exit tickets", f.graph.meeting));
    auto integrity = f.replica.store->database().execute("INSERT INTO search_index(search_index) VALUES ('integrity-check')");
    CHECK(integrity.ok());
}

TEST_CASE("the starter library is searchable") {
    SearchFixture f;
    const auto hits = f.hits("cold call");
    CHECK_FALSE(hits.empty());
    bool library = false;
    for (const auto& hit : hits) library = library || hit.kind == Kind::library_entry;
    CHECK(library);
}
