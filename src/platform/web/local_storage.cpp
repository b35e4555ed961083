#include "platform/web/local_storage.hpp"

#include <emscripten.h>

#include <cstdlib>
#include <memory>

namespace tandem::platform {

namespace {

// clang-format off
// Returns a malloc'd UTF-8 copy of the value, or null; the caller frees it.
EM_JS(char*, tandem_local_read, (const char* key), {
    try {
        var value = window.localStorage.getItem(UTF8ToString(key));
        if (value === null) return 0;
        var size = lengthBytesUTF8(value) + 1;
        var pointer = _malloc(size);
        stringToUTF8(value, pointer, size);
        return pointer;
    } catch (e) {
        return 0;
    }
});
EM_JS(void, tandem_local_write, (const char* key, const char* value), {
    try {
        window.localStorage.setItem(UTF8ToString(key), UTF8ToString(value));
    } catch (e) {
    }
});
// clang-format on

}  // namespace

std::string read_local_setting(std::string_view key, std::size_t max_bytes) {
    const std::unique_ptr<char, decltype(&std::free)> value(tandem_local_read(std::string(key).c_str()), &std::free);
    if (!value) return {};
    std::string text(value.get());
    if (text.size() > max_bytes) text.resize(max_bytes);
    return text;
}

void write_local_setting(std::string_view key, std::string_view value) {
    tandem_local_write(std::string(key).c_str(), std::string(value).c_str());
}

}  // namespace tandem::platform
