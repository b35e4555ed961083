// The vault's cryptography (crypto/recovery_code.hpp, vault_header.hpp,
// vault_cipher.hpp): the recovery code as typed, the header and its two
// seals, pages bound to their place and generation, and the sealed commit
// record that finds pages of different saves put together.

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <string>
#include <vector>

#include "crypto/passphrase_key.hpp"
#include "crypto/recovery_code.hpp"
#include "crypto/sodium_random_source.hpp"
#include "crypto/sodium_runtime.hpp"
#include "crypto/vault_cipher.hpp"
#include "crypto/vault_header.hpp"

using namespace tandem;
using namespace tandem::crypto;

namespace {

constexpr std::size_t page_size = 4096;

SecretKey random_key() {
    REQUIRE(initialize_sodium().ok());
    auto random = SodiumRandomSource::create();
    REQUIRE(random);
    SecretKey key;
    random->fill(key.bytes());
    return key;
}

bool same(const SecretKey& a, const SecretKey& b) {
    return std::equal(a.bytes().begin(), a.bytes().end(), b.bytes().begin(), b.bytes().end());
}

std::vector<std::uint8_t> page_of(std::uint8_t fill) { return std::vector<std::uint8_t>(page_size, fill); }

RecoveryCode code_of(std::uint8_t fill) {
    std::array<std::uint8_t, RecoveryCode::size> bytes{};
    bytes.fill(fill);
    return RecoveryCode(bytes);
}

// A vault made with a random passphrase key, and that key.
struct MadeVault {
    SecretKey passphrase_key = random_key();
    NewVault vault = create_vault(passphrase_key, KdfParams{3, 128 * 1024 * 1024}, new_passphrase_salt());
};

VaultError error_of(const Result<void, VaultError>& result) {
    REQUIRE_FALSE(result.ok());
    return result.error();
}

}  // namespace

TEST_CASE("a recovery code is eight groups of four characters and a check character, and reads back") {
    REQUIRE(initialize_sodium().ok());
    CHECK(code_of(0).text() == "00000 00000 00000 00000 00000 00000 00000 00000");
    // 2^20 - 1 is 32 modulo 37: a check character only a check has.
    CHECK(code_of(0xFF).text() == "ZZZZ* ZZZZ* ZZZZ* ZZZZ* ZZZZ* ZZZZ* ZZZZ* ZZZZ*");
    auto all_ones = read_recovery_code("zzzz*-zzzz*-zzzz*-zzzz*-zzzz*-zzzz*-zzzz*-zzzz*");
    REQUIRE(all_ones.ok());
    CHECK(all_ones.value().text() == code_of(0xFF).text());

    const RecoveryCode code = RecoveryCode::random();
    const std::string text = code.text();
    CHECK(text.size() == 47);
    auto read = read_recovery_code(text);
    REQUIRE(read.ok());
    CHECK(std::equal(read.value().bytes().begin(), read.value().bytes().end(), code.bytes().begin()));

    // As people type it: small letters, no spaces, O for 0 and L for 1.
    std::string typed;
    for (char c : text) {
        if (c == ' ') continue;
        typed.push_back(c == '0' ? 'o' : c == '1' ? 'l' : static_cast<char>(std::tolower(c)));
    }
    auto loose = read_recovery_code(typed);
    REQUIRE(loose.ok());
    CHECK(loose.value().text() == text);
}

TEST_CASE("a slip in a recovery code is named by its group; a wrong length or letter is refused") {
    REQUIRE(initialize_sodium().ok());
    const std::string text = code_of(0x5A).text();
    std::string slipped = text;
    const std::size_t at = 4 * 6 + 1;  // group 5, its second character
    slipped[at] = slipped[at] == 'A' ? 'B' : 'A';
    auto typo = read_recovery_code(slipped);
    REQUIRE_FALSE(typo.ok());
    CHECK(typo.error().problem == RecoveryCodeProblem::typo_in_group);
    CHECK(typo.error().group == 5);

    std::string swapped = text;
    std::swap(swapped[6], swapped[7]);  // group 2's first two characters
    REQUIRE(swapped != text);
    auto transposed = read_recovery_code(swapped);
    REQUIRE_FALSE(transposed.ok());
    CHECK(transposed.error().group == 2);

    CHECK(read_recovery_code(text.substr(0, 46)).error().problem == RecoveryCodeProblem::wrong_length);
    CHECK(read_recovery_code(text + "0").error().problem == RecoveryCodeProblem::wrong_length);
    CHECK(read_recovery_code("").error().problem == RecoveryCodeProblem::wrong_length);
    std::string bad = text;
    bad[12] = 'U';  // a check-only symbol where a data character belongs, in group 3
    auto letter = read_recovery_code(bad);
    REQUIRE_FALSE(letter.ok());
    CHECK(letter.error().problem == RecoveryCodeProblem::not_a_letter);
    CHECK(letter.error().group == 3);
}

TEST_CASE("a vault's master key opens with its passphrase's key and with its recovery code, and with nothing else") {
    MadeVault made;
    const std::vector<std::uint8_t> stored = made.vault.header.encode();
    CHECK(stored.size() == vault_header_bytes);
    auto header = VaultHeader::decode(stored);
    REQUIRE(header.ok());
    CHECK(header.value() == made.vault.header);

    auto by_passphrase = open_with_passphrase(header.value(), made.passphrase_key);
    REQUIRE(by_passphrase.ok());
    CHECK(same(by_passphrase.value(), made.vault.master_key));
    auto by_code = open_with_recovery_code(header.value(), made.vault.recovery_code);
    REQUIRE(by_code.ok());
    CHECK(same(by_code.value(), made.vault.master_key));

    CHECK(open_with_passphrase(header.value(), random_key()).error().failure == VaultFailure::wrong_passphrase);
    CHECK(open_with_recovery_code(header.value(), code_of(7)).error().failure == VaultFailure::wrong_recovery_code);
    // The recovery code's key is not the passphrase's, nor the other way round.
    SecretKey code_as_key;
    std::copy(made.vault.recovery_code.bytes().begin(), made.vault.recovery_code.bytes().end(),
              code_as_key.bytes().begin());
    CHECK_FALSE(open_with_passphrase(header.value(), code_as_key).ok());
}

TEST_CASE("a derived passphrase key opens the vault it made; a wrong passphrase does not") {
    REQUIRE(initialize_sodium().ok());
    const KdfParams cheap{1, 8 * 1024};
    const PassphraseSalt salt = new_passphrase_salt();
    auto key = derive_passphrase_key("maple orbit candle yonder frost", salt, cheap);
    REQUIRE(key.ok());
    const NewVault vault = create_vault(key.value(), cheap, salt);
    auto again = derive_passphrase_key("maple orbit candle yonder frost", vault.header.salt, vault.header.kdf);
    REQUIRE(again.ok());
    CHECK(open_with_passphrase(vault.header, again.value()).ok());
    auto wrong = derive_passphrase_key("maple orbit candle yonder frosty", vault.header.salt, vault.header.kdf);
    REQUIRE(wrong.ok());
    CHECK(open_with_passphrase(vault.header, wrong.value()).error().failure == VaultFailure::wrong_passphrase);
}

TEST_CASE("a damaged header is told from a wrong passphrase; a changed one opens with neither key") {
    MadeVault made;
    const std::vector<std::uint8_t> stored = made.vault.header.encode();
    for (std::size_t i = 0; i < stored.size(); ++i) {
        std::vector<std::uint8_t> flipped = stored;
        flipped[i] ^= 0x10;
        auto decoded = VaultHeader::decode(flipped);
        REQUIRE_FALSE(decoded.ok());
        CHECK(decoded.error().failure == VaultFailure::header_damaged);
    }
    CHECK(VaultHeader::decode(std::span(stored).first(200)).error().failure == VaultFailure::header_damaged);

    // Changed on purpose, with a checksum to match: the seals refuse.
    VaultHeader other_id = made.vault.header;
    other_id.id[3] ^= 1;
    auto decoded = VaultHeader::decode(other_id.encode());
    REQUIRE(decoded.ok());
    CHECK(open_with_passphrase(decoded.value(), made.passphrase_key).error().failure == VaultFailure::wrong_passphrase);
    CHECK(open_with_recovery_code(decoded.value(), made.vault.recovery_code).error().failure ==
          VaultFailure::wrong_recovery_code);
    VaultHeader cheaper = made.vault.header;
    cheaper.kdf.opslimit = 2;
    CHECK_FALSE(open_with_passphrase(cheaper, made.passphrase_key).ok());
    VaultHeader swapped = made.vault.header;
    std::swap(swapped.by_passphrase, swapped.by_recovery_code);
    CHECK_FALSE(open_with_passphrase(swapped, made.passphrase_key).ok());
    CHECK_FALSE(open_with_recovery_code(swapped, made.vault.recovery_code).ok());

    VaultHeader costly = made.vault.header;
    costly.kdf.memlimit = 512u * 1024 * 1024;
    CHECK(VaultHeader::decode(costly.encode()).error().failure == VaultFailure::kdf_over_limits);
    VaultHeader too_cheap = made.vault.header;
    too_cheap.kdf.opslimit = 0;
    CHECK(VaultHeader::decode(too_cheap.encode()).error().failure == VaultFailure::header_damaged);
}

TEST_CASE("a new passphrase seals the same master key; the old one no longer opens it, the recovery code still does") {
    MadeVault made;
    const SecretKey new_key = random_key();
    const PassphraseSalt salt = new_passphrase_salt();
    const VaultHeader changed =
        with_new_passphrase(made.vault.header, made.vault.master_key, new_key, KdfParams{4, 64 * 1024 * 1024}, salt);
    CHECK(changed.id == made.vault.header.id);
    CHECK(changed.by_recovery_code == made.vault.header.by_recovery_code);
    CHECK(changed.kdf == KdfParams{4, 64 * 1024 * 1024});
    CHECK(changed.salt == salt);
    auto reread = VaultHeader::decode(changed.encode());
    REQUIRE(reread.ok());
    auto opened = open_with_passphrase(reread.value(), new_key);
    REQUIRE(opened.ok());
    CHECK(same(opened.value(), made.vault.master_key));
    CHECK_FALSE(open_with_passphrase(reread.value(), made.passphrase_key).ok());
    auto by_code = open_with_recovery_code(reread.value(), made.vault.recovery_code);
    REQUIRE(by_code.ok());
    CHECK(same(by_code.value(), made.vault.master_key));
}

TEST_CASE("a page opens only as the page, number and generation it was sealed as, in its own vault") {
    MadeVault made;
    VaultCipher writer(made.vault.master_key, made.vault.header.id);
    const std::vector<std::uint8_t> plain = page_of(0x42);
    const std::vector<std::uint8_t> stored = writer.seal_page(7, 3, plain);
    CHECK(stored.size() == page_size + vault_page_overhead);
    CHECK(std::search(stored.begin(), stored.end(), plain.begin(), plain.begin() + 64) == stored.end());
    CHECK(writer.seal_page(7, 3, plain) != stored);  // a fresh nonce every time

    VaultCipher reader(made.vault.master_key, made.vault.header.id);
    std::vector<std::uint8_t> page(page_size);
    REQUIRE(reader.open_page(7, 3, stored, page).ok());
    CHECK(page == plain);

    std::vector<std::uint8_t> out(page_size, 0xEE);
    CHECK(error_of(reader.open_page(8, 3, stored, out)) == VaultError{VaultFailure::page_changed, 8});
    CHECK(error_of(reader.open_page(7, 2, stored, out)) == VaultError{VaultFailure::page_changed, 7});
    CHECK(error_of(reader.open_page(7, 4, stored, out)) == VaultError{VaultFailure::page_changed, 7});
    CHECK(std::find(out.begin(), out.end(), 0x42) == out.end());  // nothing of the page on failure
    for (const std::size_t at : {std::size_t{0}, std::size_t{5}, std::size_t{100}, stored.size() - 1}) {
        std::vector<std::uint8_t> tampered = stored;
        tampered[at] ^= 1;
        CHECK(error_of(reader.open_page(7, 3, tampered, out)) == VaultError{VaultFailure::page_changed, 7});
    }
    CHECK_FALSE(reader.open_page(7, 3, std::span(stored).first(stored.size() - 1), out).ok());
    std::vector<std::uint8_t> small(512);
    CHECK_FALSE(reader.open_page(7, 3, stored, small).ok());

    VaultHeader other = made.vault.header;
    other.id[0] ^= 1;
    VaultCipher elsewhere(made.vault.master_key, other.id);
    CHECK_FALSE(elsewhere.open_page(7, 3, stored, out).ok());
    VaultCipher other_key(random_key(), made.vault.header.id);
    CHECK_FALSE(other_key.open_page(7, 3, stored, out).ok());
}

TEST_CASE("the sealed commit record finds a page left from an older save, a page missing, and itself changed") {
    MadeVault made;
    const SecretKey& master = made.vault.master_key;
    const VaultId& id = made.vault.header.id;
    VaultCipher writer(master, id);
    std::vector<std::vector<std::uint8_t>> first;
    for (std::uint32_t n = 1; n <= 3; ++n) first.push_back(writer.seal_page(n, 1, page_of(static_cast<std::uint8_t>(n))));
    const std::vector<std::uint8_t> commit1 = writer.seal_commit(1, 3, page_size);
    // Generation 2 writes page 2 again and seals its commit.
    const std::vector<std::uint8_t> page2_gen2 = writer.seal_page(2, 2, page_of(0x22));
    const std::vector<std::uint8_t> commit2 = writer.seal_commit(2, 3, page_size);

    // Opens every page of `pages` (number, generation, bytes) and checks them against `commit`.
    struct Stored {
        std::uint32_t number;
        std::uint64_t generation;
        const std::vector<std::uint8_t>* bytes;
    };
    const auto open_all = [&](const std::vector<std::uint8_t>& commit,
                              const std::vector<Stored>& pages) -> Result<void, VaultError> {
        VaultCipher reader(master, id);
        auto opened = reader.open_commit(commit);
        if (!opened.ok()) return fail(opened.error());
        std::vector<std::uint8_t> page(page_size);
        for (const Stored& s : pages)
            if (auto one = reader.open_page(s.number, s.generation, *s.bytes, page); !one.ok()) return one;
        return reader.check_pages(opened.value());
    };

    CHECK(open_all(commit1, {{1, 1, &first[0]}, {2, 1, &first[1]}, {3, 1, &first[2]}}).ok());
    CHECK(open_all(commit2, {{1, 1, &first[0]}, {2, 2, &page2_gen2}, {3, 1, &first[2]}}).ok());
    // Page 2 of generation 1 where generation 2's belongs: it opens, the save does not.
    CHECK(error_of(open_all(commit2, {{1, 1, &first[0]}, {2, 1, &first[1]}, {3, 1, &first[2]}})) ==
          VaultError{VaultFailure::pages_mixed});
    CHECK(error_of(open_all(commit2, {{1, 1, &first[0]}, {2, 2, &page2_gen2}})) ==
          VaultError{VaultFailure::page_missing, 3});

    VaultCipher reader(master, id);
    std::vector<std::uint8_t> tampered = commit2;
    tampered[30] ^= 1;
    CHECK(reader.open_commit(tampered).error() == VaultError{VaultFailure::commit_changed});
    CHECK(reader.open_commit(std::span(commit2).first(commit2.size() - 1)).error().failure ==
          VaultFailure::commit_changed);
    VaultHeader other = made.vault.header;
    other.id[0] ^= 1;
    CHECK_FALSE(VaultCipher(master, other.id).open_commit(commit2).ok());
    auto fields = reader.open_commit(commit2);
    REQUIRE(fields.ok());
    CHECK(fields.value().generation == 2);
    CHECK(fields.value().page_count == 3);
    CHECK(fields.value().page_size == page_size);
}

TEST_CASE("two histories of one vault that share a page's number and generation are not mixed") {
    MadeVault made;
    VaultCipher before(made.vault.master_key, made.vault.header.id);
    const std::vector<std::uint8_t> page1 = before.seal_page(1, 1, page_of(1));
    const std::vector<std::uint8_t> page2_a = before.seal_page(2, 2, page_of(0xA));
    const std::vector<std::uint8_t> commit_a = before.seal_commit(2, 2, page_size);
    // The vault rolled back to generation 1, then used again: another generation 2.
    VaultCipher after(made.vault.master_key, made.vault.header.id);
    std::vector<std::uint8_t> page(page_size);
    REQUIRE(after.open_page(1, 1, page1, page).ok());
    const std::vector<std::uint8_t> page2_b = after.seal_page(2, 2, page_of(0xB));
    const std::vector<std::uint8_t> commit_b = after.seal_commit(2, 2, page_size);

    VaultCipher reader(made.vault.master_key, made.vault.header.id);
    auto commit = reader.open_commit(commit_b);
    REQUIRE(commit.ok());
    REQUIRE(reader.open_page(1, 1, page1, page).ok());
    REQUIRE(reader.open_page(2, 2, page2_a, page).ok());  // history A's page opens by itself
    CHECK(error_of(reader.check_pages(commit.value())) == VaultError{VaultFailure::pages_mixed});
    REQUIRE(reader.open_page(2, 2, page2_b, page).ok());
    CHECK(reader.check_pages(commit.value()).ok());
    CHECK(page == page_of(0xB));
    CHECK(commit_a != commit_b);
}

TEST_CASE("pages above a smaller page count are left out of the commit") {
    MadeVault made;
    VaultCipher writer(made.vault.master_key, made.vault.header.id);
    std::vector<std::vector<std::uint8_t>> pages;
    for (std::uint32_t n = 1; n <= 4; ++n) pages.push_back(writer.seal_page(n, 1, page_of(static_cast<std::uint8_t>(n))));
    const std::vector<std::uint8_t> commit = writer.seal_commit(1, 2, page_size);

    VaultCipher reader(made.vault.master_key, made.vault.header.id);
    auto opened = reader.open_commit(commit);
    REQUIRE(opened.ok());
    CHECK(opened.value().page_count == 2);
    std::vector<std::uint8_t> page(page_size);
    REQUIRE(reader.open_page(1, 1, pages[0], page).ok());
    REQUIRE(reader.open_page(2, 1, pages[1], page).ok());
    CHECK(reader.check_pages(opened.value()).ok());
}
