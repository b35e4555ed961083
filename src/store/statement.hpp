#pragma once
// Statement: one prepared SQLite statement, owned and finalized by this
// object. Bind parameters (1-based), step, read columns (0-based), reset.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "core/record_store.hpp"
#include "core/result.hpp"

struct sqlite3_stmt;

namespace tandem::store {

using StoreError = tandem::StorageError;

class Statement {
public:
    Statement() = default;
    explicit Statement(sqlite3_stmt* handle) : handle_(handle) {}
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    // Binding. Text and blobs are copied by SQLite.
    Statement& bind(int index, std::int64_t value);
    Statement& bind_text(int index, std::string_view text);
    Statement& bind_blob(int index, std::span<const std::uint8_t> bytes);
    Statement& bind_null(int index);

    // One step: true when a row is ready, false when done.
    Result<bool, StoreError> step();
    // Steps until done, discarding rows.
    Result<void, StoreError> run();
    // Steps until done, calling on_row(const Statement&) for each row. on_row
    // may return Result<void, StoreError>; its first error stops the run and
    // is returned. The statement is always reset afterwards.
    template <class OnRow>
    Result<void, StoreError> each_row(OnRow&& on_row);
    // Ready to run again; bindings are cleared.
    void reset();

    // Columns of the current row. Text and blob views live until the next
    // step or reset.
    bool is_null(int column) const;
    std::int64_t integer(int column) const;
    std::string_view text(int column) const;
    std::span<const std::uint8_t> blob(int column) const;

    bool valid() const { return handle_ != nullptr; }

private:
    sqlite3_stmt* handle_ = nullptr;
};

template <class OnRow>
Result<void, StoreError> Statement::each_row(OnRow&& on_row) {
    Result<void, StoreError> outcome;
    for (;;) {
        auto row = step();
        if (!row) {
            outcome = fail(row.error());
            break;
        }
        if (!row.value()) break;
        if constexpr (std::is_void_v<std::invoke_result_t<OnRow&, const Statement&>>) {
            on_row(std::as_const(*this));
        } else if (auto handled = on_row(std::as_const(*this)); !handled) {
            outcome = fail(handled.error());
            break;
        }
    }
    reset();
    return outcome;
}

}  // namespace tandem::store
