#include "crypto/invitation_book.hpp"

#include <algorithm>
#include <cstring>

#include "crypto/bundle_derivation.hpp"
#include "crypto/invitation.hpp"

namespace tandem::crypto {

namespace {

using bundle_derivation::get_le;
using bundle_derivation::put_le;

constexpr std::uint8_t format_version = 1;
constexpr std::size_t entry_bytes = 1 + 16 + 16 + 32 + 32 + SecretKey::size + 8;

}  // namespace

Result<InvitationBook, std::string> InvitationBook::decode(std::span<const std::uint8_t> bytes) {
    if (bytes.size() < 3 || bytes[0] != format_version) return fail(std::string("not a list of invitations"));
    const std::size_t count = static_cast<std::size_t>(get_le(bytes.subspan(1), 2));
    if (count > max_invitations || bytes.size() != 3 + count * entry_bytes)
        return fail(std::string("the list of invitations is damaged"));
    InvitationBook book;
    const std::uint8_t* at = bytes.data() + 3;
    for (std::size_t i = 0; i < count; ++i, at += entry_bytes) {
        if (at[0] > 1) return fail(std::string("the list of invitations is damaged"));
        Invitation invitation;
        invitation.side = static_cast<Invitation::Side>(at[0]);
        std::memcpy(invitation.pairing.bytes.data(), at + 1, 16);
        std::memcpy(invitation.invited.bytes.data(), at + 17, 16);
        std::memcpy(invitation.inviter.box.data(), at + 33, 32);
        std::memcpy(invitation.inviter.sign.data(), at + 65, 32);
        std::memcpy(invitation.key.bytes().data(), at + 97, SecretKey::size);
        invitation.at_ms = static_cast<std::int64_t>(get_le(std::span(at + 97 + SecretKey::size, 8), 8));
        book.invitations_.push_back(std::move(invitation));
    }
    return book;
}

std::vector<std::uint8_t> InvitationBook::encode() const {
    std::vector<std::uint8_t> out{format_version};
    out.reserve(3 + invitations_.size() * entry_bytes);
    put_le(out, invitations_.size(), 2);
    for (const Invitation& invitation : invitations_) {
        out.push_back(static_cast<std::uint8_t>(invitation.side));
        out.insert(out.end(), invitation.pairing.bytes.begin(), invitation.pairing.bytes.end());
        out.insert(out.end(), invitation.invited.bytes.begin(), invitation.invited.bytes.end());
        out.insert(out.end(), invitation.inviter.box.begin(), invitation.inviter.box.end());
        out.insert(out.end(), invitation.inviter.sign.begin(), invitation.inviter.sign.end());
        out.insert(out.end(), invitation.key.bytes().begin(), invitation.key.bytes().end());
        put_le(out, static_cast<std::uint64_t>(invitation.at_ms), 8);
    }
    return out;
}

void InvitationBook::add(Invitation invitation) {
    if (invitations_.size() >= max_invitations) invitations_.erase(invitations_.begin());
    invitations_.push_back(std::move(invitation));
}

void InvitationBook::sent(const RecordId& pairing, const RecordId& invited, SecretKey key, std::int64_t now_ms) {
    add(Invitation{Invitation::Side::sent, pairing, invited, PublicKeys{}, std::move(key), now_ms});
}

void InvitationBook::received(const RecordId& pairing, const PublicKeys& inviter, SecretKey key, std::int64_t now_ms) {
    // The newest invitation from them about the pairing is the one answered.
    std::erase_if(invitations_, [&](const Invitation& held) {
        return held.side == Invitation::Side::received && held.pairing == pairing && held.inviter == inviter;
    });
    add(Invitation{Invitation::Side::received, pairing, RecordId{}, inviter, std::move(key), now_ms});
}

const SecretKey* InvitationBook::answer_key(const RecordId& pairing, const PublicKeys& inviter,
                                            std::int64_t now_ms) const {
    for (const Invitation& invitation : invitations_)
        if (invitation.side == Invitation::Side::received && invitation.pairing == pairing &&
            invitation.inviter == inviter && now_ms - invitation.at_ms <= kept_ms)
            return &invitation.key;
    return nullptr;
}

const Invitation* InvitationBook::answered(std::span<const std::uint8_t, invitation_answer_bytes> answer,
                                           const PublicKeys& me, const PublicKeys& answerer,
                                           std::int64_t now_ms) const {
    for (const Invitation& invitation : invitations_)
        if (invitation.side == Invitation::Side::sent && now_ms - invitation.at_ms <= kept_ms &&
            answers_invitation(invitation.key, answer, me, answerer))
            return &invitation;
    return nullptr;
}

bool InvitationBook::forget_sent(const RecordId& pairing) {
    return std::erase_if(invitations_, [&](const Invitation& invitation) {
               return invitation.side == Invitation::Side::sent && invitation.pairing == pairing;
           }) > 0;
}

bool InvitationBook::forget_received(const PublicKeys& inviter) {
    return std::erase_if(invitations_, [&](const Invitation& invitation) {
               return invitation.side == Invitation::Side::received && invitation.inviter == inviter;
           }) > 0;
}

bool InvitationBook::expire(std::int64_t now_ms) {
    return std::erase_if(invitations_, [&](const Invitation& invitation) {
               return now_ms - invitation.at_ms > kept_ms;
           }) > 0;
}

}  // namespace tandem::crypto
