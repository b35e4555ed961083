#pragma once
// WebGlRenderer: draws Dear ImGui's draw data with WebGL2, using the shaders
// in shaders/ and a single-channel font atlas. It owns every GL object it
// creates; after a lost WebGL context, create() makes them all again.

#include <imgui.h>

namespace tandem::platform {

class WebGlRenderer {
public:
    WebGlRenderer() = default;
    WebGlRenderer(const WebGlRenderer&) = delete;
    WebGlRenderer& operator=(const WebGlRenderer&) = delete;
    ~WebGlRenderer();

    // Compiles the shaders and makes the buffers in the current WebGL2
    // context. Returns false (and holds nothing) if the context cannot: lost,
    // or shaders refused.
    bool create();

    // Forgets the GL objects without deleting them: for a lost context,
    // whose objects are already gone.
    void abandon();

    // Deletes the GL objects, if any.
    void destroy();

    // Uploads `atlas`'s pixels as the font texture and sets its TexID. Call
    // after create() and whenever the atlas is rebuilt.
    void upload_font_atlas(ImFontAtlas& atlas);

    // Clears the framebuffer (`framebuffer_w` x `framebuffer_h` pixels) to
    // `clear` and draws `data`, whose display pixels map 1:1 to it.
    void render(const ImDrawData& data, int framebuffer_w, int framebuffer_h, const ImVec4& clear);

    bool ready() const { return program_ != 0; }

private:
    unsigned program_ = 0;
    unsigned vertex_array_ = 0;
    unsigned vertex_buffer_ = 0;
    unsigned index_buffer_ = 0;
    unsigned font_texture_ = 0;
    int display_origin_location_ = -1;
    int display_size_location_ = -1;
};

}  // namespace tandem::platform
