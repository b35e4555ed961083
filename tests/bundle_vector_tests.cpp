// The frozen bundle test vectors (tests/vectors/bundles, written once by
// make_bundle_vectors): each file must give exactly the outcome written
// beside it, natively and as wasm.

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "crypto/bundle_reader.hpp"
#include "crypto/invitation.hpp"
#include "crypto/passphrase_key.hpp"

using namespace tandem;
using namespace tandem::crypto;

namespace {

const std::string vector_dir = std::string(TANDEM_VECTOR_DIR) + "/bundles/";

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot read " << path);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// "key: value" lines.
std::map<std::string, std::string> read_fields(const std::string& path) {
    std::map<std::string, std::string> fields;
    std::istringstream lines(read_text(path));
    for (std::string line; std::getline(lines, line);) {
        const auto colon = line.find(": ");
        if (colon != std::string::npos) fields[line.substr(0, colon)] = line.substr(colon + 2);
    }
    return fields;
}

std::vector<std::uint8_t> from_hex(const std::string& hex) {
    std::vector<std::uint8_t> bytes;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
        bytes.push_back(static_cast<std::uint8_t>(std::stoi(hex.substr(i, 2), nullptr, 16)));
    return bytes;
}

std::array<std::uint8_t, 32> key32(const std::string& hex) {
    const auto bytes = from_hex(hex);
    REQUIRE(bytes.size() == 32);
    std::array<std::uint8_t, 32> key{};
    std::copy(bytes.begin(), bytes.end(), key.begin());
    return key;
}

// The key of the invitation the vectors' answers answer (invitation.txt).
SecretKey invitation_key_of_vectors() {
    const auto invitation = read_fields(vector_dir + "invitation.txt");
    SecretKey key;
    const auto bytes = from_hex(invitation.at("invitation-key"));
    REQUIRE(bytes.size() == SecretKey::size);
    std::copy(bytes.begin(), bytes.end(), key.bytes().begin());
    return key;
}

}  // namespace

TEST_CASE("the invitation vector: its key is subkey 3 of its file key, and the answer a nonce and the MAC of both sides' keys") {
    REQUIRE(initialize_sodium().ok());
    const auto invitation = read_fields(vector_dir + "invitation.txt");
    const auto identities = read_fields(vector_dir + "identities.txt");
    SecretKey file_key;
    const auto written_key = from_hex(invitation.at("file-key"));
    REQUIRE(written_key.size() == SecretKey::size);
    std::copy(written_key.begin(), written_key.end(), file_key.bytes().begin());
    const SecretKey derived = invitation_key(file_key);
    const SecretKey expected = invitation_key_of_vectors();
    CHECK(std::equal(derived.bytes().begin(), derived.bytes().end(), expected.bytes().begin(), expected.bytes().end()));
    const PublicKeys recipient{key32(identities.at("recipient-box-public")), key32(identities.at("recipient-sign-public"))};
    const PublicKeys coach{key32(identities.at("coach-box-public")), key32(identities.at("coach-sign-public"))};
    const auto answer = from_hex(invitation.at("answer"));
    REQUIRE(answer.size() == invitation_answer_bytes);
    const std::span<const std::uint8_t, invitation_answer_bytes> body(answer.data(), invitation_answer_bytes);
    CHECK(answers_invitation(derived, body, recipient, coach));
    CHECK_FALSE(answers_invitation(derived, body, coach, recipient));
}

TEST_CASE("every frozen bundle test vector gives the outcome written beside it") {
    REQUIRE(initialize_sodium().ok());
    const auto identities = read_fields(vector_dir + "identities.txt");
    auto recipient = Identity::from_secrets(from_hex(identities.at("recipient-box-secret")),
                                            from_hex(identities.at("recipient-sign-secret")));
    REQUIRE(recipient.ok());
    const PublicKeys coach{key32(identities.at("coach-box-public")), key32(identities.at("coach-sign-public"))};
    const PublicKeys stranger{key32(identities.at("stranger-box-public")), key32(identities.at("stranger-sign-public"))};
    const std::string passphrase = identities.at("passphrase");

    std::istringstream cases(read_text(vector_dir + "cases.txt"));
    int checked = 0;
    for (std::string name; std::getline(cases, name);) {
        CAPTURE(name);
        const std::string text = read_text(vector_dir + name + ".tandem");
        const std::vector<std::uint8_t> bytes(text.begin(), text.end());
        const auto expected = read_fields(vector_dir + name + ".expected");

        Result<OpenedBundle, BundleError> outcome = fail(BundleError::not_a_bundle);
        if (auto header = inspect_bundle(bytes); !header) {
            outcome = fail(header.error());
        } else if (expected.at("open-with") == "key") {
            outcome = open_bundle(bytes, header.value(), recipient.value());
        } else {
            REQUIRE(header.value().passphrase.has_value());
            const std::string typed = expected.at("open-with") == "passphrase" ? passphrase : passphrase + "!";
            auto key = derive_passphrase_key(typed, header.value().passphrase->salt, header.value().passphrase->params);
            outcome = key ? open_bundle(bytes, header.value(), key.value()) : Result<OpenedBundle, BundleError>(fail(key.error()));
        }

        if (expected.at("outcome") == "opens") {
            REQUIRE_MESSAGE(outcome.ok(), "refused: " << bundle_error_name(outcome.error()));
            CHECK(outcome.value().sender == (expected.at("sender") == "coach" ? coach : stranger));
            CHECK(outcome.value().content.records.size() == std::stoul(expected.at("records")));
            CHECK(outcome.value().content.pairing == RecordId::derived("pairing"));
            const auto header = inspect_bundle(bytes);
            if (expected.contains("answer")) {
                // An answer to the recipient's invitation (invitation.txt), made by whoever signed it?
                REQUIRE(header.value().answer.has_value());
                CHECK(header.value().minor == answer_minor_version);
                CHECK(answers_invitation(invitation_key_of_vectors(), *header.value().answer, recipient.value().public_keys(),
                                         outcome.value().sender) == (expected.at("answer") == "valid"));
            } else {
                CHECK_FALSE(header.value().answer.has_value());
            }
        } else {
            REQUIRE(expected.at("outcome") == "refused");
            REQUIRE_FALSE(outcome.ok());
            CHECK(bundle_error_name(outcome.error()) == expected.at("error"));
        }
        ++checked;
    }
    CHECK(checked == 37);
}
