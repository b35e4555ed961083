#pragma once
// The application shell: the navigation sidebar, the current screen's
// content area and the status line, filling ImGui's main viewport.

#include <string>
#include <vector>

#include "ui/command.hpp"
#include "ui/screen.hpp"
#include "ui/theme.hpp"

namespace tandem::ui {

// What the shell shows; owned by the app, which updates it as commands arrive.
struct ShellView {
    Screen screen = Screen::today;
    // One line each for the status line; `problem` marks a line to stand out.
    struct StatusItem {
        std::string text;
        bool problem = false;
    };
    std::vector<StatusItem> status;
};

// Draws the shell for one frame inside ImGui::NewFrame()/Render(), appending
// the user's requests to `commands`.
void draw_shell(const ShellView& view, const Fonts& fonts, std::vector<Command>& commands);

}  // namespace tandem::ui
