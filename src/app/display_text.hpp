#pragma once
// Text for people from values that come from outside or from the machine:
// file names and byte counts.

#include <cstdint>
#include <string>
#include <string_view>

namespace tandem::app {

// `name` (a file name from outside) made fit to show: valid UTF-8 without
// control characters, at most 60 characters with an ellipsis.
std::string displayable_file_name(std::string_view name);

// A byte count for people: "812 bytes", "3.4 KB", "64 MB" (binary multiples).
std::string human_size(std::uint64_t bytes);

}  // namespace tandem::app
