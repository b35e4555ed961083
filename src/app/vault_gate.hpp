#pragma once
// VaultGate: the way to a profile's records (docs/vault-format.md): the
// profiles kept in this browser, making one with its passphrase and recovery
// code, unlocking one with its passphrase or its recovery code, and moving
// the records kept before profiles into the first one. It holds the unlocked
// vault's page codec for as long as the records are open. Platform-free: it
// asks its host through VaultHost and is told back through its own calls.

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/host_request.hpp"
#include "app/vault_page_codec.hpp"
#include "core/random_source.hpp"
#include "crypto/bundle_format.hpp"
#include "crypto/vault_header.hpp"
#include "store/page_store.hpp"
#include "ui/command.hpp"
#include "ui/profile_safety.hpp"
#include "ui/vault_screen.hpp"

namespace tandem::app {

// What the gate needs of the app that owns it.
class VaultHost {
public:
    virtual void request(HostRequest request) = 0;
    // Opens the records in `pages` through `codec` (both outlive them);
    // with a non-empty `image`, `pages` is new and the records begin as that
    // database file. Returns whether they opened for writing.
    virtual bool open_vault_records(store::PageStore& pages, store::PageCodec& codec,
                                    std::vector<std::uint8_t> image) = 0;
    // The records kept before profiles, in `pages`, as a database file;
    // empty when they cannot be read.
    virtual std::vector<std::uint8_t> read_old_records(store::PageStore& pages) = 0;
    // Whether everything the open records changed is saved.
    virtual bool all_saved() const = 0;

protected:
    ~VaultHost() = default;
};

// Why `passphrase` is below the floor for a profile's passphrase (too
// short, too repetitive, or among the first anyone would try); empty when
// it is not. Length rather than kinds of characters: a few words are best.
std::string passphrase_floor_problem(std::string_view passphrase);

// A profile's database in the browser.
std::string profile_database(const std::string& id);
// The database of the records kept before profiles.
inline constexpr const char* old_records_database = "tandem";

class VaultGate {
public:
    // The gate's key jobs are numbered from here, apart from the bundle exchange's.
    static constexpr std::uint64_t first_job = 1ull << 40;

    // Borrows both, which must outlive it.
    VaultGate(VaultHost& host, RandomSource& random);

    // New vaults' Argon2id cost (the test hook makes it cheap; the header
    // keeps it, so opening always uses what the vault was made with).
    void set_new_vault_kdf(crypto::KdfParams kdf) { new_kdf_ = kdf; }

    // [SECTION] What the host reports
    // A profile kept here, as stored (untrusted): ignored unless its id is
    // 32 hex digits; the name is cut to 100 characters.
    void profile_found(std::string id, std::string name, int colour);
    // The list is complete; whether records from before profiles are kept.
    void profiles_listed(bool old_records);
    // The records asked for are loaded in `pages` (borrowed until the next
    // load), with the vault header stored beside them: none, its bytes, or
    // `header_damaged` when what is stored there is not a header's bytes.
    void loaded(store::PageStore& pages, std::optional<std::vector<std::uint8_t>> header, bool header_damaged,
                std::int64_t now_ms);
    // Another tab has the records asked for.
    void elsewhere();
    // The key of job `id`; false when the job is not the gate's.
    bool key_derived(std::uint64_t id, const std::optional<std::array<std::uint8_t, 32>>& key, std::int64_t now_ms);
    // Everything the open records changed is saved.
    void all_saved();
    // The new header after a recovery is stored (or not).
    void header_written(bool ok);

    // [SECTION] What the user does
    void handle(const ui::EditVaultField& edit);
    void handle(const ui::ChooseProfileColour& choose);
    void handle(const ui::ChooseProfile& choose);
    void handle(const ui::StartNewProfile& start);
    void handle(const ui::BackToProfiles& back);
    void handle(const ui::CreateProfile& create, std::int64_t now_ms);
    void handle(const ui::SaveRecoveryCode& save);
    void handle(const ui::ConfirmRecoveryCodeKept& kept);
    void handle(const ui::FinishNewProfile& finish);
    void handle(const ui::UnlockProfile& unlock, std::int64_t now_ms);
    void handle(const ui::UseRecoveryCode& use);
    void handle(const ui::UnlockWithRecoveryCode& unlock, std::int64_t now_ms);

    // [SECTION] While a profile is open: Settings' new passphrase and deletion
    void handle(const ui::EditPassphraseChange& edit);
    void handle(const ui::ChangePassphrase& change, std::int64_t now_ms);
    void handle(const ui::EditDeleteConfirmation& edit);
    // Settings' view of the open profile (the lock time is the app's to set);
    // nullopt while none is open.
    std::optional<ui::ProfileSafetyView> safety_view(std::int64_t now_ms) const;
    // The open profile's id once its name has been typed to delete it; empty otherwise.
    std::string confirmed_deletion() const;

    // Whether a profile's records are open (the gate is out of the way).
    bool open() const { return step_ == Step::open; }
    // The screen to show while they are not; nullopt once they are.
    std::optional<ui::VaultView> view(std::int64_t now_ms) const;
    // When the screen next changes by itself (a wait counting down).
    std::optional<std::int64_t> next_change_ms(std::int64_t now_ms) const;
    // For the test hook: "listing", "choosing", "creating", "working",
    // "recovery-code", "unlocking", "recovering" or "open".
    const char* stage_name() const;
    // A message for the app's notice once the records open, then cleared.
    std::optional<std::string> take_notice();
    // Before a lock: wipes every key the gate holds (the records must be
    // closed first: the codec goes with them) and what was typed.
    void forget_keys();


private:
    enum class Step {
        listing, choosing, creating, deriving_new, showing_code, reading_old, opening_new, verifying,
        unlocking, deriving_unlock, recovering, deriving_recovered, open,
    };
    enum class JobFor { create, unlock, recover, check_current, change };
    // Where a passphrase change in Settings stands.
    enum class Change { idle, checking, making, storing };

    void derive(JobFor purpose, const std::string& passphrase, const crypto::PassphraseSalt& salt,
                crypto::KdfParams kdf, std::int64_t now_ms);
    void created(const crypto::SecretKey& passphrase_key);
    void unlocked(const crypto::SecretKey& passphrase_key, std::int64_t now_ms);
    void recovered(const crypto::SecretKey& passphrase_key);
    void current_checked(const crypto::SecretKey& passphrase_key, std::int64_t now_ms);
    void changed(const crypto::SecretKey& passphrase_key);
    void no_key_for(JobFor purpose);
    void start_unlock_if_ready(std::int64_t now_ms);
    void open_with(const crypto::SecretKey& master_key, std::vector<std::uint8_t> image);
    bool check_new_passphrase();
    void clear_secrets();
    void back_to_list();

    VaultHost& host_;
    RandomSource& random_;
    crypto::KdfParams new_kdf_ = crypto::default_kdf_params;
    Step step_ = Step::listing;
    std::vector<ui::ProfileChoice> profiles_;
    bool old_records_ = false;
    ui::VaultView form_;  // what the user typed and the problems shown

    // The profile being unlocked: its records as loaded, and its header.
    store::PageStore* pages_ = nullptr;
    std::optional<crypto::VaultHeader> header_;
    bool unlock_asked_ = false;  // Unlock was pressed before the records were loaded
    int failures_ = 0;
    std::int64_t retry_at_ms_ = 0;

    // A profile being made: the vault, until its records are open.
    std::optional<crypto::NewVault> new_vault_;
    std::string new_id_;
    std::vector<std::uint8_t> old_image_;  // the records from before profiles, moving in
    bool reload_asked_ = false;            // they are written: read them back once

    // A new passphrase (a recovery, or a change in Settings): the master key
    // opened by the code or the current passphrase, until the new
    // passphrase's key is made; then the new header, until it is stored.
    std::optional<crypto::SecretKey> opened_master_;
    crypto::PassphraseSalt new_salt_{};
    std::optional<crypto::VaultHeader> pending_header_;

    // The open profile, and Settings' passphrase change and deletion.
    ui::ProfileChoice open_profile_;
    ui::ProfileSafetyView safety_;  // what was typed, and the problems shown
    Change change_ = Change::idle;
    int change_failures_ = 0;
    std::int64_t change_retry_at_ms_ = 0;

    struct Job {
        std::uint64_t id = 0;
        JobFor purpose = JobFor::unlock;
        std::int64_t started_ms = 0;
    };
    std::optional<Job> job_;
    std::uint64_t next_job_ = first_job;

    std::unique_ptr<VaultPageCodec> codec_;
    std::optional<std::string> notice_;
};

}  // namespace tandem::app
