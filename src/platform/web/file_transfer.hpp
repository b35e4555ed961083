#pragma once
// FileTransfer: saving bytes as a download and opening files through the
// browser's file picker or by dropping them on the page (files.js).
// Opened files arrive whole, through the handler, between frames.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tandem::platform {

// What happened to a file the user opened.
struct OpenedFile {
    enum class Outcome {
        opened,      // bytes holds the whole file
        too_large,   // over the limit; not read
        unreadable,  // the browser could not read it
    };
    Outcome outcome = Outcome::opened;
    std::string name;               // as the user's system names it, untrusted
    std::uint64_t size = 0;         // bytes
    std::vector<std::uint8_t> bytes;
};

class FileTransfer {
public:
    // Installs the picker and the page's drop target. Files over `limit`
    // bytes are refused unread. `on_file` and `on_drag` (a file is being
    // dragged over the page, or no longer) are called from browser events.
    FileTransfer(std::uint64_t limit, std::function<void(OpenedFile)> on_file, std::function<void(bool)> on_drag);

    // Opens the browser's file picker for files matching `accept` (".tandem",
    // or "" for any). Call within a user gesture (a click's frame).
    void choose(std::string_view accept);

    // Offers `bytes` to the user as a download named `name`.
    static void save(std::string_view name, std::span<const std::uint8_t> bytes, std::string_view mime_type);

    std::uint64_t limit() const { return limit_; }

    // [Internal] from files.js.
    void deliver(OpenedFile file) { on_file_(std::move(file)); }
    void dragging(bool over) { on_drag_(over); }

private:
    std::uint64_t limit_;
    std::function<void(OpenedFile)> on_file_;
    std::function<void(bool)> on_drag_;
};

}  // namespace tandem::platform
