#pragma once
// Profiles on their own devices, driven through App as a user would: for the
// tests of sending and taking in bundles.

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "app/app.hpp"
#include "crypto/passphrase_key.hpp"
#include "memory_page_store.hpp"
#include "profile_steps.hpp"
#include "store/pairing_share.hpp"

namespace tandem::testing {

using Stage = ui::ImportView::Stage;

inline constexpr const char* passphrase = "maple harbour seven lanterns";

// A copy of a device's records, opened as the app opens them, to read what
// the device holds without touching it.
struct RecordsCopy {
    MemoryPageStore pages;
    std::unique_ptr<app::VaultPageCodec> codec;
    std::unique_ptr<store::PagedDatabase> database;
    std::unique_ptr<store::SqliteRecordStore> records;

    // The records of `profile` kept in `from`.
    RecordsCopy(MemoryPageStore& from, const ProfileKeys& profile) : codec(profile.codec()) {
        pages.commit() = from.commit();
        pages.pages() = from.pages();
        database = store::PagedDatabase::open(pages, *codec).value();
        records = store::SqliteRecordStore::attach(database->database()).value();
    }
};

// One profile on its own device.
struct Device {
    MemoryPageStore pages;
    app::App app;
    ProfileKeys profile;
    std::string downloaded_name;
    std::vector<std::uint8_t> downloaded;  // the last file the app offered
    explicit Device(const char* own_name) {
        profile = make_profile(app, pages, own_name);
        app.dispatch(ui::EditProfile{ui::ProfileField::name, own_name});
    }
    // The same profile on a device restored from `other`'s records: each
    // test can start from one state without building it again.
    explicit Device(Device& other) : profile(other.profile) {
        pages.commit() = other.pages.commit();
        pages.pages() = other.pages.pages();
        unlock_profile(app, pages, profile);
    }
    // What this device keeps, read without touching it.
    RecordsCopy records() { return RecordsCopy(pages, profile); }
    const ui::ImportView& receiving() const { return app.shell_view().share.receive; }
    const ui::ExportView& sending() const { return app.shell_view().share.send; }

    // Does what the app asked of its host, as the browser would: derives
    // keys, and keeps the last download.
    std::vector<std::uint8_t> serve() {
        std::vector<std::uint8_t> file;
        for (int round = 0; round < 4; ++round) {
            auto requests = app.take_host_requests();
            if (requests.empty()) break;
            for (app::HostRequest& request : serve_keys(app, std::move(requests))) {
                if (auto* download = std::get_if<app::DownloadFile>(&request)) {
                    downloaded_name = download->name;
                    downloaded = download->bytes;
                    file = download->bytes;
                }
            }
        }
        return file;
    }

    // Writes pairing `pairing`'s bundle for the partner: with their key when
    // it is trusted, otherwise with the passphrase.
    std::vector<std::uint8_t> send(const RecordId& pairing) {
        app.dispatch(ui::BeginExport{pairing});
        if (!sending().partner_key) app.dispatch(ui::EditExport{1, passphrase, 0, "", ""});
        app.dispatch(ui::WriteExport{});
        std::vector<std::uint8_t> file = serve();
        REQUIRE_MESSAGE(!file.empty(), sending().problem << sending().passphrase_problem << sending().since_problem);
        return file;
    }

    // Opens `bytes` (with the passphrase if asked), trusts the sender and
    // confirms the link if asked, and takes the records in.
    void take_in(const std::vector<std::uint8_t>& bytes) {
        app.file_opened("from-partner.tandem", bytes);
        if (receiving().stage == Stage::passphrase) {
            app.dispatch(ui::EditImportPassphrase{passphrase});
            app.dispatch(ui::OpenWithPassphrase{});
            serve();
        }
        if (receiving().stage == Stage::verify) app.dispatch(ui::TrustSender{});
        REQUIRE_MESSAGE(receiving().stage == Stage::preview, receiving().title << ": " << receiving().text);
        if (!receiving().link_question.empty()) app.dispatch(ui::ConfirmLink{});
        REQUIRE(receiving().can_apply);
        REQUIRE_MESSAGE(receiving().left_out.empty(),
                        receiving().left_out_title << " " << (receiving().left_out.empty() ? "" : receiving().left_out.front()));
        app.dispatch(ui::ApplyImport{});
        REQUIRE(receiving().stage == Stage::done);
    }

    // The pairing's share as this device holds it.
    std::vector<Record> share(const RecordId& pairing);
};

// Alex coaches Sam: Alex's device has both people and the pairing.
struct Coach : Device {
    RecordId pairing;
    Coach() : Device("Alex Kim") {
        app.dispatch(ui::NavigateTo{ui::Screen::people});
        app.dispatch(ui::EditNewPersonName{"Sam Patel"});
        app.dispatch(ui::AddPerson{});
        app.dispatch(ui::NavigateTo{ui::Screen::pairings});
        app.dispatch(ui::BeginNewPairing{});
        app.dispatch(ui::EditNewPairing{0, 1, "2026-09-01"});  // Alex Kim, Sam Patel in name order
        app.dispatch(ui::CreatePairing{});
        pairing = *app.shell_view().pairings.selected;
    }
};

inline std::vector<Record> Device::share(const RecordId& pairing) {
    RecordsCopy copy = records();
    return store::load_pairing_share(*copy.records, pairing).value();
}

inline void edit_pairing_text(app::App& app, const RecordId& pairing, FieldIndex field, const std::string& text) {
    app.dispatch(ui::NavigateTo{ui::Screen::pairings});
    app.dispatch(ui::SelectPairing{pairing});
    app.dispatch(ui::EditField{Kind::pairing, pairing, field, text, {}});
}

inline std::string pairing_text(Device& device, const RecordId& pairing, FieldIndex field) {
    for (const Record& record : device.share(pairing))
        if (record.kind == Kind::pairing) return std::get<std::string>(record.field(field).value);
    return "(no pairing)";
}


}  // namespace tandem::testing
