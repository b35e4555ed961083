#pragma once
// SharingScreen: the Share screen and the trusted partners of Settings, over
// BundleExchange. Routes the screen's commands to the exchange, hands the
// host what it must do (derive a key, offer a file), and tells the app who
// the user became and which pairing came in.

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "app/bundle_exchange.hpp"
#include "app/command_routing.hpp"
#include "app/workspace.hpp"
#include "ui/command.hpp"
#include "ui/shell.hpp"

namespace tandem::app {

class SharingScreen {
public:
    using Commands =
        CommandList<ui::BeginExport, ui::EditExport, ui::SuggestPassphrase, ui::WriteExport, ui::EditImportPassphrase,
                    ui::OpenWithPassphrase, ui::TrustSender, ui::ConfirmLink, ui::ApplyImport, ui::CancelImport,
                    ui::RevokePartner, ui::ReverifyPartner, ui::AskToTrustAgain>;

    // Reads whom the profile trusts from `store`.
    explicit SharingScreen(store::SqliteRecordStore& store) : exchange_(store) {}

    // Each command of the Share screen, and of the partners in Settings.
    // Sharing needs the profile's keys: without them, nothing happens.
    template <class Command>
    void apply(Workspace& work, const Command& command) {
        if (!work.identity) return;
        handle(work, *work.identity, command);
        if (!exchange_.problem().empty()) work.navigator.notice(exchange_.problem(), true);
    }

    // A file the user opened (`bytes` untrusted), taken in on the Share screen.
    void receive(Workspace& work, std::string_view name, std::span<const std::uint8_t> bytes);
    // The key of job `id`, or nullopt when it could not be derived.
    void key_derived(Workspace& work, std::uint64_t id, std::optional<std::array<std::uint8_t, 32>> key);

    // Whether a passphrase's key is being derived (its progress bar moves),
    // and where it stands at `now_ms` in `share` (the rest of it as it was).
    bool working() const { return exchange_.working(); }
    void progress(std::int64_t now_ms, ui::ShareView& share) const;
    // Share while it is shown (with progress estimated now), and the
    // partners Settings lists, after ProfileSettings has shown the profile.
    void show(Workspace& work, ui::ShellView& view) const;

private:
    // The partners Settings lists, oldest first.
    std::vector<ui::PartnerKeyView> partners(Workspace& work) const;
    void handle(Workspace& work, const crypto::Identity& me, const ui::BeginExport& begin);
    void handle(Workspace& work, const crypto::Identity& me, const ui::EditExport& edit);
    void handle(Workspace& work, const crypto::Identity& me, const ui::SuggestPassphrase& suggest);
    void handle(Workspace& work, const crypto::Identity& me, const ui::WriteExport& write);
    void handle(Workspace& work, const crypto::Identity& me, const ui::EditImportPassphrase& typed);
    void handle(Workspace& work, const crypto::Identity& me, const ui::OpenWithPassphrase& open);
    void handle(Workspace& work, const crypto::Identity& me, const ui::TrustSender& trust);
    void handle(Workspace& work, const crypto::Identity& me, const ui::ConfirmLink& confirm);
    void handle(Workspace& work, const crypto::Identity& me, const ui::ApplyImport& take_in);
    void handle(Workspace& work, const crypto::Identity& me, const ui::CancelImport& cancel);
    void handle(Workspace& work, const crypto::Identity& me, const ui::RevokePartner& revoke);
    void handle(Workspace& work, const crypto::Identity& me, const ui::ReverifyPartner& again);
    void handle(Workspace& work, const crypto::Identity& me, const ui::AskToTrustAgain& ask);
    // What a step of writing a bundle gave: a key to derive, or a file to download.
    void sent(Workspace& work, ExportStep step);

    BundleExchange exchange_;
};

}  // namespace tandem::app
