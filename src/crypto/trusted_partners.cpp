#include "crypto/trusted_partners.hpp"

#include <algorithm>
#include <cstring>

#include "crypto/bundle_derivation.hpp"

namespace tandem::crypto {

namespace {

using bundle_derivation::get_le;
using bundle_derivation::put_le;

// Version 2 added how the keys were checked (1: all by fingerprint).
constexpr std::uint8_t format_version = 2;
constexpr std::size_t entry_bytes_v1 = 16 + 32 + 32 + 8 + 1;
constexpr std::size_t entry_bytes = entry_bytes_v1 + 1;

}  // namespace

Result<TrustedPartners, std::string> TrustedPartners::decode(std::span<const std::uint8_t> bytes) {
    if (bytes.size() < 3 || (bytes[0] != 1 && bytes[0] != format_version))
        return fail(std::string("not a list of trusted partners"));
    const std::size_t size = bytes[0] == 1 ? entry_bytes_v1 : entry_bytes;
    const std::size_t count = static_cast<std::size_t>(get_le(bytes.subspan(1), 2));
    if (count > max_partners || bytes.size() != 3 + count * size)
        return fail(std::string("the list of trusted partners is damaged"));
    TrustedPartners list;
    const std::uint8_t* at = bytes.data() + 3;
    for (std::size_t i = 0; i < count; ++i, at += size) {
        TrustedPartner partner;
        std::memcpy(partner.person.bytes.data(), at, 16);
        std::memcpy(partner.keys.box.data(), at + 16, 32);
        std::memcpy(partner.keys.sign.data(), at + 48, 32);
        partner.verified_at_ms = static_cast<std::int64_t>(get_le(std::span(at + 80, 8), 8));
        if (at[88] > 1) return fail(std::string("the list of trusted partners is damaged"));
        partner.revoked = at[88] == 1;
        if (size == entry_bytes) {
            if (at[89] > 1) return fail(std::string("the list of trusted partners is damaged"));
            partner.checked = static_cast<TrustedPartner::Checked>(at[89]);
        }
        list.partners_.push_back(partner);
    }
    return list;
}

std::vector<std::uint8_t> TrustedPartners::encode() const {
    std::vector<std::uint8_t> out{format_version};
    put_le(out, partners_.size(), 2);
    for (const TrustedPartner& partner : partners_) {
        out.insert(out.end(), partner.person.bytes.begin(), partner.person.bytes.end());
        out.insert(out.end(), partner.keys.box.begin(), partner.keys.box.end());
        out.insert(out.end(), partner.keys.sign.begin(), partner.keys.sign.end());
        put_le(out, static_cast<std::uint64_t>(partner.verified_at_ms), 8);
        out.push_back(partner.revoked ? 1 : 0);
        out.push_back(static_cast<std::uint8_t>(partner.checked));
    }
    return out;
}

const TrustedPartner* TrustedPartners::find_by_keys(const PublicKeys& keys) const {
    const auto found = std::find_if(partners_.begin(), partners_.end(),
                                    [&](const TrustedPartner& partner) { return partner.keys == keys; });
    return found == partners_.end() ? nullptr : &*found;
}

const TrustedPartner* TrustedPartners::find_by_person(const RecordId& person) const {
    const TrustedPartner* latest = nullptr;
    for (const TrustedPartner& partner : partners_) {
        if (partner.person != person) continue;
        if (!partner.revoked) return &partner;
        latest = &partner;
    }
    return latest;
}

void TrustedPartners::trust(const RecordId& person, const PublicKeys& keys, std::int64_t now_ms,
                            TrustedPartner::Checked how) {
    // Revoked keys stay refused when their person is trusted with new ones.
    std::erase_if(partners_, [&](const TrustedPartner& partner) {
        return partner.keys == keys || (partner.person == person && !partner.revoked);
    });
    if (partners_.size() >= max_partners) partners_.erase(partners_.begin());  // the longest-trusted goes
    partners_.push_back(TrustedPartner{person, keys, now_ms, false, how});
}

bool TrustedPartners::revoke(const RecordId& person) {
    for (TrustedPartner& partner : partners_) {
        if (partner.person != person || partner.revoked) continue;
        partner.revoked = true;
        return true;
    }
    return false;
}

}  // namespace tandem::crypto
