#pragma once
// The browser's localStorage, for small settings of this device that are not
// coaching data. Reads of a missing key, and any storage the browser refuses
// (private windows, blocked storage), give an empty string; writes then do
// nothing.

#include <string>
#include <string_view>

namespace tandem::platform {

// At most `max_bytes` of the value stored under `key`.
std::string read_local_setting(std::string_view key, std::size_t max_bytes);

void write_local_setting(std::string_view key, std::string_view value);

}  // namespace tandem::platform
