#pragma once
// FramePacer: render on demand. A frame is drawn after input, a resize, a
// timer or an animation deadline, and again while the picture keeps changing;
// once two frames in a row look the same and nothing waits, none are drawn.
// Times are milliseconds on one monotonic clock.

#include <cstdint>
#include <optional>

#include <imgui.h>

namespace tandem::platform {

class FramePacer {
public:
    // Something changed (input, resize, a restored context): draw soon.
    void request() { wanted_ = true; }

    // Draw a frame at `at_ms` (an animation or timer deadline); the earliest
    // waiting deadline wins.
    void request_at(double at_ms);

    // Records a drawn frame: `picture` is picture_hash() of its draw data;
    // `busy` says it applied input or dispatched commands, whose effect the
    // next frame shows.
    void frame_drawn(double now_ms, std::uint64_t picture, bool busy);

    // Whether a frame is due at `now_ms`; also clears a passed deadline.
    bool due(double now_ms);

    // When the next frame is due: now (immediately), at a deadline, or never.
    bool wants_frame_now() const { return wanted_; }
    std::optional<double> deadline() const { return deadline_; }

private:
    bool wanted_ = true;
    std::optional<double> deadline_;
    std::uint64_t last_picture_ = 0;
};

// A hash of everything `data` would put on screen: display size, vertices,
// indices, clip rectangles and textures. Equal hashes: the same picture.
std::uint64_t picture_hash(const ImDrawData& data);

}  // namespace tandem::platform
