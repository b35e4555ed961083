#pragma once
// What a refused command, or a record of a partner's file left out, means,
// said in plain words for the person who reads it.

#include <string>

#include "core/command_error.hpp"
#include "core/partner_authority.hpp"

namespace tandem::app {

// One or two sentences for `error`, e.g. "Please shorten this to 100
// characters or fewer." Never empty.
std::string command_error_text(const CommandError& error);

// One line for `count` records of a partner's file left out for `reason`,
// e.g. "1 change to your own name and details: only you change them".
std::string refusal_text(Refusal reason, std::size_t count);

}  // namespace tandem::app
