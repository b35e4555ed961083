// Records kept in a vault (app/vault_page_codec.hpp over PagedDatabase):
// what the store holds is ciphertext; the records open again with the
// master key, from the passphrase or the recovery code, after a new
// passphrase too; and a page changed, moved, or left from an older save, a
// page missing and a changed commit record each refuse to open, by name.

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "app/vault_page_codec.hpp"
#include "crypto/passphrase_key.hpp"
#include "crypto/sodium_random_source.hpp"
#include "crypto/sodium_runtime.hpp"
#include "crypto/vault_header.hpp"
#include "memory_page_store.hpp"
#include "paged_database_steps.hpp"

using namespace tandem;
using namespace tandem::testing;
using app::VaultPageCodec;
using crypto::VaultFailure;
using store::OpenProblem;

namespace {

constexpr std::string_view marker = "Marker-7Q2 private words about Year 9";

crypto::SecretKey random_key() {
    REQUIRE(crypto::initialize_sodium().ok());
    auto random = crypto::SodiumRandomSource::create();
    REQUIRE(random);
    crypto::SecretKey key;
    random->fill(key.bytes());
    return key;
}

// A vault made with a random passphrase key, its records in a memory store.
struct Vault {
    crypto::SecretKey passphrase_key = random_key();
    crypto::NewVault made = crypto::create_vault(passphrase_key, crypto::default_kdf_params, crypto::new_passphrase_salt());
    MemoryPageStore store;

    VaultPageCodec codec() const { return VaultPageCodec(made.master_key, made.header.id); }

    // Writes a table of notes with the marker in them, over a few commits.
    void write_notes() {
        VaultPageCodec writing = codec();
        auto db = open_ok(store, writing);
        run(*db, "CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT);");
        for (int i = 0; i < 12; ++i)
            run(*db, "INSERT INTO note (body) VALUES ('" + std::string(marker) + " " + std::to_string(i) +
                         std::string(600, 'x') + "');");
        run(*db, "UPDATE note SET body = 'changed' WHERE id = 3;");
        REQUIRE(db->progress().saved());
    }

    // Why the store does not open with the vault's key, or none.
    std::optional<OpenProblem> refusal(std::optional<crypto::VaultError>* detail = nullptr) {
        VaultPageCodec reading = codec();
        auto opened = store::PagedDatabase::open(store, reading);
        if (detail) *detail = reading.last_refusal();
        if (opened.ok()) return std::nullopt;
        return opened.error();
    }
};

bool holds(const std::vector<std::uint8_t>& bytes, std::string_view text) {
    return std::search(bytes.begin(), bytes.end(), text.begin(), text.end()) != bytes.end();
}

}  // namespace

TEST_CASE("records in a vault are stored as ciphertext and open again with the master key") {
    Vault vault;
    vault.write_notes();
    REQUIRE(vault.store.commit());
    CHECK(vault.store.commit()->seal.size() == crypto::vault_commit_bytes);
    for (const auto& [number, page] : vault.store.pages()) {
        CHECK_FALSE(holds(page.bytes, marker));
        CHECK_FALSE(holds(page.bytes, "SQLite format 3"));
        CHECK(page.bytes.size() == vault.store.commit()->page_size + crypto::vault_page_overhead);
    }

    VaultPageCodec reading = vault.codec();
    auto db = open_ok(vault.store, reading);
    CHECK(one(*db, "SELECT count(*) FROM note;") == "12");
    CHECK(one(*db, "SELECT body FROM note WHERE id = 3;") == "changed");
    CHECK(one(*db, "PRAGMA integrity_check;") == "ok");
    // It goes on saving, and opens again after.
    run(*db, "DELETE FROM note WHERE id > 6;");
    db.reset();
    VaultPageCodec again = vault.codec();
    auto reopened = open_ok(vault.store, again);
    CHECK(one(*reopened, "SELECT count(*) FROM note;") == "6");
}

TEST_CASE("a vault's records open from the passphrase, from the recovery code, and after a new passphrase") {
    Vault vault;
    vault.write_notes();
    auto by_passphrase = crypto::open_with_passphrase(vault.made.header, vault.passphrase_key);
    REQUIRE(by_passphrase.ok());
    VaultPageCodec first(by_passphrase.value(), vault.made.header.id);
    CHECK(one(*open_ok(vault.store, first), "SELECT count(*) FROM note;") == "12");

    const crypto::SecretKey new_key = random_key();
    const crypto::VaultHeader changed = crypto::with_new_passphrase(
        vault.made.header, by_passphrase.value(), new_key, crypto::default_kdf_params, crypto::new_passphrase_salt());
    CHECK_FALSE(crypto::open_with_passphrase(changed, vault.passphrase_key).ok());
    auto by_new = crypto::open_with_passphrase(changed, new_key);
    REQUIRE(by_new.ok());
    VaultPageCodec second(by_new.value(), changed.id);
    CHECK(one(*open_ok(vault.store, second), "SELECT body FROM note WHERE id = 3;") == "changed");

    auto by_code = crypto::open_with_recovery_code(changed, vault.made.recovery_code);
    REQUIRE(by_code.ok());
    VaultPageCodec third(by_code.value(), changed.id);
    CHECK(one(*open_ok(vault.store, third), "SELECT count(*) FROM note;") == "12");
}

TEST_CASE("a changed page, a page moved to another number and a page relabelled each refuse to open, naming the page") {
    Vault vault;
    vault.write_notes();
    const auto pages = vault.store.pages();
    REQUIRE(pages.size() >= 3);

    vault.store.pages()[2].bytes[100] ^= 1;
    std::optional<crypto::VaultError> detail;
    auto changed = vault.refusal(&detail);
    REQUIRE(changed);
    CHECK(changed->kind == OpenProblem::Kind::undecodable_page);
    CHECK(changed->page == 2);
    CHECK(detail == crypto::VaultError{VaultFailure::page_changed, 2});

    vault.store.pages() = pages;
    vault.store.pages()[2].bytes = pages.at(3).bytes;  // page 3's bytes in page 2's place
    vault.store.pages()[2].generation = pages.at(3).generation;
    auto moved = vault.refusal();
    REQUIRE(moved);
    CHECK(moved->kind == OpenProblem::Kind::undecodable_page);
    CHECK(moved->page == 2);

    vault.store.pages() = pages;
    vault.store.pages()[2].generation -= 1;  // the same bytes, labelled as written by an earlier save
    auto relabelled = vault.refusal();
    REQUIRE(relabelled);
    CHECK(relabelled->kind == OpenProblem::Kind::undecodable_page);

    vault.store.pages() = pages;
    CHECK_FALSE(vault.refusal());
}

TEST_CASE("a page put back from an older save opens by itself, and the vault still refuses: saves put together") {
    Vault vault;
    vault.write_notes();
    const auto older = vault.store.pages();
    {
        VaultPageCodec writing = vault.codec();
        auto db = open_ok(vault.store, writing);
        run(*db, "UPDATE note SET body = 'newer' WHERE id = 1;");
    }
    // A page the last save wrote, with its older copy (and that copy's own label) put back.
    std::uint32_t replayed = 0;
    for (const auto& [number, page] : vault.store.pages())
        if (older.count(number) && older.at(number).generation != page.generation) replayed = number;
    REQUIRE(replayed != 0);
    vault.store.pages()[replayed] = older.at(replayed);
    std::optional<crypto::VaultError> detail;
    auto mixed = vault.refusal(&detail);
    REQUIRE(mixed);
    CHECK(mixed->kind == OpenProblem::Kind::pages_mixed);
    CHECK(detail == crypto::VaultError{VaultFailure::pages_mixed});
}

TEST_CASE("a missing page, and a commit record changed or disagreeing, refuse to open") {
    Vault vault;
    vault.write_notes();
    const auto pages = vault.store.pages();
    const store::CommitRecord commit = *vault.store.commit();

    vault.store.pages().erase(2);
    auto missing = vault.refusal();
    REQUIRE(missing);
    CHECK(missing->kind == OpenProblem::Kind::missing_page);
    CHECK(missing->page == 2);
    vault.store.pages() = pages;

    vault.store.commit()->seal[40] ^= 1;
    std::optional<crypto::VaultError> detail;
    auto changed = vault.refusal(&detail);
    REQUIRE(changed);
    CHECK(changed->kind == OpenProblem::Kind::commit_changed);
    CHECK(detail == crypto::VaultError{VaultFailure::commit_changed});

    *vault.store.commit() = commit;
    vault.store.commit()->page_count -= 1;  // the plain copy says fewer pages than were sealed
    auto disagrees = vault.refusal(&detail);
    REQUIRE(disagrees);
    CHECK(disagrees->kind == OpenProblem::Kind::commit_changed);
    CHECK(detail == crypto::VaultError{VaultFailure::commit_disagrees});

    *vault.store.commit() = commit;
    vault.store.commit()->seal.clear();
    CHECK(vault.refusal()->kind == OpenProblem::Kind::commit_changed);

    // Another vault's key opens none of it.
    *vault.store.commit() = commit;
    VaultPageCodec stranger(random_key(), vault.made.header.id);
    auto opened = store::PagedDatabase::open(vault.store, stranger);
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.error().kind == OpenProblem::Kind::commit_changed);
    CHECK_FALSE(vault.refusal());
}

TEST_CASE("what the store holds without a vault is refused by the vault's codec, and the other way round") {
    Vault vault;
    {
        auto db = open_ok(vault.store);
        run(*db, "CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT);");
    }
    auto plain = vault.refusal();
    REQUIRE(plain);
    CHECK(plain->kind == OpenProblem::Kind::commit_changed);

    MemoryPageStore sealed;
    VaultPageCodec writing = vault.codec();
    run(*open_ok(sealed, writing), "CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT);");
    auto opened = store::PagedDatabase::open(sealed, identity_codec);
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.error().kind == OpenProblem::Kind::commit_changed);
}
