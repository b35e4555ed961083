#pragma once
// The typographic symbols Tandem's words use, as UTF-8. Every non-ASCII
// character in a string literal of the sources comes from here (scripts/
// check_text.mjs enforces it), so none can be saved in the wrong encoding.
// Each is a null-terminated array: it is a `const char*` for ImGui and joins
// a std::string with `+`.

namespace tandem::symbols {

inline constexpr char middle_dot[] = "\xC2\xB7";         // U+00B7: between the parts of a line
inline constexpr char separator[] = " \xC2\xB7 ";        // a middle dot with a space either side
inline constexpr char ellipsis[] = "\xE2\x80\xA6";       // U+2026: cut text, or a button that asks more
inline constexpr char left_quote[] = "\xE2\x80\x9C";     // U+201C
inline constexpr char right_quote[] = "\xE2\x80\x9D";    // U+201D
inline constexpr char apostrophe[] = "\xE2\x80\x99";     // U+2019: "Tandem's"
inline constexpr char right_arrow[] = "\xE2\x86\x92";    // U+2192: a path through menus, a change of status
inline constexpr char minus[] = "\xE2\x88\x92";          // U+2212: the minus key, one fewer
inline constexpr char replacement[] = "\xEF\xBF\xBD";    // U+FFFD: a byte that is not UTF-8

}  // namespace tandem::symbols
