#pragma once
// The application shell: the navigation sidebar (its width adjustable), the
// current screen's content area, a notice line and the status line, filling
// ImGui's main viewport.

#include <optional>
#include <string>
#include <vector>

#include "ui/command.hpp"
#include "ui/preferences.hpp"
#include "ui/screen.hpp"
#include "ui/theme.hpp"

namespace tandem::ui {

// A message for the user at the top of the content, until dismissed.
struct Notice {
    std::string text;
    bool problem = false;  // something went wrong, rather than news
};

// A text field's content as the user typed it, and, when it could not be
// kept as typed, why in plain words (empty otherwise).
struct FieldView {
    std::string text;
    std::string problem;
};

// The user's own profile, as shown in Settings.
struct ProfileView {
    FieldView name;
    FieldView subject;
};

// What the shell shows; owned by the app, which updates it as commands arrive.
struct ShellView {
    Screen screen = Screen::today;
    Preferences preferences;
    std::optional<Notice> notice;
    bool file_over_page = false;  // a file is being dragged over the page
    ProfileView profile;
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
