#pragma once
// Result<T, E>: a value or a typed error, for operations that can fail on bad
// input. Errors are values, never exceptions; asserting on the wrong side is a
// programming error.

#include <cassert>
#include <optional>
#include <utility>
#include <variant>

namespace tandem {

// The error half of a Result, built by fail().
template <class E>
struct Failure {
    E error;
};

// Wraps an error so that it converts to any Result<T, E>.
template <class E>
Failure<E> fail(E error) {
    return Failure<E>{std::move(error)};
}

// Holds either a T (success) or an E (failure). Owns both by value.
template <class T, class E>
class [[nodiscard]] Result {
public:
    Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}
    Result(Failure<E> failure) : state_(std::in_place_index<1>, std::move(failure.error)) {}

    // True on success.
    bool ok() const { return state_.index() == 0; }
    explicit operator bool() const { return ok(); }

    // The value; only on success.
    T& value() & { assert(ok()); return std::get<0>(state_); }
    const T& value() const& { assert(ok()); return std::get<0>(state_); }
    // Moves the value out of a temporary Result.
    T value() && { assert(ok()); return std::get<0>(std::move(state_)); }

    // The error; only on failure.
    const E& error() const { assert(!ok()); return std::get<1>(state_); }

private:
    std::variant<T, E> state_;
};

// Success without a value, or a typed error.
template <class E>
class [[nodiscard]] Result<void, E> {
public:
    Result() = default;
    Result(Failure<E> failure) : error_(std::move(failure.error)) {}

    bool ok() const { return !error_.has_value(); }
    explicit operator bool() const { return ok(); }

    // The error; only on failure.
    const E& error() const { assert(!ok()); return *error_; }

private:
    std::optional<E> error_;
};

}  // namespace tandem
