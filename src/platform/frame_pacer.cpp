#include "platform/frame_pacer.hpp"

#include <cstring>

namespace tandem::platform {

void FramePacer::request_at(double at_ms) {
    if (!deadline_ || at_ms < *deadline_) deadline_ = at_ms;
}

void FramePacer::frame_drawn(double now_ms, std::uint64_t picture, bool busy) {
    const bool changed = picture != last_picture_;
    last_picture_ = picture;
    wanted_ = changed || busy;
    if (deadline_ && *deadline_ <= now_ms) deadline_.reset();
}

bool FramePacer::due(double now_ms) {
    if (deadline_ && *deadline_ <= now_ms) {
        deadline_.reset();
        wanted_ = true;
    }
    return wanted_;
}

namespace {

// FNV-1a over 64-bit words, with the tail bytes folded in.
class Hasher {
public:
    void add(const void* data, std::size_t size) {
        if (size == 0) {
            mix(0);
            return;
        }
        const auto* bytes = static_cast<const unsigned char*>(data);
        std::size_t i = 0;
        for (; i + 8 <= size; i += 8) {
            std::uint64_t word = 0;
            std::memcpy(&word, bytes + i, 8);
            mix(word);
        }
        std::uint64_t tail = 0;
        std::memcpy(&tail, bytes + i, size - i);
        mix(tail ^ size);
    }
    std::uint64_t value() const { return state_; }

private:
    void mix(std::uint64_t word) {
        state_ ^= word;
        state_ *= 0x100000001B3ull;
        state_ ^= state_ >> 29;
    }
    std::uint64_t state_ = 0xCBF29CE484222325ull;
};

}  // namespace

std::uint64_t picture_hash(const ImDrawData& data) {
    Hasher hasher;
    hasher.add(&data.DisplayPos, sizeof data.DisplayPos);
    hasher.add(&data.DisplaySize, sizeof data.DisplaySize);
    for (int n = 0; n < data.CmdListsCount; ++n) {
        const ImDrawList& list = *data.CmdLists[n];
        hasher.add(list.VtxBuffer.Data, static_cast<std::size_t>(list.VtxBuffer.Size) * sizeof(ImDrawVert));
        hasher.add(list.IdxBuffer.Data, static_cast<std::size_t>(list.IdxBuffer.Size) * sizeof(ImDrawIdx));
        for (const ImDrawCmd& cmd : list.CmdBuffer) {
            hasher.add(&cmd.ClipRect, sizeof cmd.ClipRect);
            const ImTextureID texture = cmd.GetTexID();
            hasher.add(&texture, sizeof texture);
            hasher.add(&cmd.ElemCount, sizeof cmd.ElemCount);
        }
    }
    return hasher.value();
}

}  // namespace tandem::platform
