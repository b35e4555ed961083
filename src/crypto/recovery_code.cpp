#include "crypto/recovery_code.hpp"

#include <sodium.h>

#include <algorithm>
#include <optional>

namespace tandem::crypto {

namespace {

// Crockford's base32 symbols, then the five that only a check character uses.
constexpr std::string_view symbols = "0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=U";
constexpr std::size_t data_symbols = 32;
constexpr std::size_t check_modulus = 37;
constexpr std::size_t group_data = 4;
constexpr std::size_t group_chars = group_data + 1;
constexpr std::size_t code_chars = RecoveryCode::groups * group_chars;
static_assert(RecoveryCode::size * 8 == RecoveryCode::groups * group_data * 5);

// The value of a typed character, as Crockford reads it; `check` allows the
// check-only symbols.
std::optional<std::size_t> symbol_value(char typed, bool check) {
    char c = typed >= 'a' && typed <= 'z' ? static_cast<char>(typed - 'a' + 'A') : typed;
    if (c == 'O') c = '0';
    if (c == 'I' || c == 'L') c = '1';
    const std::size_t at = symbols.find(c);
    if (at == std::string_view::npos || (!check && at >= data_symbols)) return std::nullopt;
    return at;
}

// The 5-bit symbol `index` (0 to 31) of `bytes`, most significant bit first.
std::size_t symbol_at(std::span<const std::uint8_t, RecoveryCode::size> bytes, std::size_t index) {
    std::size_t value = 0;
    for (std::size_t bit = index * 5; bit < index * 5 + 5; ++bit)
        value = (value << 1) | ((bytes[bit / 8] >> (7 - bit % 8)) & 1u);
    return value;
}

}  // namespace

RecoveryCode RecoveryCode::random() {
    RecoveryCode code;
    randombytes_buf(code.bytes_.data(), code.bytes_.size());
    return code;
}

RecoveryCode::RecoveryCode(std::span<const std::uint8_t, size> bytes) {
    std::copy(bytes.begin(), bytes.end(), bytes_.begin());
}

RecoveryCode::RecoveryCode(RecoveryCode&& other) noexcept : bytes_(other.bytes_) {
    sodium_memzero(other.bytes_.data(), other.bytes_.size());
}

RecoveryCode& RecoveryCode::operator=(RecoveryCode&& other) noexcept {
    if (this != &other) {
        bytes_ = other.bytes_;
        sodium_memzero(other.bytes_.data(), other.bytes_.size());
    }
    return *this;
}

RecoveryCode::~RecoveryCode() { sodium_memzero(bytes_.data(), bytes_.size()); }

std::string RecoveryCode::text() const {
    std::string out;
    out.reserve(code_chars + groups - 1);
    for (std::size_t group = 0; group < groups; ++group) {
        if (group > 0) out.push_back(' ');
        std::size_t value = 0;
        for (std::size_t i = 0; i < group_data; ++i) {
            const std::size_t symbol = symbol_at(bytes_, group * group_data + i);
            value = value * data_symbols + symbol;
            out.push_back(symbols[symbol]);
        }
        out.push_back(symbols[value % check_modulus]);
    }
    return out;
}

Result<RecoveryCode, RecoveryCodeError> read_recovery_code(std::string_view typed) {
    std::string kept;
    std::array<std::uint8_t, RecoveryCode::size> bytes{};
    // What was typed, and what was read of it, are wiped on every way out.
    const auto wipe = [&] {
        sodium_memzero(kept.data(), kept.size());
        sodium_memzero(bytes.data(), bytes.size());
    };
    const auto refuse = [&](RecoveryCodeProblem problem, int group) {
        wipe();
        return fail(RecoveryCodeError{problem, group});
    };
    kept.reserve(code_chars);
    for (const char c : typed) {
        if (c == ' ' || c == '-' || c == '\t' || c == '\n' || c == '\r') continue;
        if (kept.size() == code_chars) return refuse(RecoveryCodeProblem::wrong_length, 0);
        kept.push_back(c);
    }
    if (kept.size() != code_chars) return refuse(RecoveryCodeProblem::wrong_length, 0);

    std::size_t bit = 0;
    for (std::size_t group = 0; group < RecoveryCode::groups; ++group) {
        const int group_number = static_cast<int>(group) + 1;
        std::size_t value = 0;
        for (std::size_t i = 0; i < group_chars; ++i) {
            const bool check = i == group_data;
            const std::optional<std::size_t> symbol = symbol_value(kept[group * group_chars + i], check);
            if (!symbol) return refuse(RecoveryCodeProblem::not_a_letter, group_number);
            if (check) {
                if (*symbol != value % check_modulus) return refuse(RecoveryCodeProblem::typo_in_group, group_number);
                continue;
            }
            value = value * data_symbols + *symbol;
            for (int b = 4; b >= 0; --b, ++bit)
                if ((*symbol >> b) & 1u) bytes[bit / 8] |= static_cast<std::uint8_t>(1u << (7 - bit % 8));
        }
    }
    RecoveryCode code{std::span<const std::uint8_t, RecoveryCode::size>(bytes)};
    wipe();
    return code;
}

}  // namespace tandem::crypto
