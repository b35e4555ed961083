#pragma once
// What a refused command means, said in plain words for the person who typed
// the value, to show next to the field concerned.

#include <string>

#include "core/command_error.hpp"

namespace tandem::app {

// One or two sentences for `error`, e.g. "Please shorten this to 100
// characters or fewer." Never empty.
std::string command_error_text(const CommandError& error);

}  // namespace tandem::app
