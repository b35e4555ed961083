// Tandem's entry point in the browser: a GLFW window over the page's canvas,
// a WebGL2 context, Dear ImGui with its stock GLFW and OpenGL3 backends, and
// one frame per animation frame.

#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include "app/app.hpp"
#include "app/test_hook.hpp"
#include "ui/item_registry.hpp"
#include "ui/shell.hpp"
#include "ui/theme.hpp"

namespace {

using namespace tandem;

// clang-format off
// The page's status message (web/index.html): replaced by the app once it
// draws, or kept with an explanation when it cannot start.
EM_JS(void, tandem_page_started, (), {
    var message = document.getElementById("message");
    if (message) message.remove();
});
EM_JS(void, tandem_page_failed, (const char* text), {
    var message = document.getElementById("message");
    if (message) message.textContent = UTF8ToString(text);
});
// clang-format on

// Embedded into the module at link time (see src/CMakeLists.txt).
constexpr const char* body_font_path = "/fonts/Inter-Regular.otf";
constexpr const char* heading_font_path = "/fonts/Inter-SemiBold.otf";

struct Runtime {
    GLFWwindow* window = nullptr;
    app::App app;
    ui::ItemRegistry registry;
    ui::Fonts fonts;
    bool test_mode = false;
    std::uint64_t frames = 0;
    std::vector<ui::Command> commands;
};

// Keeps the canvas's drawing buffer the size the page's CSS gives it.
void fit_canvas(GLFWwindow* window) {
    double css_w = 0, css_h = 0;
    emscripten_get_element_css_size("#canvas", &css_w, &css_h);
    const int want_w = static_cast<int>(std::lround(css_w));
    const int want_h = static_cast<int>(std::lround(css_h));
    int have_w = 0, have_h = 0;
    glfwGetWindowSize(window, &have_w, &have_h);
    if (want_w > 0 && want_h > 0 && (want_w != have_w || want_h != have_h)) glfwSetWindowSize(window, want_w, want_h);
}

void frame(void* arg) {
    Runtime& rt = *static_cast<Runtime*>(arg);
    fit_canvas(rt.window);
    glfwPollEvents();

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    if (rt.test_mode) rt.registry.begin_frame();
    ui::draw_shell(rt.app.shell_view(), rt.fonts, rt.commands);
    ImGui::Render();

    int fb_w = 0, fb_h = 0;
    glfwGetFramebufferSize(rt.window, &fb_w, &fb_h);
    glViewport(0, 0, fb_w, fb_h);
    const ImVec4 clear = ui::palette_colors().background;
    glClearColor(clear.x, clear.y, clear.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

    if (rt.test_mode) rt.registry.end_frame();
    for (const ui::Command& command : rt.commands) rt.app.dispatch(command);
    rt.commands.clear();
    if (++rt.frames == 1) tandem_page_started();
    if (rt.test_mode) app::notify_frame_drawn();
}

}  // namespace

int main() {
    constexpr const char* cannot_draw =
        "Tandem could not start: this browser cannot draw with WebGL2. "
        "Please use an up-to-date Chrome, Edge, Firefox or Safari.";
    if (!glfwInit()) {
        tandem_page_failed(cannot_draw);
        return 1;
    }
    double css_w = 0, css_h = 0;
    emscripten_get_element_css_size("#canvas", &css_w, &css_h);
    GLFWwindow* window = glfwCreateWindow(static_cast<int>(css_w), static_cast<int>(css_h), "Tandem", nullptr, nullptr);
    if (window == nullptr) {
        tandem_page_failed(cannot_draw);
        return 1;
    }
    glfwMakeContextCurrent(window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout is fixed; nothing to remember between visits

    // Lives for the whole page: the main loop never returns.
    auto* rt = new Runtime();
    rt->window = window;
    ui::apply_theme(ImGui::GetStyle());
    rt->fonts = ui::load_fonts(io, body_font_path, heading_font_path);
    rt->test_mode = app::test_mode_requested();
    if (rt->test_mode) {
        rt->registry.attach(*ImGui::GetCurrentContext());
        app::install_test_hook(rt->registry, rt->app, rt->frames);
    }

    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    emscripten_set_main_loop_arg(frame, rt, 0, false);
    return 0;
}
