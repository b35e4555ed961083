// Whom a profile trusts (crypto/trusted_partners.hpp): the rules of trusting,
// replacing and revoking keys, and the stored list read back from untrusted bytes.
#include <doctest/doctest.h>

#include <vector>

#include "crypto/trusted_partners.hpp"

using namespace tandem;
using crypto::PublicKeys;
using crypto::TrustedPartners;
using crypto::TrustedPartner;

namespace {

RecordId person(std::uint8_t n) {
    RecordId id;
    id.bytes.fill(n);
    return id;
}

PublicKeys keys(std::uint8_t n) {
    PublicKeys made;
    made.box.fill(n);
    made.sign.fill(static_cast<std::uint8_t>(n + 100));
    return made;
}

}  // namespace

TEST_CASE("trusting new keys for a partner replaces theirs, and revoked keys stay refused") {
    TrustedPartners list;
    list.trust(person(1), keys(1), 1000);
    REQUIRE(list.find_by_keys(keys(1)) != nullptr);
    CHECK(list.find_by_keys(keys(1))->person == person(1));

    list.trust(person(1), keys(2), 2000);  // they set Tandem up again
    CHECK(list.find_by_keys(keys(1)) == nullptr);
    CHECK(list.find_by_person(person(1))->keys == keys(2));

    CHECK(list.revoke(person(1)));
    CHECK_FALSE(list.revoke(person(1)));  // nothing trusted is left to revoke
    CHECK(list.find_by_keys(keys(2))->revoked);
    CHECK(list.find_by_person(person(1))->revoked);

    list.trust(person(1), keys(3), 3000);  // compared again, with new keys
    CHECK(list.find_by_keys(keys(2))->revoked);  // the revoked ones still refused
    CHECK_FALSE(list.find_by_person(person(1))->revoked);
    CHECK(list.find_by_person(person(1))->keys == keys(3));

    list.trust(person(2), keys(3), 4000);  // keys are one person's: they move
    CHECK(list.find_by_keys(keys(3))->person == person(2));
    CHECK(list.find_by_person(person(1))->revoked);
}

TEST_CASE("the list of trusted partners reads back what it wrote, and refuses anything else") {
    TrustedPartners list;
    list.trust(person(1), keys(1), 1'700'000'000'000);
    list.trust(person(2), keys(2), 1'700'000'000'001, TrustedPartner::Checked::passphrase);
    list.revoke(person(2));
    const std::vector<std::uint8_t> bytes = list.encode();
    auto read = TrustedPartners::decode(bytes);
    REQUIRE(read.ok());
    CHECK(read.value().all() == list.all());
    CHECK(read.value().all().back().checked == TrustedPartner::Checked::passphrase);

    CHECK_FALSE(TrustedPartners::decode({}).ok());
    std::vector<std::uint8_t> changed = bytes;
    changed[0] = 3;  // another format
    CHECK_FALSE(TrustedPartners::decode(changed).ok());
    changed = bytes;
    changed.pop_back();  // cut short
    CHECK_FALSE(TrustedPartners::decode(changed).ok());
    changed = bytes;
    changed[bytes.size() - 2] = 2;  // neither trusted nor revoked
    CHECK_FALSE(TrustedPartners::decode(changed).ok());
    changed = bytes;
    changed.back() = 2;  // checked in no known way
    CHECK_FALSE(TrustedPartners::decode(changed).ok());

    // The first version, before the way of checking was kept: fingerprints.
    std::vector<std::uint8_t> first{1, 1, 0};
    first.insert(first.end(), bytes.begin() + 3, bytes.begin() + 3 + 89);
    auto old = TrustedPartners::decode(first);
    REQUIRE(old.ok());
    REQUIRE(old.value().all().size() == 1);
    CHECK(old.value().all().front().person == person(1));
    CHECK(old.value().all().front().checked == TrustedPartner::Checked::fingerprint);
    changed = {1, 0xE9, 0x03};  // 1,001 partners claimed, none there
    CHECK_FALSE(TrustedPartners::decode(changed).ok());
}

TEST_CASE("at most a thousand partners are kept; the longest-trusted goes first") {
    TrustedPartners list;
    for (std::size_t i = 0; i <= TrustedPartners::max_partners; ++i) {
        RecordId id;
        id.bytes[0] = static_cast<std::uint8_t>(i & 0xFF);
        id.bytes[1] = static_cast<std::uint8_t>(i >> 8);
        PublicKeys made;
        made.box[0] = static_cast<std::uint8_t>(i & 0xFF);
        made.box[1] = static_cast<std::uint8_t>(i >> 8);
        list.trust(id, made, static_cast<std::int64_t>(i));
    }
    CHECK(list.all().size() == TrustedPartners::max_partners);
    CHECK(list.all().front().verified_at_ms == 1);
    CHECK(TrustedPartners::decode(list.encode()).ok());
}
