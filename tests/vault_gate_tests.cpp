// The way to a profile's records (app/vault_gate.hpp), through App as the
// browser drives it: a first visit makes a profile and shows its recovery
// code once; later visits choose a profile and unlock it; a wrong
// passphrase writes nothing and waits longer each time; the recovery code
// sets a new passphrase; the records from before profiles move into the
// first one; and a lock waits for the last save.

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "app/app.hpp"
#include "app/vault_gate.hpp"
#include "crypto/recovery_code.hpp"
#include "crypto/sodium_random_source.hpp"
#include "app_devices.hpp"
#include "memory_page_store.hpp"
#include "paged_database_steps.hpp"
#include "profile_steps.hpp"
#include "test_doubles.hpp"

using namespace tandem;
using namespace tandem::app;
using namespace tandem::testing;
using GateStage = ui::VaultView::Stage;

namespace {

const ui::VaultView& gate(const App& app) {
    REQUIRE(app.shell_view().vault.has_value());
    return *app.shell_view().vault;
}

bool stored_text(const MemoryPageStore& pages, std::string_view text) {
    for (const auto& [number, page] : const_cast<MemoryPageStore&>(pages).pages())
        if (std::search(page.bytes.begin(), page.bytes.end(), text.begin(), text.end()) != page.bytes.end()) return true;
    return false;
}

void type(App& app, ui::VaultField field, const std::string& text) { app.dispatch(ui::EditVaultField{field, text}); }

}  // namespace

TEST_CASE("a first visit makes a profile: a name, a passphrase above the floor typed twice, and the recovery code once") {
    App app;
    app.set_new_vault_kdf(cheap_kdf);
    CHECK(gate(app).stage == GateStage::waiting);
    app.profiles_listed(false);
    CHECK(gate(app).stage == GateStage::creating);
    CHECK_FALSE(gate(app).moving_old_records);

    app.dispatch(ui::CreateProfile{});
    CHECK(gate(app).name_problem == "Give the profile a name, so that you can find it in the list.");
    CHECK(gate(app).passphrase_problem.find("at least 12 characters") != std::string::npos);
    type(app, ui::VaultField::profile_name, "  Ana Kowalska ");
    for (const char* weak : {"short", "aaaaaaaaaaaaaaaa", "Password1234!", "123456789012345"}) {
        type(app, ui::VaultField::passphrase, weak);
        type(app, ui::VaultField::repeat, weak);
        app.dispatch(ui::CreateProfile{});
        CHECK_MESSAGE(!gate(app).passphrase_problem.empty(), weak);
        CHECK(app.take_host_requests().empty());
    }
    type(app, ui::VaultField::passphrase, "otter quilt harbour");
    type(app, ui::VaultField::repeat, "otter quilt harbor");
    app.dispatch(ui::CreateProfile{});
    CHECK(gate(app).repeat_problem == "This is not the same as the passphrase above.");
    type(app, ui::VaultField::repeat, "otter quilt harbour");
    app.dispatch(ui::CreateProfile{});
    CHECK(gate(app).stage == GateStage::working);
    CHECK(app.test_state_json().find(R"("vault":"working")") != std::string::npos);
    serve_keys(app, app.take_host_requests());

    const ui::VaultView shown = gate(app);
    REQUIRE(shown.stage == GateStage::recovery_code);
    CHECK(shown.passphrase.empty());  // not kept once its key is made
    CHECK(shown.recovery_code.size() == 47);
    CHECK(crypto::read_recovery_code(shown.recovery_code).ok());
    app.dispatch(ui::SaveRecoveryCode{});
    std::vector<HostRequest> requests = app.take_host_requests();
    const auto saved = take_request<DownloadFile>(requests);
    CHECK(saved.name == "tandem-recovery-code.txt");
    CHECK(std::string(saved.bytes.begin(), saved.bytes.end()).find(shown.recovery_code) != std::string::npos);
    app.dispatch(ui::FinishNewProfile{});  // not before the code is said to be kept
    CHECK(gate(app).stage == GateStage::recovery_code);
    app.dispatch(ui::ConfirmRecoveryCodeKept{true});
    app.dispatch(ui::FinishNewProfile{});
    requests = app.take_host_requests();
    const auto created = take_request<CreateProfileRecords>(requests);
    CHECK(created.name == "Ana Kowalska");
    CHECK(created.database.rfind("tandem-profile-", 0) == 0);
    CHECK(created.database.size() == 15 + 32);
    auto header = crypto::VaultHeader::decode(created.header);
    REQUIRE(header.ok());
    CHECK(header.value().kdf == cheap_kdf);

    MemoryPageStore pages;
    app.records_loaded(pages, std::nullopt, false);
    CHECK(app.records_state() == RecordsState::kept);
    CHECK_FALSE(app.shell_view().vault.has_value());
    app.dispatch(ui::EditProfile{ui::ProfileField::name, "Marker-Q7 Ana"});
    CHECK(app.all_saved());
    CHECK_FALSE(stored_text(pages, "Marker-Q7"));
    CHECK_FALSE(stored_text(pages, "SQLite format 3"));
    CHECK(app.test_state_json().find(R"("vault":"open")") != std::string::npos);
}

TEST_CASE("a later visit lists the profiles by name, and a wrong passphrase writes nothing and waits longer each time") {
    MemoryPageStore pages;
    ProfileKeys profile;
    {
        App first;
        profile = make_profile(first, pages, "Sam Patel");
        first.dispatch(ui::EditProfile{ui::ProfileField::name, "Sam Patel"});
    }
    App app;
    app.profile_found("not-an-id", "Nobody", 2);
    app.profile_found(std::string(32, 'b'), "Zoe Adams", 12);
    app.profile_found(profile.id, "Sam Patel", 3);
    app.profiles_listed(false);
    REQUIRE(gate(app).stage == GateStage::choosing);
    REQUIRE(gate(app).profiles.size() == 2);
    CHECK(gate(app).profiles[0].name == "Sam Patel");
    CHECK(gate(app).profiles[1].name == "Zoe Adams");
    CHECK(gate(app).profiles[1].colour == 7);

    app.dispatch(ui::ChooseProfile{profile.id});
    std::vector<HostRequest> requests = app.take_host_requests();
    CHECK(take_request<OpenProfileRecords>(requests).database == "tandem-profile-" + profile.id);
    CHECK(gate(app).stage == GateStage::unlocking);
    // Unlock pressed while the records are still being read: it goes on once they are.
    type(app, ui::VaultField::passphrase, "maple orbit candle yonde");
    app.dispatch(ui::UnlockProfile{});
    CHECK(app.take_host_requests().empty());
    const int writes = pages.writes();
    app.records_loaded(pages, profile.header, false);
    serve_keys(app, app.take_host_requests());
    CHECK(gate(app).stage == GateStage::unlocking);
    CHECK(gate(app).problem == "That is not this profile\xE2\x80\x99s passphrase. Capitals and spaces count.");
    CHECK(gate(app).passphrase.empty());
    CHECK(gate(app).wait_seconds == 1);
    type(app, ui::VaultField::passphrase, "wrong again, twice over");
    app.dispatch(ui::UnlockProfile{});  // too soon: nothing happens
    CHECK(app.take_host_requests().empty());
    CHECK(pages.writes() == writes);
    CHECK(app.records_state() == RecordsState::opening);

    // The next visit, with the right passphrase.
    App again;
    unlock_profile(again, pages, profile);
    CHECK(again.shell_view().profile.name.text == "Sam Patel");
}

namespace {

// A host for the gate alone: it keeps what is asked and opens nothing.
struct GateHost final : VaultHost {
    std::vector<HostRequest> requests;
    void request(HostRequest request) override { requests.push_back(std::move(request)); }
    bool open_vault_records(store::PageStore&, store::PageCodec&, std::vector<std::uint8_t>) override { return true; }
    std::vector<std::uint8_t> read_old_records(store::PageStore&) override { return {}; }
    bool all_saved() const override { return true; }
};

}  // namespace

TEST_CASE("each wrong passphrase waits longer before the next try: 1, 2, 4 seconds and up to 30") {
    MemoryPageStore pages;
    ProfileKeys profile;
    {
        App first;
        profile = make_profile(first, pages);
    }
    GateHost host;
    auto random = crypto::SodiumRandomSource::create();
    REQUIRE(random);
    VaultGate vault(host, *random);
    vault.profile_found(profile.id, profile.name, 0);
    vault.profiles_listed(false);
    vault.handle(ui::ChooseProfile{profile.id});
    vault.loaded(pages, profile.header, false, 0);
    std::int64_t now = 1'000'000;
    for (const int wait : {1, 2, 4, 8, 16, 30, 30}) {
        vault.handle(ui::EditVaultField{ui::VaultField::passphrase, "not the passphrase at all"});
        vault.handle(ui::UnlockProfile{}, now);
        REQUIRE(!host.requests.empty());
        const auto* derive = std::get_if<DerivePassphraseKey>(&host.requests.back());
        REQUIRE(derive);
        auto key = crypto::derive_passphrase_key(derive->job.passphrase, derive->job.salt, derive->job.params);
        REQUIRE(key.ok());
        std::array<std::uint8_t, 32> bytes{};
        std::copy(key.value().bytes().begin(), key.value().bytes().end(), bytes.begin());
        // The web platform hands the id back through a JavaScript number.
        const auto id = static_cast<std::uint64_t>(static_cast<double>(derive->job.id));
        host.requests.clear();
        CHECK(vault.key_derived(id, bytes, now));
        CHECK(vault.view(now)->wait_seconds == wait);
        CHECK(vault.next_change_ms(now) == now + 1000);
        vault.handle(ui::EditVaultField{ui::VaultField::passphrase, "again"});
        vault.handle(ui::UnlockProfile{}, now + wait * 1000 - 1);
        CHECK(host.requests.empty());
        now += wait * 1000;
        CHECK(vault.view(now)->wait_seconds == 0);
    }
    CHECK_FALSE(vault.open());
}

TEST_CASE("the recovery code, checked group by group, opens the profile and sets a new passphrase") {
    MemoryPageStore pages;
    App first;
    first.set_new_vault_kdf(cheap_kdf);
    first.profiles_listed(false);
    type(first, ui::VaultField::profile_name, "Ana");
    type(first, ui::VaultField::passphrase, profile_passphrase);
    type(first, ui::VaultField::repeat, profile_passphrase);
    first.dispatch(ui::CreateProfile{});
    serve_keys(first, first.take_host_requests());
    const std::string code = gate(first).recovery_code;
    first.dispatch(ui::ConfirmRecoveryCodeKept{true});
    first.dispatch(ui::FinishNewProfile{});
    std::vector<HostRequest> requests = first.take_host_requests();
    const auto created = take_request<CreateProfileRecords>(requests);
    first.records_loaded(pages, std::nullopt, false);
    first.dispatch(ui::EditProfile{ui::ProfileField::name, "Ana"});
    const std::string id = created.database.substr(15);

    App app;
    app.set_new_vault_kdf(cheap_kdf);
    app.profile_found(id, "Ana", 0);
    app.profiles_listed(false);
    app.dispatch(ui::ChooseProfile{id});
    app.take_host_requests();
    app.records_loaded(pages, created.header, false);
    app.dispatch(ui::UseRecoveryCode{});
    CHECK(gate(app).stage == GateStage::recovering);
    std::string slipped = code;
    slipped[13] = slipped[13] == 'A' ? 'B' : 'A';  // in group 3
    type(app, ui::VaultField::recovery_code, slipped);
    app.dispatch(ui::UnlockWithRecoveryCode{});
    CHECK(gate(app).recovery_code_problem == "Group 3 has a typing mistake: check it against your copy.");
    type(app, ui::VaultField::recovery_code, crypto::RecoveryCode::random().text());
    type(app, ui::VaultField::passphrase, "new lantern meadow stone");
    type(app, ui::VaultField::repeat, "new lantern meadow stone");
    app.dispatch(ui::UnlockWithRecoveryCode{});
    CHECK(gate(app).recovery_code_problem.find("is not this profile") != std::string::npos);
    CHECK(app.take_host_requests().empty());

    type(app, ui::VaultField::recovery_code, code);
    app.dispatch(ui::UnlockWithRecoveryCode{});
    serve_keys(app, app.take_host_requests());
    REQUIRE(app.records_state() == RecordsState::kept);
    CHECK(app.shell_view().profile.name.text == "Ana");
    requests = app.take_host_requests();
    const auto written = take_request<WriteVaultHeader>(requests);
    app.vault_header_written(true);
    CHECK(app.shell_view().notice.has_value());

    ProfileKeys renewed{id, "Ana", written.header, "new lantern meadow stone"};
    App later;
    unlock_profile(later, pages, renewed);
    CHECK(later.shell_view().profile.name.text == "Ana");
    ProfileKeys old{id, "Ana", written.header, profile_passphrase};
    App refused;
    unlock_profile(refused, pages, old, RecordsState::opening);
}

TEST_CASE("the records from before profiles move into the first profile, are read back, and only then deleted") {
    // Records as the release before profiles kept them: the same database, in plain pages.
    MemoryPageStore made_pages;
    ProfileKeys made;
    {
        App first;
        made = make_profile(first, made_pages, "Ana");
        first.dispatch(ui::EditProfile{ui::ProfileField::name, "Ana Kowalska"});
    }
    MemoryPageStore old_pages;
    {
        RecordsCopy copy(made_pages, made);
        store::IdentityPageCodec plain;
        auto db = store::PagedDatabase::open(old_pages, plain, copy.database->file_bytes());
        REQUIRE(db.ok());
        REQUIRE(db.value()->progress().saved());
    }
    REQUIRE(stored_text(old_pages, "Ana Kowalska"));
    const auto old_stored = old_pages.pages();

    App app;
    app.set_new_vault_kdf(cheap_kdf);
    app.profiles_listed(true);
    REQUIRE(gate(app).stage == GateStage::creating);
    CHECK(gate(app).moving_old_records);
    type(app, ui::VaultField::profile_name, "Ana");
    type(app, ui::VaultField::passphrase, profile_passphrase);
    type(app, ui::VaultField::repeat, profile_passphrase);
    app.dispatch(ui::CreateProfile{});
    serve_keys(app, app.take_host_requests());
    app.dispatch(ui::ConfirmRecoveryCodeKept{true});
    app.dispatch(ui::FinishNewProfile{});
    std::vector<HostRequest> requests = app.take_host_requests();
    CHECK(take_request<OpenProfileRecords>(requests).database == "tandem");
    app.records_loaded(old_pages, std::nullopt, false);
    requests = app.take_host_requests();
    const auto created = take_request<CreateProfileRecords>(requests);

    MemoryPageStore new_pages;
    app.records_loaded(new_pages, std::nullopt, false);
    CHECK(new_pages.last_batch_full());
    CHECK_FALSE(stored_text(new_pages, "Ana Kowalska"));
    requests = app.take_host_requests();
    take_request<ReloadRecords>(requests);
    CHECK(std::none_of(requests.begin(), requests.end(),
                       [](const HostRequest& r) { return std::holds_alternative<DeleteOldRecords>(r); }));
    app.records_loaded(new_pages, created.header, false);  // read back from the browser
    requests = app.take_host_requests();
    take_request<DeleteOldRecords>(requests);
    CHECK(app.records_state() == RecordsState::kept);
    CHECK(app.shell_view().profile.name.text == "Ana Kowalska");
    CHECK(old_pages.pages() == old_stored);  // the host deletes them; nothing wrote over them

    // The next visit opens the moved records with the passphrase.
    App later;
    ProfileKeys moved{created.database.substr(15), "Ana", created.header, profile_passphrase};
    unlock_profile(later, new_pages, moved);
    CHECK(later.shell_view().profile.name.text == "Ana Kowalska");
}

TEST_CASE("Lock waits for what is not saved yet, then asks for the page to start afresh") {
    MemoryPageStore pages;
    App app;
    make_profile(app, pages);
    pages.defer_answers(true);
    app.dispatch(ui::EditProfile{ui::ProfileField::name, "Sam"});
    app.dispatch(ui::LockProfile{});
    std::vector<HostRequest> requests = app.take_host_requests();
    take_request<LockPage>(requests);
    CHECK_FALSE(app.all_saved());  // the host locks once this is true
    pages.complete_pending();
    CHECK(app.all_saved());
}

TEST_CASE("an open profile locks by itself after its lock time unused; input puts it off, and a clock set back does not") {
    MemoryPageStore pages;
    ManualWallClock wall(test_epoch_ms);
    App app(wall);
    CHECK_FALSE(app.idle_lock_wait_ms());  // nothing open, nothing to lock
    make_profile(app, pages);
    CHECK(app.shell_view().safety->lock_after_minutes == 10);
    CHECK(app.idle_lock_wait_ms() == 10 * 60'000);

    wall.advance(9 * 60'000);
    CHECK_FALSE(app.lock_if_idle());
    app.user_active();  // a key pressed: ten minutes from now
    wall.advance(9 * 60'000);
    CHECK_FALSE(app.lock_if_idle());
    CHECK(app.idle_lock_wait_ms() == 60'000);
    wall.set(test_epoch_ms - 60 * 60'000);  // the clock set back an hour counts from there
    CHECK_FALSE(app.lock_if_idle());
    CHECK(app.idle_lock_wait_ms() == 10 * 60'000);
    wall.advance(10 * 60'000);
    app.take_host_requests();
    CHECK(app.lock_if_idle());
    std::vector<HostRequest> requests = app.take_host_requests();
    take_request<LockPage>(requests);
    CHECK_FALSE(app.lock_if_idle());  // asked once
}

TEST_CASE("the lock time is chosen in Settings and kept in the profile's own records") {
    MemoryPageStore pages;
    ProfileKeys profile;
    {
        ManualWallClock wall(test_epoch_ms);
        App app(wall);
        profile = make_profile(app, pages);
        app.dispatch(ui::SetLockAfter{7});  // not offered: refused
        CHECK(app.shell_view().safety->lock_after_minutes == 10);
        app.dispatch(ui::SetLockAfter{30});
        CHECK(app.shell_view().safety->lock_after_minutes == 30);
        wall.advance(29 * 60'000);
        CHECK_FALSE(app.lock_if_idle());
        wall.advance(60'000);
        CHECK(app.lock_if_idle());
    }
    ManualWallClock wall(test_epoch_ms);
    App again(wall);
    unlock_profile(again, pages, profile);
    CHECK(again.shell_view().safety->lock_after_minutes == 30);
    CHECK(again.idle_lock_wait_ms() == 30 * 60'000);
}

namespace {

void change_field(App& app, ui::PassphraseChangeField field, const std::string& text) {
    app.dispatch(ui::EditPassphraseChange{field, text});
}

}  // namespace

TEST_CASE("a new passphrase from Settings: the current one is checked first, then only the lock changes") {
    MemoryPageStore pages;
    ManualWallClock wall(test_epoch_ms);
    App app(wall);
    ProfileKeys profile = make_profile(app, pages, "Sam Patel");
    app.dispatch(ui::EditProfile{ui::ProfileField::name, "Sam Patel"});
    REQUIRE(app.shell_view().safety.has_value());
    CHECK(app.shell_view().safety->name == "Sam Patel");
    app.take_host_requests();

    // Below the floor, or not repeated: nothing is started.
    change_field(app, ui::PassphraseChangeField::current, profile_passphrase);
    change_field(app, ui::PassphraseChangeField::fresh, "short");
    app.dispatch(ui::ChangePassphrase{});
    CHECK(app.shell_view().safety->fresh_problem.find("at least 12 characters") != std::string::npos);
    change_field(app, ui::PassphraseChangeField::fresh, "harbour violet kettle drum");
    change_field(app, ui::PassphraseChangeField::repeat, "harbour violet kettle dram");
    app.dispatch(ui::ChangePassphrase{});
    CHECK(app.shell_view().safety->repeat_problem == "This is not the same as the new passphrase above.");
    CHECK(app.take_host_requests().empty());

    // A wrong current passphrase: named, cleared, and the next try waits.
    change_field(app, ui::PassphraseChangeField::current, "maple orbit candle yonde");
    change_field(app, ui::PassphraseChangeField::repeat, "harbour violet kettle drum");
    app.dispatch(ui::ChangePassphrase{});
    CHECK(app.shell_view().safety->changing);
    CHECK(serve_keys(app, app.take_host_requests()).empty());
    CHECK(app.shell_view().safety->current_problem ==
          "That is not this profile\xE2\x80\x99s passphrase. Capitals and spaces count.");
    CHECK(app.shell_view().safety->current.empty());
    CHECK(app.shell_view().safety->wait_seconds == 1);
    change_field(app, ui::PassphraseChangeField::current, profile_passphrase);
    app.dispatch(ui::ChangePassphrase{});
    CHECK(app.take_host_requests().empty());
    wall.advance(1000);
    app.run_due_work();
    CHECK(app.shell_view().safety->wait_seconds == 0);  // the wait counts down on screen

    app.dispatch(ui::ChangePassphrase{});
    serve_keys(app, app.take_host_requests());  // the current passphrase's key
    serve_keys(app, app.take_host_requests());  // the new one's
    std::vector<HostRequest> requests = app.take_host_requests();
    const auto written = take_request<WriteVaultHeader>(requests);
    CHECK(app.shell_view().safety->changing);  // until it is stored
    app.vault_header_written(true);
    CHECK_FALSE(app.shell_view().safety->changing);
    CHECK(app.shell_view().safety->current.empty());
    CHECK(app.shell_view().safety->fresh.empty());
    REQUIRE(app.shell_view().notice.has_value());
    CHECK(app.shell_view().notice->text.find("new passphrase is set") != std::string::npos);

    ProfileKeys renewed{profile.id, profile.name, written.header, "harbour violet kettle drum"};
    App later;
    unlock_profile(later, pages, renewed);
    CHECK(later.shell_view().profile.name.text == "Sam Patel");
    ProfileKeys old{profile.id, profile.name, written.header, profile_passphrase};
    App refused;
    unlock_profile(refused, pages, old, RecordsState::opening);
}

TEST_CASE("a profile is deleted only once its name is typed, its records closed and its keys wiped first") {
    MemoryPageStore pages;
    App app;
    ProfileKeys profile = make_profile(app, pages, "Sam Patel");
    app.dispatch(ui::EditProfile{ui::ProfileField::name, "Sam Patel"});
    app.take_host_requests();
    app.dispatch(ui::EditDeleteConfirmation{"Sam"});
    CHECK_FALSE(app.shell_view().safety->delete_confirmed);
    app.dispatch(ui::DeleteProfile{});
    CHECK(app.take_host_requests().empty());
    CHECK(app.records_state() == RecordsState::kept);

    app.dispatch(ui::EditDeleteConfirmation{"Sam Patel "});
    CHECK(app.shell_view().safety->delete_confirmed);
    const int writes = pages.writes();
    app.dispatch(ui::DeleteProfile{});
    std::vector<HostRequest> requests = app.take_host_requests();
    CHECK(take_request<DeleteProfileRecords>(requests).id == profile.id);
    CHECK(pages.writes() == writes);  // nothing more is saved of what goes
    CHECK(app.records_state() == RecordsState::opening);
    CHECK_FALSE(app.shell_view().safety.has_value());
    CHECK_FALSE(app.shell_view().can_lock);
    CHECK(app.shell_view().profile.name.text.empty());
}
