#include "ui/shell.hpp"

#include <imgui.h>

#include "ui/widgets.hpp"

namespace tandem::ui {

namespace {

constexpr ImGuiWindowFlags fixed_panel = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;

void draw_sidebar(const ShellView& view, const Fonts& fonts, float height, std::vector<Command>& commands) {
    const Metrics& m = metrics();
    ImGui::PushStyleColor(ImGuiCol_ChildBg, palette_colors().sidebar);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(12, 20));
    ImGui::BeginChild("sidebar", ImVec2(m.sidebar_width, height), false, ImGuiWindowFlags_AlwaysUseWindowPadding);

    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + 14);
    if (fonts.heading) ImGui::PushFont(fonts.heading);
    ImGui::TextColored(palette_colors().accent_text, "Tandem");
    if (fonts.heading) ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, 12));

    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 2));
    for (const ScreenInfo& info : all_screens()) {
        if (nav_item(info.title, info.screen == view.screen)) commands.push_back(NavigateTo{info.screen});
    }
    ImGui::PopStyleVar();

    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
}

void draw_content(const ShellView& view, const Fonts& fonts, float height) {
    const Metrics& m = metrics();
    const ScreenInfo& info = screen_info(view.screen);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(m.content_padding, m.content_padding - 4));
    ImGui::BeginChild("content", ImVec2(0, height), false, ImGuiWindowFlags_AlwaysUseWindowPadding);

    if (fonts.heading) ImGui::PushFont(fonts.heading);
    ImGui::TextUnformatted(info.title);
    if (fonts.heading) ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, 4));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 640);
    ImGui::PushStyleColor(ImGuiCol_Text, palette_colors().muted_text);
    ImGui::TextUnformatted(info.purpose);
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, 24));
    ImGui::TextUnformatted("Nothing recorded yet.");

    ImGui::EndChild();
    ImGui::PopStyleVar();
}

void draw_status_line(const ShellView& view, float height) {
    const Palette& palette = palette_colors();
    ImGui::PushStyleColor(ImGuiCol_ChildBg, palette.status_bar);
    ImGui::BeginChild("status", ImVec2(0, height), false, ImGuiWindowFlags_NoScrollbar);
    const ImVec2 top_left = ImGui::GetWindowPos();
    ImGui::GetWindowDrawList()->AddLine(top_left, ImVec2(top_left.x + ImGui::GetWindowWidth(), top_left.y),
                                        ImGui::GetColorU32(ImGuiCol_Separator));
    const float text_y = (height - ImGui::GetTextLineHeight()) * 0.5f;
    ImGui::SetCursorPos(ImVec2(16, text_y));
    bool first = true;
    for (const ShellView::StatusItem& item : view.status) {
        if (!first) {
            ImGui::SameLine(0, 12);
            ImGui::TextColored(palette.muted_text, "\xC2\xB7");  // middle dot
            ImGui::SameLine(0, 12);
        }
        first = false;
        ImGui::TextColored(item.problem ? palette.warning_text : palette.muted_text, "%s", item.text.c_str());
    }
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

}  // namespace

void draw_shell(const ShellView& view, const Fonts& fonts, std::vector<Command>& commands) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGui::Begin("Tandem", nullptr, fixed_panel);

    const float status_height = ImGui::GetTextLineHeight() + 16;
    const float body_height = ImGui::GetContentRegionAvail().y - status_height;
    draw_sidebar(view, fonts, body_height, commands);
    ImGui::SameLine(0.0f, 0.0f);
    draw_content(view, fonts, body_height);
    ImGui::SetCursorPosY(body_height);
    draw_status_line(view, status_height);

    ImGui::End();
}

}  // namespace tandem::ui
