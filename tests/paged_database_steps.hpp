#pragma once
// Steps shared by the tests of PagedDatabase over any PageStore: open it,
// run SQL, read one value, each failing the test on an error.

#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "store/paged_database.hpp"

namespace tandem::testing {

inline store::IdentityPageCodec identity_codec;

inline std::unique_ptr<store::PagedDatabase> open_ok(store::PageStore& pages,
                                                     store::PageCodec& codec = identity_codec) {
    auto opened = store::PagedDatabase::open(pages, codec);
    REQUIRE_MESSAGE(opened.ok(), (opened.ok() ? "" : opened.error().message));
    return std::move(opened).value();
}

inline void run(store::PagedDatabase& db, const std::string& sql) {
    auto done = db.database().execute(sql);
    REQUIRE_MESSAGE(done.ok(), (done.ok() ? "" : done.error().message));
}

// The single value `sql` returns.
inline std::string one(store::PagedDatabase& db, const std::string& sql) {
    auto column = db.database().query_column(sql);
    REQUIRE(column.ok());
    REQUIRE(column.value().size() == 1);
    return column.value().front();
}

inline std::string text_of(std::size_t length, char fill) { return std::string(length, fill); }

}  // namespace tandem::testing
