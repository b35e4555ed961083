#include "store/search_rank.hpp"

#include <sqlite3.h>

#include "store/fts5_api_lookup.hpp"

namespace tandem::store {

namespace {

constexpr double k1 = 1.2;
constexpr double b = 0.75;

void rank(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* result, int, sqlite3_value**) {
    int length = 0;
    sqlite3_int64 total_length = 0;
    sqlite3_int64 rows = 0;
    int rc = api->xColumnSize(fts, -1, &length);
    if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &total_length);
    if (rc == SQLITE_OK) rc = api->xRowCount(fts, &rows);
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(result, rc);
        return;
    }
    const double average_length =
        rows > 0 && total_length > 0 ? static_cast<double>(total_length) / static_cast<double>(rows) : 1.0;
    const double length_norm = k1 * (1.0 - b + b * static_cast<double>(length) / average_length);

    double score = 0;
    const int phrases = api->xPhraseCount(fts);
    for (int phrase = 0; phrase < phrases; ++phrase) {
        Fts5PhraseIter at{};
        int column = 0;
        int offset = 0;
        int frequency = 0;
        rc = api->xPhraseFirst(fts, phrase, &at, &column, &offset);
        if (rc != SQLITE_OK) {
            sqlite3_result_error_code(result, rc);
            return;
        }
        for (; column >= 0; api->xPhraseNext(fts, &at, &column, &offset)) ++frequency;
        score += frequency * (k1 + 1.0) / (frequency + length_norm);
    }
    sqlite3_result_double(result, -score);
}

}  // namespace

int register_search_rank(sqlite3* db) {
    fts5_api* api = fts5_api_of(db);
    if (api == nullptr) return SQLITE_ERROR;
    return api->xCreateFunction(api, "tandem_rank", nullptr, rank, nullptr);
}

}  // namespace tandem::store
