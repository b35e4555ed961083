#include "crypto/invitation.hpp"

#include <sodium.h>

#include "crypto/bundle_derivation.hpp"

namespace tandem::crypto {

namespace {

constexpr std::string_view answer_domain = "Tandem invitation answer v1";

constexpr std::size_t nonce_bytes = 16;
constexpr std::size_t mac_bytes = crypto_generichash_BYTES;
static_assert(invitation_answer_bytes == nonce_bytes + mac_bytes);

// The MAC of an answer whose nonce is `nonce`.
std::array<std::uint8_t, mac_bytes> answer_mac(const SecretKey& key, std::span<const std::uint8_t> nonce,
                                               const PublicKeys& inviter, const PublicKeys& answerer) {
    crypto_generichash_state state;
    crypto_generichash_init(&state, key.bytes().data(), key.size, mac_bytes);
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(answer_domain.data()),
                              answer_domain.size());
    crypto_generichash_update(&state, nonce.data(), nonce.size());
    for (const PublicKeys* keys : {&inviter, &answerer}) {
        crypto_generichash_update(&state, keys->box.data(), keys->box.size());
        crypto_generichash_update(&state, keys->sign.data(), keys->sign.size());
    }
    std::array<std::uint8_t, mac_bytes> mac{};
    crypto_generichash_final(&state, mac.data(), mac.size());
    return mac;
}

}  // namespace

SecretKey invitation_key(const SecretKey& file_key) {
    return bundle_derivation::subkey(file_key, bundle_derivation::invitation_subkey);
}

Stanza invitation_answer(const SecretKey& key, const PublicKeys& inviter, const PublicKeys& answerer) {
    std::vector<std::uint8_t> body(nonce_bytes);
    randombytes_buf(body.data(), body.size());
    const auto mac = answer_mac(key, body, inviter, answerer);
    body.insert(body.end(), mac.begin(), mac.end());
    return Stanza{invitation_answer_stanza_type, std::move(body)};
}

bool answers_invitation(const SecretKey& key, std::span<const std::uint8_t, invitation_answer_bytes> answer,
                        const PublicKeys& inviter, const PublicKeys& answerer) {
    const auto expected = answer_mac(key, answer.first(nonce_bytes), inviter, answerer);
    return sodium_memcmp(expected.data(), answer.data() + nonce_bytes, expected.size()) == 0;
}

}  // namespace tandem::crypto
