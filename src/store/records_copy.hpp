#pragma once
// A copy of the records for the user to keep (Settings → Your records →
// Download a copy): the database as it is, minus what belongs to this
// device alone and must never leave it in the clear, such as the profile's
// secret keys and the partners it trusts.

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "store/statement.hpp"

namespace tandem::store {

// `image` (a database's bytes, or what could be salvaged of one) with every
// local_state entry whose key is in `device_only` removed, the search index
// merged and the file vacuumed, so that no page of the copy still holds what
// was removed or replaced. When `image` cannot be opened as a database (a
// salvage), each of those entries is overwritten in place instead, from its
// key to the end of its page. Never fails: it works on its own copy.
std::vector<std::uint8_t> copy_without(std::span<const std::uint8_t> image, std::span<const std::string_view> device_only);

}  // namespace tandem::store
