#pragma once
// HostRequest: what the app asks of the platform that hosts it (a file
// picker, a download, a key derived off the interface's thread). App
// collects them; the host takes them after each call (App::take_host_requests).

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "app/bundle_exchange_types.hpp"

namespace tandem::app {

// Show the browser's file picker for files matching `accept`.
struct OpenFilePicker {
    std::string accept;
};
// Offer `bytes` as a download named `name`.
struct DownloadFile {
    std::string name;
    std::vector<std::uint8_t> bytes;
    std::string mime_type;
};
// Take the records over from the tab that has them, then open them here.
struct TakeOverRecords {};
// Ask the browser to keep this site's storage even when space runs low.
struct RequestPersistentStorage {};
// Find out how much storage is used, and whether it is persistent.
struct RefreshStorageEstimate {};
// Derive a passphrase's key (slow by design: off the interface's thread
// where there is one), then call App::passphrase_key_derived().
struct DerivePassphraseKey {
    KeyJob job;
};
// Try for the records in `database` (a profile's, or the ones from before
// profiles), then call App::records_loaded(), or records_elsewhere() when
// another tab has them.
struct OpenProfileRecords {
    std::string database;
};
// Make `database` for a new profile and open it as OpenProfileRecords does;
// its vault `header`, `name` and `colour` are written with its first pages.
struct CreateProfileRecords {
    std::string database;
    std::vector<std::uint8_t> header;
    std::string name;
    int colour = 0;
};
// Read the open database again (to check what was written), then call
// App::records_loaded().
struct ReloadRecords {};
// Replace the open profile's vault header (a new passphrase); then call
// App::vault_header_written().
struct WriteVaultHeader {
    std::vector<std::uint8_t> header;
};
// Delete the records from before profiles: they are in a profile now.
struct DeleteOldRecords {};
// Lock: once everything is saved, start the page afresh, which wipes all
// it held.
struct LockPage {};
// Delete profile `id`'s database with all its records (they are closed and
// its keys wiped already), then start the page afresh.
struct DeleteProfileRecords {
    std::string id;
};
using HostRequest = std::variant<OpenFilePicker, DownloadFile, TakeOverRecords, RequestPersistentStorage,
                                 RefreshStorageEstimate, DerivePassphraseKey, OpenProfileRecords,
                                 CreateProfileRecords, ReloadRecords, WriteVaultHeader, DeleteOldRecords, LockPage,
                                 DeleteProfileRecords>;

}  // namespace tandem::app
