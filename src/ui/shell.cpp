// Index of this file:
// [SECTION] Text helpers
// [SECTION] The sidebar
// [SECTION] Notices and banners
// [SECTION] Settings
// [SECTION] The content and the status line
// [SECTION] Drops, shortcuts and the undo offer
// [SECTION] The shell

#include "ui/shell.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "core/text_symbols.hpp"
#include "ui/item_registry.hpp"
#include "ui/key_codes.hpp"
#include "ui/profile_safety.hpp"
#include "ui/widgets.hpp"

namespace tandem::ui {

// [SECTION] Text helpers

namespace {

constexpr ImGuiWindowFlags fixed_panel = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;

void heading(const Fonts& fonts, const char* text) {
    if (fonts.heading) ImGui::PushFont(fonts.heading);
    ImGui::TextUnformatted(text);
    if (fonts.heading) ImGui::PopFont();
}


// [SECTION] The sidebar

void draw_sidebar(const ShellView& view, const Fonts& fonts, float height, std::vector<Command>& commands) {
    ImGui::PushStyleColor(ImGuiCol_ChildBg, palette_colors().sidebar);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(px(12), px(20)));
    ImGui::BeginChild("sidebar", ImVec2(px(static_cast<float>(view.preferences.sidebar_width)), height), false,
                      ImGuiWindowFlags_AlwaysUseWindowPadding);

    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + px(14));
    if (fonts.heading) ImGui::PushFont(fonts.heading);
    ImGui::TextColored(palette_colors().accent_text, "Tandem");
    if (fonts.heading) ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, px(12)));

    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, px(2)));
    for (const ScreenInfo& info : all_screens()) {
        if (nav_item(info.title, info.screen == parent_screen(view.screen), info.shortcut))
            commands.push_back(NavigateTo{info.screen});
    }
    // At the foot of the sidebar, where the hand goes when leaving the laptop.
    if (view.can_lock) {
        const float foot = ImGui::GetWindowHeight() - px(metrics().nav_item_height) - px(20);
        if (ImGui::GetCursorPosY() < foot) ImGui::SetCursorPosY(foot);
        if (sidebar_action("Lock")) commands.push_back(LockProfile{});
    }
    ImGui::PopStyleVar();

    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
}

// The strip beside the sidebar: dragging it sets the sidebar's width.
void draw_sidebar_edge(const ShellView& view, float height, std::vector<Command>& commands) {
    ImGui::InvisibleButton("Sidebar width", ImVec2(px(6), height));
    if (ItemRegistry* registry = ItemRegistry::current()) {
        registry->announce_last_item("Sidebar width");
        registry->describe_last_item(Role::slider, std::to_string(view.preferences.sidebar_width));
    }
    const bool active = ImGui::IsItemActive();
    if (ImGui::IsItemHovered() || active) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
        const ImVec2 min = ImGui::GetItemRectMin();
        ImGui::GetWindowDrawList()->AddRectFilled(min, ImVec2(min.x + std::max(1.0f, std::floor(px(2))), min.y + height),
                                                  ImGui::GetColorU32(palette_colors().separator));
    }
    if (active) {
        const float wanted = (ImGui::GetIO().MousePos.x - ImGui::GetWindowPos().x) / current_scale();
        const int width = std::clamp(static_cast<int>(std::lround(wanted)), sidebar_width_range.min,
                                     sidebar_width_range.max);
        if (width != view.preferences.sidebar_width) commands.push_back(SetSidebarWidth{width});
    }
}

// [SECTION] Notices and banners

void draw_notice(const Notice& notice, std::vector<Command>& commands) {
    const Palette& palette = palette_colors();
    ImGui::PushStyleColor(ImGuiCol_ChildBg, palette.notice);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(px(16), px(10)));
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, px(6));
    const float height = std::max(px(36), ImGui::GetTextLineHeight()) + px(20);
    ImGui::BeginChild("notice", ImVec2(0, height), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
    const float button_width = ImGui::CalcTextSize("Dismiss").x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::SetCursorPosY((height - ImGui::GetTextLineHeight()) * 0.5f);
    ImGui::PushStyleColor(ImGuiCol_Text, notice.problem ? palette.warning_text : palette.text);
    ImGui::PushTextWrapPos(ImGui::GetWindowWidth() - button_width - px(32));
    ImGui::TextUnformatted(notice.text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::SameLine(ImGui::GetWindowWidth() - button_width - px(16));
    ImGui::SetCursorPosY((height - px(36)) * 0.5f);
    if (action_button("Dismiss")) commands.push_back(DismissNotice{});
    ImGui::EndChild();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();
    ImGui::Dummy(ImVec2(0, px(12)));
}

// A banner about the records: a heading, what it means, and buttons for
// what the user can do. It has no close button: it goes when its cause does.
void draw_banner(const Banner& banner, std::vector<Command>& commands) {
    const Palette& palette = palette_colors();
    ImGui::PushStyleColor(ImGuiCol_ChildBg, palette.notice);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(px(20), px(14)));
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, px(6));
    const float width = std::min(ImGui::GetContentRegionAvail().x, px(760));
    const float text_width = width - px(40);
    const float text_height = ImGui::CalcTextSize(banner.text.c_str(), nullptr, false, text_width).y;
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const float height = px(14) + ImGui::GetTextLineHeight() + spacing + px(2) + spacing + text_height + spacing +
                         px(4) + spacing + px(36) + px(14);
    ImGui::BeginChild("records banner", ImVec2(width, height), false,
                      ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NoScrollbar);
    ImGui::PushStyleColor(ImGuiCol_Text, palette.warning_text);
    ImGui::TextUnformatted(banner.title.c_str());
    ImGui::PopStyleColor();
    ImGui::Dummy(ImVec2(0, px(2)));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + text_width);
    ImGui::TextUnformatted(banner.text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, px(4)));
    bool first = true;
    for (const Banner::Action& action : banner.actions) {
        if (!first) ImGui::SameLine(0, px(12));
        first = false;
        if (action_button(action.label.c_str())) commands.push_back(action.command);
    }
    ImGui::EndChild();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();
    ImGui::Dummy(ImVec2(0, px(12)));
}

// [SECTION] Settings

// Settings: where the records are kept, and a copy to download.
void draw_storage(const ShellView& view, std::vector<Command>& commands) {
    const StorageView& storage = view.storage;
    if (storage.where.empty()) return;
    section_title("Your records");
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::min(px(640), ImGui::GetContentRegionAvail().x));
    for (const std::string* line : {&storage.where, &storage.persistence, &storage.usage})
        if (!line->empty()) muted_wrapped(line->c_str());
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, px(4)));
    if (action_button("Download a copy")) commands.push_back(ExportRecords{});
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::min(px(640), ImGui::GetContentRegionAvail().x));
    muted_wrapped("The copy holds your records as they are, not encrypted: keep it somewhere only you can open. It leaves out "
          "your sharing keys and the partners you trust, so nobody can open your partners' files with it or sign as "
          "you.");
    ImGui::PopTextWrapPos();
}

void draw_profile(const ProfileView& profile, std::vector<Command>& commands) {
    section_title("About you");
    muted_wrapped("Your coaching partner sees your name on what you share with them.");
    ImGui::Dummy(ImVec2(0, px(6)));
    if (auto text = text_field("Your name", profile.name.text, profile.name.problem, "First name and surname"))
        commands.push_back(EditProfile{ProfileField::name, std::move(*text)});
    ImGui::Dummy(ImVec2(0, px(6)));
    if (auto text = text_field("What you teach", profile.subject.text, profile.subject.problem,
                               "For example: Year 4, or secondary science"))
        commands.push_back(EditProfile{ProfileField::subject, std::move(*text)});
}

// Settings: the profile's fingerprint, for an optional check with a
// partner, and the partners it trusts.
void draw_sharing(const ProfileView& profile, std::vector<Command>& commands) {
    if (profile.fingerprint.empty()) return;
    section_title("Sharing with your partner");
    const float width = std::min(px(640), ImGui::GetContentRegionAvail().x);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    muted_wrapped("The first file you send a partner is locked with a passphrase that you tell them in person or on the "
          "phone. Their answer proves they had it, and from then on what you send each other can be read by the two "
          "of you alone.");
    ImGui::Dummy(ImVec2(0, px(6)));
    ImGui::TextUnformatted("Your fingerprint");
    ImGui::TextUnformatted(profile.fingerprint.c_str());
    if (ItemRegistry* registry = ItemRegistry::current())
        registry->announce_last_text("Your fingerprint", profile.fingerprint);
    muted_wrapped("If you both want to be doubly sure, read it to your partner: it must match what their Tandem shows for "
          "you.");
    ImGui::PopTextWrapPos();
    if (profile.partners.empty()) return;
    ImGui::Dummy(ImVec2(0, px(12)));
    ImGui::TextUnformatted("Partners you trust");
    int row = 0;
    for (const PartnerKeyView& partner : profile.partners) {
        ImGui::Dummy(ImVec2(0, px(6)));
        ImGui::PushID(row++);
        ImGui::TextUnformatted(partner.name.c_str());
        muted_wrapped((partner.fingerprint + symbols::separator + partner.state).c_str());
        if (!partner.revoked) {
            if (action_button("We compared it again today")) commands.push_back(ReverifyPartner{partner.person});
            ImGui::SameLine(0, px(8));
            const std::string label = "Stop trusting " + partner.name;
            if (action_button(label.c_str())) commands.push_back(RevokePartner{partner.person});
        } else if (partner.comparing) {
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
            ImGui::TextUnformatted(("Compare " + partner.fingerprint + " with the fingerprint " + partner.name +
                                    "'s Settings show, in person or on the phone. Trust these keys again only if all "
                                    "six groups match.").c_str());
            ImGui::PopTextWrapPos();
            if (action_button("The fingerprints match")) commands.push_back(ReverifyPartner{partner.person});
            ImGui::SameLine(0, px(8));
            if (action_button("Cancel")) commands.push_back(AskToTrustAgain{});
        } else if (partner.can_trust_again) {
            const std::string label = "Trust " + partner.name + " again" + symbols::ellipsis;
            if (action_button(label.c_str())) commands.push_back(AskToTrustAgain{partner.person});
        }
        ImGui::PopID();
    }
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    muted_wrapped("Press a button here only after comparing the fingerprint with your partner, in person or on the phone. "
          "To trust new keys of theirs, take in a file from them and compare the fingerprint it shows.");
    ImGui::PopTextWrapPos();
}

void draw_settings(const ShellView& view, std::vector<Command>& commands) {
    const Preferences& preferences = view.preferences;
    ImGui::BeginDisabled(view.read_only);
    draw_profile(view.profile, commands);
    ImGui::EndDisabled();
    section_title("Theme");
    if (choice_button("Light", preferences.theme == Theme::light)) commands.push_back(SetTheme{Theme::light});
    ImGui::SameLine(0, px(6));
    if (choice_button("Dark", preferences.theme == Theme::dark)) commands.push_back(SetTheme{Theme::dark});

    section_title("Text size");
    ImGui::BeginDisabled(preferences.text_size_percent <= text_sizes().front());
    if (action_button("Smaller")) commands.push_back(ChangeTextSize{-1});
    ImGui::EndDisabled();
    ImGui::SameLine(0, px(12));
    const std::string percent = std::to_string(preferences.text_size_percent) + " %";
    const float row_y = ImGui::GetCursorPosY();
    ImGui::SetCursorPosY(row_y + (px(36) - ImGui::GetTextLineHeight()) * 0.5f);
    ImGui::TextUnformatted(percent.c_str());
    ImGui::SameLine(0, px(12));
    ImGui::SetCursorPosY(row_y);
    ImGui::BeginDisabled(preferences.text_size_percent >= text_sizes().back());
    if (action_button("Larger")) commands.push_back(ChangeTextSize{+1});
    ImGui::EndDisabled();
    ImGui::SameLine(0, px(12));
    ImGui::BeginDisabled(preferences.text_size_percent == 100);
    if (action_button("Reset")) commands.push_back(ChangeTextSize{0, true});
    ImGui::EndDisabled();
    ImGui::Dummy(ImVec2(0, px(4)));
    muted_wrapped((std::string("Ctrl and + or ") + symbols::minus + " change it from anywhere; Ctrl and 0 resets it.").c_str());
    if (view.safety) draw_profile_safety(*view.safety, commands);
    draw_sharing(view.profile, commands);
    draw_storage(view, commands);
    if (view.safety) draw_profile_deletion(*view.safety, commands);
    section_title("About Tandem");
    for (const std::string& line : view.about) muted_wrapped(line.c_str());
}

// [SECTION] The content and the status line

void draw_content(const ShellView& view, const Fonts& fonts, float height, std::vector<Command>& commands) {
    const ScreenInfo& info = screen_info(view.screen);
    // Search takes the keyboard on the frame it appears.
    static Screen last_drawn = Screen::today;
    const bool search_just_opened = view.screen == Screen::search && last_drawn != Screen::search;
    last_drawn = view.screen;
    const float padding = metrics().content_padding;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(padding, padding - px(4)));
    ImGui::BeginChild("content", ImVec2(0, height), false, ImGuiWindowFlags_AlwaysUseWindowPadding);

    if (view.banner) draw_banner(*view.banner, commands);
    if (view.notice) draw_notice(*view.notice, commands);
    heading(fonts, info.title);
    ImGui::Dummy(ImVec2(0, px(4)));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::min(px(640), ImGui::GetContentRegionAvail().x));
    muted_wrapped(info.purpose);
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, px(4)));
    switch (view.screen) {
        case Screen::settings: draw_settings(view, commands); break;
        case Screen::people: draw_people(view.people, view.read_only, commands); break;
        case Screen::pairings: draw_pairings(view.pairings, view.read_only, commands); break;
        case Screen::meeting: draw_meeting(view.meeting, view.read_only, commands); break;
        case Screen::observation: draw_observation(view.observation, view.read_only, commands); break;
        case Screen::reflection: draw_reflection(view.reflection, view.read_only, commands); break;
        case Screen::today: draw_today(view.today, commands); break;
        case Screen::library: draw_library(view.library, commands); break;
        case Screen::search: draw_search(view.search, search_just_opened, commands); break;
        case Screen::share: draw_share(view.share, view.read_only, commands); break;
    }

    ImGui::EndChild();
    ImGui::PopStyleVar();
}

void draw_status_line(const ShellView& view, float height) {
    const Palette& palette = palette_colors();
    ImGui::PushStyleColor(ImGuiCol_ChildBg, palette.status_bar);
    ImGui::BeginChild("status", ImVec2(0, height), false, ImGuiWindowFlags_NoScrollbar);
    const ImVec2 top_left = ImGui::GetWindowPos();
    ImGui::GetWindowDrawList()->AddLine(top_left, ImVec2(top_left.x + ImGui::GetWindowWidth(), top_left.y),
                                        ImGui::GetColorU32(ImGuiCol_Separator), std::max(1.0f, std::floor(px(1))));
    const float text_y = (height - ImGui::GetTextLineHeight()) * 0.5f;
    ImGui::SetCursorPos(ImVec2(px(16), text_y));
    bool first = true;
    for (const ShellView::StatusItem& item : view.status) {
        if (!first) {
            ImGui::SameLine(0, px(12));
            ImGui::TextColored(palette.muted_text, "%s", symbols::middle_dot);
            ImGui::SameLine(0, px(12));
        }
        first = false;
        ImGui::TextColored(item.problem ? palette.warning_text : palette.muted_text, "%s", item.text.c_str());
    }
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

// [SECTION] Drops, shortcuts and the undo offer

// While a file is dragged over the page: where it will go.
void draw_drop_hint(const Fonts& fonts) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImDrawList* draw = ImGui::GetForegroundDrawList();
    const Palette& palette = palette_colors();
    const ImVec2 min(viewport->Pos.x + px(16), viewport->Pos.y + px(16));
    const ImVec2 max(viewport->Pos.x + viewport->Size.x - px(16), viewport->Pos.y + viewport->Size.y - px(16));
    ImVec4 veil = palette.background;
    veil.w = 0.92f;
    draw->AddRectFilled(viewport->Pos, ImVec2(viewport->Pos.x + viewport->Size.x, viewport->Pos.y + viewport->Size.y),
                        ImGui::GetColorU32(veil));
    draw->AddRect(min, max, ImGui::GetColorU32(palette.accent_text), px(12), 0, px(3));
    const char* text = "Drop the file to open it";
    ImFont* font = fonts.heading ? fonts.heading : ImGui::GetFont();
    const float size = fonts.heading ? fonts.heading->FontSize : ImGui::GetFontSize();
    const ImVec2 text_size = font->CalcTextSizeA(size, FLT_MAX, 0.0f, text);
    draw->AddText(font, size,
                  ImVec2(std::floor((min.x + max.x - text_size.x) * 0.5f), std::floor((min.y + max.y - text_size.y) * 0.5f)),
                  ImGui::GetColorU32(palette.accent_text), text);
}

// Ctrl (Cmd on a Mac) with + or - changes the text size; with 0 resets it.
// Ctrl+K opens Search, and Esc leaves it; Ctrl+J ("jot") starts a note where one
// can be written: the next timestamped note of a lesson visit, or a
// meeting's shared notes.
void handle_shortcuts(const ShellView& view, std::vector<Command>& commands) {
    const ImGuiIO& io = ImGui::GetIO();
    if (view.screen == Screen::search && ImGui::IsKeyPressed(key_index(Key::escape), false))
        commands.push_back(CloseSearch{});
    if (!(io.KeyCtrl || io.KeySuper)) return;
    if (ImGui::IsKeyPressed(key_index(letter_key('K')), false) && view.screen != Screen::search)
        commands.push_back(NavigateTo{Screen::search});
    if (ImGui::IsKeyPressed(key_index(letter_key('J')), false)) {
        if (view.screen == Screen::observation) focus_field(observation_note_label);
        if (view.screen == Screen::meeting) focus_field(shared_notes_label);
    }
    if (ImGui::IsKeyPressed(key_index(Key::plus))) commands.push_back(ChangeTextSize{+1});
    if (ImGui::IsKeyPressed(key_index(Key::minus))) commands.push_back(ChangeTextSize{-1});
    if (ImGui::IsKeyPressed(key_index(digit_key(0)), false)) commands.push_back(ChangeTextSize{0, true});
}

// The undo offer after a delete, floating over the foot of the content.
void draw_undo_toast(const ShellView& view, float status_height, std::vector<Command>& commands) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float sidebar = px(static_cast<float>(view.preferences.sidebar_width));
    const ImVec2 at(viewport->WorkPos.x + sidebar + (viewport->WorkSize.x - sidebar) * 0.5f,
                    viewport->WorkPos.y + viewport->WorkSize.y - status_height - px(16));
    ImGui::SetNextWindowPos(at, ImGuiCond_Always, ImVec2(0.5f, 1.0f));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, palette_colors().status_bar);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(px(16), px(10)));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, px(8));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
    ImGui::Begin("undo", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoMove);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (px(36) - ImGui::GetTextLineHeight()) * 0.5f);
    ImGui::TextUnformatted(view.undo.c_str());
    ImGui::SameLine(0, px(16));
    ImGui::SetCursorPosY(ImGui::GetStyle().WindowPadding.y);
    if (action_button("Undo")) commands.push_back(UndoDelete{});
    ImGui::SameLine(0, px(8));
    if (action_button("Close")) commands.push_back(DismissUndo{});
    ImGui::End();
    ImGui::PopStyleVar(3);
    ImGui::PopStyleColor();
}

}  // namespace

// [SECTION] The shell

void draw_shell(const ShellView& view, const Fonts& fonts, std::vector<Command>& commands) {
    if (view.vault) {
        draw_vault_screen(*view.vault, fonts, commands);
        handle_shortcuts(view, commands);
        return;
    }
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGui::Begin("Tandem", nullptr, fixed_panel);

    const float status_height = ImGui::GetTextLineHeight() + px(16);
    const float body_height = ImGui::GetContentRegionAvail().y - status_height;
    draw_sidebar(view, fonts, body_height, commands);
    ImGui::SameLine(0.0f, 0.0f);
    draw_sidebar_edge(view, body_height, commands);
    ImGui::SameLine(0.0f, 0.0f);
    draw_content(view, fonts, body_height, commands);
    ImGui::SetCursorPosY(body_height);
    draw_status_line(view, status_height);

    ImGui::End();
    if (!view.undo.empty()) draw_undo_toast(view, status_height, commands);
    if (view.file_over_page) draw_drop_hint(fonts);
    drop_focus_request();  // this frame drew every field there is to take it
    handle_shortcuts(view, commands);
}

}  // namespace tandem::ui
