#pragma once
// Why a vault, or a part of it, does not open (docs/vault-format.md,
// "The commit record, and saves put together"): each fault its own value,
// so that the app can name it.

#include <cstdint>
#include <string_view>

namespace tandem::crypto {

enum class VaultFailure : std::uint8_t {
    header_damaged,       // the header's length, version or checksum is wrong
    kdf_over_limits,      // the header asks for more Argon2id work than the caps
    wrong_passphrase,     // the passphrase's key does not open the master key (or the seal was changed)
    wrong_recovery_code,  // the recovery code does not open the master key (or the seal was changed)
    commit_changed,       // the sealed commit record does not open
    commit_disagrees,     // the commit record's plain fields are not what was sealed
    page_missing,         // page `page` is not stored
    page_changed,         // page `page` does not open: changed, moved, or from another generation
    pages_mixed,          // every page opens, but not all are of the save the commit record sealed
};

struct VaultError {
    VaultFailure failure = VaultFailure::header_damaged;
    std::uint32_t page = 0;  // for page_missing and page_changed

    bool operator==(const VaultError&) const = default;
};

// A stable name for `failure`, for logs and tests ("page_changed").
constexpr std::string_view vault_failure_name(VaultFailure failure) {
    switch (failure) {
        case VaultFailure::header_damaged: return "header_damaged";
        case VaultFailure::kdf_over_limits: return "kdf_over_limits";
        case VaultFailure::wrong_passphrase: return "wrong_passphrase";
        case VaultFailure::wrong_recovery_code: return "wrong_recovery_code";
        case VaultFailure::commit_changed: return "commit_changed";
        case VaultFailure::commit_disagrees: return "commit_disagrees";
        case VaultFailure::page_missing: return "page_missing";
        case VaultFailure::page_changed: return "page_changed";
        case VaultFailure::pages_mixed: return "pages_mixed";
    }
    return "unknown";
}

}  // namespace tandem::crypto
