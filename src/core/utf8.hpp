#pragma once
// UTF-8 checks shared by everything that accepts text from outside.

#include <cstddef>
#include <optional>
#include <string_view>

namespace tandem {

// Length of the valid UTF-8 sequence starting at text[i], or 0 if it is not
// valid (overlong forms, surrogates and code points above U+10FFFF are not).
// Requires i < text.size().
std::size_t utf8_sequence_length(std::string_view text, std::size_t i);

// The number of code points in text, or nullopt if it is not valid UTF-8.
std::optional<std::size_t> utf8_code_points(std::string_view text);

}  // namespace tandem
