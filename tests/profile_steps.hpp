#pragma once
// Steps through the profile screens (app/vault_gate.hpp) for the app's
// tests: make a profile and open its new records, or unlock a profile made
// before; and a codec that reads a profile's stored records directly.

#include <doctest/doctest.h>

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "app/app.hpp"
#include "app/vault_page_codec.hpp"
#include "crypto/passphrase_key.hpp"
#include "crypto/vault_header.hpp"
#include "memory_page_store.hpp"

namespace tandem::testing {

// Argon2id's least work: the tests' vaults need no slow key.
inline constexpr crypto::KdfParams cheap_kdf{1, 8192};
inline constexpr const char* profile_passphrase = "maple orbit candle yonder";

// What opens a profile made by make_profile() again.
struct ProfileKeys {
    std::string id;
    std::string name;
    std::vector<std::uint8_t> header;
    std::string passphrase = profile_passphrase;

    // A codec for this profile's stored records, its key derived again.
    std::unique_ptr<app::VaultPageCodec> codec() const {
        auto header_read = crypto::VaultHeader::decode(header);
        REQUIRE(header_read.ok());
        auto key = crypto::derive_passphrase_key(passphrase, header_read.value().salt, header_read.value().kdf);
        REQUIRE(key.ok());
        auto master = crypto::open_with_passphrase(header_read.value(), key.value());
        REQUIRE(master.ok());
        return std::make_unique<app::VaultPageCodec>(master.value(), header_read.value().id);
    }
};

// Derives, as the browser's worker would, every key `requests` ask for,
// and hands each to `app`; returns the other requests.
inline std::vector<app::HostRequest> serve_keys(app::App& app, std::vector<app::HostRequest> requests) {
    std::vector<app::HostRequest> others;
    for (app::HostRequest& request : requests) {
        const auto* derive = std::get_if<app::DerivePassphraseKey>(&request);
        if (!derive) {
            others.push_back(std::move(request));
            continue;
        }
        const app::KeyJob& job = derive->job;
        auto key = crypto::derive_passphrase_key(job.passphrase, job.salt, job.params);
        std::optional<std::array<std::uint8_t, 32>> bytes;
        if (key) {
            bytes.emplace();
            std::copy(key.value().bytes().begin(), key.value().bytes().end(), bytes->begin());
        }
        // The id comes back as the web platform gives it: through a JavaScript number.
        app.passphrase_key_derived(static_cast<std::uint64_t>(static_cast<double>(job.id)), bytes);
    }
    return others;
}

// The request of type R among `requests`; fails the test if there is none.
template <class R>
R take_request(std::vector<app::HostRequest>& requests) {
    for (app::HostRequest& request : requests)
        if (auto* found = std::get_if<R>(&request)) return std::move(*found);
    FAIL("the app did not ask for it");
    return R{};
}

// Makes profile `name` through the screens of a first visit and opens its
// new records in `pages`.
inline ProfileKeys make_profile(app::App& app, MemoryPageStore& pages, const std::string& name = "Ana") {
    app.set_new_vault_kdf(cheap_kdf);
    app.profiles_listed(false);
    REQUIRE(app.shell_view().vault.has_value());
    app.dispatch(ui::EditVaultField{ui::VaultField::profile_name, name});
    app.dispatch(ui::EditVaultField{ui::VaultField::passphrase, profile_passphrase});
    app.dispatch(ui::EditVaultField{ui::VaultField::repeat, profile_passphrase});
    app.dispatch(ui::CreateProfile{});
    serve_keys(app, app.take_host_requests());
    REQUIRE(app.shell_view().vault->stage == ui::VaultView::Stage::recovery_code);
    app.dispatch(ui::ConfirmRecoveryCodeKept{true});
    app.dispatch(ui::FinishNewProfile{});
    std::vector<app::HostRequest> requests = app.take_host_requests();
    const auto created = take_request<app::CreateProfileRecords>(requests);
    app.records_loaded(pages, std::nullopt, false);
    REQUIRE(app.records_state() == app::RecordsState::kept);
    REQUIRE_FALSE(app.shell_view().vault.has_value());
    const std::string prefix = "tandem-profile-";
    return ProfileKeys{created.database.substr(prefix.size()), created.name, created.header};
}

// Unlocks `profile`, whose records are in `pages`, through the screens of
// a later visit; the records then stand as `expected`.
inline void unlock_profile(app::App& app, MemoryPageStore& pages, const ProfileKeys& profile,
                           app::RecordsState expected = app::RecordsState::kept) {
    app.profile_found(profile.id, profile.name, 0);
    app.profiles_listed(false);
    app.dispatch(ui::ChooseProfile{profile.id});
    std::vector<app::HostRequest> requests = app.take_host_requests();
    take_request<app::OpenProfileRecords>(requests);
    app.records_loaded(pages, profile.header, false);
    app.dispatch(ui::EditVaultField{ui::VaultField::passphrase, profile.passphrase});
    app.dispatch(ui::UnlockProfile{});
    serve_keys(app, app.take_host_requests());
    REQUIRE(app.records_state() == expected);
}

}  // namespace tandem::testing
