#include "platform/web/file_transfer.hpp"

#include <emscripten.h>

#include <utility>

namespace tandem::platform {

namespace {

FileTransfer* installed = nullptr;

extern "C" {
void tandem_files_install(double limit);
void tandem_files_choose(const char* accept);
void tandem_files_save(const char* name, const std::uint8_t* data, std::size_t size, const char* type);
}

}  // namespace

FileTransfer::FileTransfer(std::uint64_t limit, std::function<void(OpenedFile)> on_file,
                           std::function<void(bool)> on_drag)
    : limit_(limit), on_file_(std::move(on_file)), on_drag_(std::move(on_drag)) {
    installed = this;
    tandem_files_install(static_cast<double>(limit));
}

void FileTransfer::choose(std::string_view accept) { tandem_files_choose(std::string(accept).c_str()); }

void FileTransfer::save(std::string_view name, std::span<const std::uint8_t> bytes, std::string_view mime_type) {
    tandem_files_save(std::string(name).c_str(), bytes.data(), bytes.size(), std::string(mime_type).c_str());
}

}  // namespace tandem::platform

using tandem::platform::OpenedFile;

// Called by files.js.
extern "C" EMSCRIPTEN_KEEPALIVE void tandem_file_opened(const char* name, const std::uint8_t* data, double size) {
    if (!tandem::platform::installed) return;
    const auto count = static_cast<std::size_t>(size);
    if (count > tandem::platform::installed->limit()) {
        tandem::platform::installed->deliver({OpenedFile::Outcome::too_large, name, count, {}});
        return;
    }
    OpenedFile file{OpenedFile::Outcome::opened, name, count, std::vector<std::uint8_t>(data, data + count)};
    tandem::platform::installed->deliver(std::move(file));
}
extern "C" EMSCRIPTEN_KEEPALIVE void tandem_file_refused(const char* name, double size) {
    if (tandem::platform::installed)
        tandem::platform::installed->deliver({OpenedFile::Outcome::too_large, name, static_cast<std::uint64_t>(size), {}});
}
extern "C" EMSCRIPTEN_KEEPALIVE void tandem_file_unreadable(const char* name) {
    if (tandem::platform::installed) tandem::platform::installed->deliver({OpenedFile::Outcome::unreadable, name, 0, {}});
}
extern "C" EMSCRIPTEN_KEEPALIVE void tandem_file_drag(int over) {
    if (tandem::platform::installed) tandem::platform::installed->dragging(over != 0);
}
