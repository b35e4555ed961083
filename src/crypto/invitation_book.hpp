#pragma once
// InvitationBook: the invitation keys this profile holds (invitation.hpp),
// kept on this device only, like the partners it trusts. An invitation it
// sent waits for its answer; one it received is answered in every file to
// the inviter until the inviter seals a file to this profile's key (they
// trust it then). Both are dropped after 90 days.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/record_id.hpp"
#include "core/result.hpp"
#include "crypto/bundle_format.hpp"
#include "crypto/identity.hpp"
#include "crypto/secret_key.hpp"

namespace tandem::crypto {

// One invitation key, and what it is for.
struct Invitation {
    enum class Side : std::uint8_t { sent = 0, received = 1 };
    Side side = Side::sent;
    RecordId pairing;
    RecordId invited;         // sent: the person it was for; received: nil
    PublicKeys inviter;       // received: whose invitation it is; sent: zeros (this profile's)
    SecretKey key;
    std::int64_t at_ms = 0;   // when it was written or opened
};

class InvitationBook {
public:
    // The most invitations kept (the oldest goes first), and for how long.
    static constexpr std::size_t max_invitations = 64;
    static constexpr std::int64_t kept_ms = 90LL * 24 * 3600 * 1000;

    // Reads what encode() wrote; an error for anything else (the bytes come
    // from the browser's storage, so they are checked, not trusted).
    static Result<InvitationBook, std::string> decode(std::span<const std::uint8_t> bytes);
    // The list as bytes, keys included: for the device's own state only.
    std::vector<std::uint8_t> encode() const;

    // Notes the invitation this profile wrote to `invited` about `pairing` at `now_ms`.
    void sent(const RecordId& pairing, const RecordId& invited, SecretKey key, std::int64_t now_ms);
    // Notes the invitation `inviter` wrote for `pairing`, opened at `now_ms`.
    void received(const RecordId& pairing, const PublicKeys& inviter, SecretKey key, std::int64_t now_ms);
    // The key to answer `inviter`'s invitation about `pairing` with at
    // `now_ms`; null if none is held, or it is older than kept_ms.
    const SecretKey* answer_key(const RecordId& pairing, const PublicKeys& inviter, std::int64_t now_ms) const;
    // The invitation this profile (`me`) sent, not older than kept_ms at
    // `now_ms`, that `answer`, from `answerer`, answers; null when none.
    const Invitation* answered(std::span<const std::uint8_t, invitation_answer_bytes> answer, const PublicKeys& me,
                               const PublicKeys& answerer, std::int64_t now_ms) const;
    // Forgets the invitations sent for `pairing`, once one was answered; false if there were none.
    bool forget_sent(const RecordId& pairing);
    // Forgets the invitations received from `inviter`; false if there were none.
    bool forget_received(const PublicKeys& inviter);
    // Drops what is older than kept_ms at `now_ms`; false if nothing was.
    bool expire(std::int64_t now_ms);

    const std::vector<Invitation>& all() const { return invitations_; }

private:
    void add(Invitation invitation);
    std::vector<Invitation> invitations_;
};

}  // namespace tandem::crypto
