#pragma once
// Compile-time routing of UI commands to the parts that handle them. Each
// part lists its commands (`using Commands = CommandList<...>`); a command
// goes to the one part that lists it. A command listed by no part, or by
// two, fails to compile where it is routed.

#include <cstddef>
#include <type_traits>

namespace tandem::app {

// The commands a part handles.
template <class... Commands>
struct CommandList {};

// Whether `List` (a CommandList) holds `Command`.
template <class Command, class List>
struct lists_command;
template <class Command, class... Listed>
struct lists_command<Command, CommandList<Listed...>> : std::bool_constant<(std::is_same_v<Command, Listed> || ...)> {};

// The index, among `Parts`, of the one part that handles `Command`.
template <class Command, class... Parts>
consteval std::size_t destination_of() {
    constexpr std::size_t handlers = (std::size_t{lists_command<Command, typename Parts::Commands>::value} + ...);
    static_assert(handlers == 1, "every command is handled by exactly one part: list it in one part's Commands");
    std::size_t index = 0;
    bool found = false;
    ((found = found || lists_command<Command, typename Parts::Commands>::value, index += found ? 0 : 1), ...);
    return index;
}

}  // namespace tandem::app
