#pragma once
// First contact by one passphrase (docs/bundle-format.md, "First contact").
// A bundle locked with a passphrase is an invitation: whoever opens it knew
// the passphrase, and derives from its file key the invitation key that
// only the two partners hold. Their answer, a bundle sealed to the
// inviter's key, carries an answer stanza: a random nonce (so that two
// answers cannot be linked) and a MAC under the invitation key over it and
// both sides' public keys, which proves to the inviter that the answer's
// signer knew the passphrase.
// libsodium must be initialised.

#include <array>
#include <cstdint>
#include <span>

#include "crypto/bundle_format.hpp"
#include "crypto/identity.hpp"
#include "crypto/secret_key.hpp"

namespace tandem::crypto {

// The invitation key of the bundle whose file key is `file_key`: its
// subkey 3. Known to whoever knows the file key, and to nobody else.
SecretKey invitation_key(const SecretKey& file_key);

// The answer stanza (type 3) that `answerer` puts in a bundle to `inviter`,
// proving knowledge of `key`; a new random nonce each time.
Stanza invitation_answer(const SecretKey& key, const PublicKeys& inviter, const PublicKeys& answerer);

// Whether `answer` (an answer stanza's body) is what invitation_answer gives
// for `key`, `inviter` and `answerer`. Compared in constant time.
bool answers_invitation(const SecretKey& key, std::span<const std::uint8_t, invitation_answer_bytes> answer,
                        const PublicKeys& inviter, const PublicKeys& answerer);

}  // namespace tandem::crypto
