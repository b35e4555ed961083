#include "platform/web/webgl_renderer.hpp"

#include <GLES3/gl3.h>

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "shaders.hpp"

namespace tandem::platform {

namespace {

// A compiled shader, or 0 if the source was refused (or the context is lost).
GLuint compile(GLenum type, std::string_view source) {
    const GLuint shader = glCreateShader(type);
    if (shader == 0) return 0;
    const char* text = source.data();
    const GLint length = static_cast<GLint>(source.size());
    glShaderSource(shader, 1, &text, &length);
    glCompileShader(shader);
    GLint compiled = GL_FALSE;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &compiled);
    if (compiled != GL_TRUE) {
        glDeleteShader(shader);
        return 0;
    }
    return shader;
}

// Attribute locations fixed before linking, so the vertex array needs no lookups.
constexpr GLuint position_attribute = 0;
constexpr GLuint uv_attribute = 1;
constexpr GLuint color_attribute = 2;

GLuint link_program() {
    const GLuint vertex = compile(GL_VERTEX_SHADER, shaders::imgui_vert);
    const GLuint fragment = compile(GL_FRAGMENT_SHADER, shaders::imgui_frag);
    GLuint program = 0;
    if (vertex != 0 && fragment != 0) program = glCreateProgram();
    if (program != 0) {
        glAttachShader(program, vertex);
        glAttachShader(program, fragment);
        glBindAttribLocation(program, position_attribute, "a_position");
        glBindAttribLocation(program, uv_attribute, "a_uv");
        glBindAttribLocation(program, color_attribute, "a_color");
        glLinkProgram(program);
        GLint linked = GL_FALSE;
        glGetProgramiv(program, GL_LINK_STATUS, &linked);
        if (linked != GL_TRUE) {
            glDeleteProgram(program);
            program = 0;
        }
    }
    if (vertex != 0) glDeleteShader(vertex);
    if (fragment != 0) glDeleteShader(fragment);
    return program;
}

}  // namespace

WebGlRenderer::~WebGlRenderer() { destroy(); }

bool WebGlRenderer::create() {
    destroy();
    program_ = link_program();
    if (program_ == 0) return false;
    display_origin_location_ = glGetUniformLocation(program_, "u_display_origin");
    display_size_location_ = glGetUniformLocation(program_, "u_display_size");

    glGenVertexArrays(1, &vertex_array_);
    glGenBuffers(1, &vertex_buffer_);
    glGenBuffers(1, &index_buffer_);
    glBindVertexArray(vertex_array_);
    glBindBuffer(GL_ARRAY_BUFFER, vertex_buffer_);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, index_buffer_);
    glEnableVertexAttribArray(position_attribute);
    glEnableVertexAttribArray(uv_attribute);
    glEnableVertexAttribArray(color_attribute);
    constexpr GLsizei stride = sizeof(ImDrawVert);
    glVertexAttribPointer(position_attribute, 2, GL_FLOAT, GL_FALSE, stride,
                          reinterpret_cast<const void*>(offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(uv_attribute, 2, GL_FLOAT, GL_FALSE, stride,
                          reinterpret_cast<const void*>(offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(color_attribute, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride,
                          reinterpret_cast<const void*>(offsetof(ImDrawVert, col)));
    glBindVertexArray(0);
    return true;
}

void WebGlRenderer::abandon() {
    program_ = vertex_array_ = vertex_buffer_ = index_buffer_ = font_texture_ = 0;
}

void WebGlRenderer::destroy() {
    if (font_texture_ != 0) glDeleteTextures(1, &font_texture_);
    if (index_buffer_ != 0) glDeleteBuffers(1, &index_buffer_);
    if (vertex_buffer_ != 0) glDeleteBuffers(1, &vertex_buffer_);
    if (vertex_array_ != 0) glDeleteVertexArrays(1, &vertex_array_);
    if (program_ != 0) glDeleteProgram(program_);
    abandon();
}

void WebGlRenderer::upload_font_atlas(ImFontAtlas& atlas) {
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    atlas.GetTexDataAsAlpha8(&pixels, &width, &height);
    if (font_texture_ == 0) glGenTextures(1, &font_texture_);
    glBindTexture(GL_TEXTURE_2D, font_texture_);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
    atlas.SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(font_texture_)));
}

void WebGlRenderer::render(const ImDrawData& data, int framebuffer_w, int framebuffer_h, const ImVec4& clear) {
    glViewport(0, 0, framebuffer_w, framebuffer_h);
    glDisable(GL_SCISSOR_TEST);
    glClearColor(clear.x, clear.y, clear.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    if (!ready() || framebuffer_w <= 0 || framebuffer_h <= 0) return;

    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glEnable(GL_SCISSOR_TEST);
    glUseProgram(program_);
    glUniform2f(display_origin_location_, data.DisplayPos.x, data.DisplayPos.y);
    glUniform2f(display_size_location_, data.DisplaySize.x, data.DisplaySize.y);
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(vertex_array_);

    // Display pixels to framebuffer pixels (1 when the display is the framebuffer).
    const float scale_x = data.DisplaySize.x > 0 ? static_cast<float>(framebuffer_w) / data.DisplaySize.x : 1.0f;
    const float scale_y = data.DisplaySize.y > 0 ? static_cast<float>(framebuffer_h) / data.DisplaySize.y : 1.0f;
    // 32-bit indices (see cmake/third_party.cmake): WebGL2 has no base vertex,
    // so every draw list is one mesh however long it grows.
    static_assert(sizeof(ImDrawIdx) == 4);
    constexpr GLenum index_type = GL_UNSIGNED_INT;
    for (int n = 0; n < data.CmdListsCount; ++n) {
        const ImDrawList& list = *data.CmdLists[n];
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(list.VtxBuffer.size_in_bytes()), list.VtxBuffer.Data,
                     GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(list.IdxBuffer.size_in_bytes()),
                     list.IdxBuffer.Data, GL_STREAM_DRAW);
        for (const ImDrawCmd& cmd : list.CmdBuffer) {
            if (cmd.UserCallback != nullptr) {
                if (cmd.UserCallback != ImDrawCallback_ResetRenderState) cmd.UserCallback(&list, &cmd);
                continue;
            }
            const float x0 = (cmd.ClipRect.x - data.DisplayPos.x) * scale_x;
            const float y0 = (cmd.ClipRect.y - data.DisplayPos.y) * scale_y;
            const float x1 = (cmd.ClipRect.z - data.DisplayPos.x) * scale_x;
            const float y1 = (cmd.ClipRect.w - data.DisplayPos.y) * scale_y;
            if (x1 <= x0 || y1 <= y0) continue;
            glScissor(static_cast<GLint>(x0), static_cast<GLint>(static_cast<float>(framebuffer_h) - y1),
                      static_cast<GLsizei>(x1 - x0), static_cast<GLsizei>(y1 - y0));
            glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<std::uintptr_t>(cmd.GetTexID())));
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount), index_type,
                           reinterpret_cast<const void*>(cmd.IdxOffset * sizeof(ImDrawIdx)));
        }
    }
    glBindVertexArray(0);
    glDisable(GL_SCISSOR_TEST);
}

}  // namespace tandem::platform
