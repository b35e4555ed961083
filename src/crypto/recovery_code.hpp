#pragma once
// RecoveryCode: the second way into a vault (docs/vault-format.md, "Keys"):
// 20 random bytes, shown once when the vault is made as 32 Crockford base32
// characters in eight groups of four, each group followed by its check
// character (Crockford's mod 37), so that a slip while typing it back is
// named by its group instead of taken for a wrong code. The bytes are wiped
// when the code is destroyed; the text is the caller's to wipe.
// libsodium must be initialised.

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace tandem::crypto {

// Why typed text is not a recovery code.
enum class RecoveryCodeProblem : std::uint8_t {
    wrong_length,    // not 40 characters once spaces and dashes are left out
    not_a_letter,    // a character no code has (Crockford reads O as 0 and I, L as 1)
    typo_in_group,   // a group's check character does not match: `group` (1 to 8) has a typo
};

struct RecoveryCodeError {
    RecoveryCodeProblem problem = RecoveryCodeProblem::wrong_length;
    int group = 0;  // 1 to 8 for typo_in_group and not_a_letter; 0 otherwise
};

class RecoveryCode {
public:
    static constexpr std::size_t size = 20;
    static constexpr std::size_t groups = 8;

    // A new code from the system's random source.
    static RecoveryCode random();

    // The code from its 20 bytes (tests, and a code read back).
    explicit RecoveryCode(std::span<const std::uint8_t, size> bytes);
    RecoveryCode(RecoveryCode&& other) noexcept;
    RecoveryCode& operator=(RecoveryCode&& other) noexcept;
    RecoveryCode(const RecoveryCode&) = delete;
    RecoveryCode& operator=(const RecoveryCode&) = delete;
    ~RecoveryCode();

    // As shown and printed: eight groups of five characters (four and a
    // check character) separated by single spaces, upper case.
    std::string text() const;

    // Borrowed for as long as the code lives.
    std::span<const std::uint8_t, size> bytes() const { return bytes_; }

private:
    RecoveryCode() = default;
    std::array<std::uint8_t, size> bytes_{};
};

// The code in `typed`, as a person types it back: any case, with or
// without spaces and dashes, O for 0 and I or L for 1.
Result<RecoveryCode, RecoveryCodeError> read_recovery_code(std::string_view typed);

}  // namespace tandem::crypto
