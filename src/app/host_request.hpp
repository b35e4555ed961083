#pragma once
// HostRequest: what the app asks of the platform that hosts it (a file
// picker, a download, a key derived off the interface's thread). App
// collects them; the host takes them after each call (App::take_host_requests).

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
using HostRequest = std::variant<OpenFilePicker, DownloadFile, TakeOverRecords, RequestPersistentStorage,
                                 RefreshStorageEstimate, DerivePassphraseKey>;

}  // namespace tandem::app
