#include "ui/vault_screen.hpp"

#include <imgui.h>

#include <algorithm>
#include <array>

#include "core/text_symbols.hpp"
#include "ui/item_registry.hpp"
#include "ui/widgets.hpp"

namespace tandem::ui {

namespace {

// Eight colours that stay apart for most kinds of colour blindness, and
// readable on both themes.
constexpr std::array<unsigned, 8> colours{0xFFB27A1Fu, 0xFF1E7FE0u, 0xFF3E9E2Cu, 0xFF2E2ECDu,
                                          0xFFB04C94u, 0xFF4B568Cu, 0xFF9F8F1Bu, 0xFF7F7F7Fu};
constexpr std::array<const char*, 8> colour_names{"Blue", "Orange", "Green", "Red",
                                                  "Purple", "Brown", "Teal", "Grey"};

void heading(const Fonts& fonts, const std::string& text) {
    if (fonts.heading) ImGui::PushFont(fonts.heading);
    ImGui::TextUnformatted(text.c_str());
    if (fonts.heading) ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, px(4)));
}

void gap(float height = 12) { ImGui::Dummy(ImVec2(0, px(height))); }

// A filled circle of profile colour `colour` on the current line.
void colour_disc(int colour, float size) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(at.x + size * 0.5f, at.y + size * 0.5f), size * 0.5f,
                                                profile_colour(colour));
    ImGui::Dummy(ImVec2(size, size));
}

void problem_text(const std::string& text) {
    if (text.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, palette_colors().warning_text);
    wrapped_text(text);
    ImGui::PopStyleColor();
}

void draw_choosing(const VaultView& view, const Fonts& fonts, std::vector<Command>& commands) {
    heading(fonts, "Who is using Tandem?");
    wrapped_text("Each profile keeps its own records, locked with its own passphrase. Choose yours.");
    gap();
    for (const ProfileChoice& profile : view.profiles) {
        const float size = px(28);
        const float y = ImGui::GetCursorPosY();
        ImGui::SetCursorPosY(y + std::max(0.0f, (px(36) - size) * 0.5f));
        colour_disc(profile.colour, size);
        ImGui::SameLine(0, px(12));
        ImGui::SetCursorPosY(y);
        ImGui::PushID(profile.id.c_str());
        if (action_button(profile.name.c_str())) commands.push_back(ChooseProfile{profile.id});
        ImGui::PopID();
        gap(4);
    }
    gap();
    if (action_button("New profile")) commands.push_back(StartNewProfile{});
}

// The passphrase twice, with what makes a good one.
void passphrase_fields(const VaultView& view, const char* first_label, std::vector<Command>& commands) {
    if (auto text = secret_field(first_label, view.passphrase, view.passphrase_problem, "A few unrelated words"))
        commands.push_back(EditVaultField{VaultField::passphrase, std::move(*text)});
    if (view.passphrase_problem.empty())
        field_help("At least 12 characters. Three or four unrelated words are easy to remember and hard to guess.");
    if (auto text = secret_field("The same passphrase again", view.repeat, view.repeat_problem, ""))
        commands.push_back(EditVaultField{VaultField::repeat, std::move(*text)});
}

void draw_creating(const VaultView& view, const Fonts& fonts, std::vector<Command>& commands) {
    const bool first = view.profiles.empty();
    heading(fonts, view.moving_old_records ? "Lock your records with a passphrase"
                   : first                 ? "Welcome to Tandem"
                                           : "A new profile");
    if (first && !view.moving_old_records)
        wrapped_text("Tandem keeps your coaching records on this computer, locked with a passphrase that only you "
                     "know. Start by making your profile.");
    else if (view.moving_old_records)
        wrapped_text("Tandem now keeps each person" + std::string(symbols::apostrophe) +
                     "s records locked on this computer. Give your profile a name and a passphrase: your records "
                     "move into it, and only the passphrase opens them.");
    else
        wrapped_text("A profile keeps one person" + std::string(symbols::apostrophe) +
                     "s coaching records, locked with their own passphrase.");
    gap();
    if (auto text = text_field("Your name", view.chosen.name, view.name_problem, "As the list of profiles shows it"))
        commands.push_back(EditVaultField{VaultField::profile_name, std::move(*text)});
    ImGui::TextUnformatted("Colour, to tell profiles apart at a glance");
    for (int i = 0; i < static_cast<int>(colours.size()); ++i) {
        if (i > 0) same_line_if_fits(colour_names[static_cast<std::size_t>(i)]);
        const float size = px(36) * 0.6f;
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (px(36) - size) * 0.5f);
        colour_disc(i, size);
        ImGui::SameLine(0, px(4));
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - (px(36) - size) * 0.5f);
        if (choice_button(colour_names[static_cast<std::size_t>(i)], view.chosen.colour == i))
            commands.push_back(ChooseProfileColour{i});
    }
    gap();
    passphrase_fields(view, "Passphrase", commands);
    gap(4);
    wrapped_text("Nobody can open these records without the passphrase: not your school, not Tandem. Next you will "
                 "get a recovery code, the only other way in.");
    problem_text(view.problem);
    gap();
    if (action_button("Create the profile")) commands.push_back(CreateProfile{});
    if (!view.profiles.empty()) {
        ImGui::SameLine(0, px(12));
        if (action_button("Back to profiles")) commands.push_back(BackToProfiles{});
    }
}

void draw_recovery_code(const VaultView& view, const Fonts& fonts, std::vector<Command>& commands) {
    heading(fonts, "Your recovery code");
    wrapped_text("If you forget your passphrase, this code is the only way into your records. Tandem shows it "
                 "once. Save it or write it down, and keep it away from this computer: at home, or with your "
                 "school's other important papers.");
    gap();
    if (fonts.heading) ImGui::PushFont(fonts.heading);
    ImGui::TextUnformatted(view.recovery_code.c_str());
    if (ItemRegistry* registry = ItemRegistry::current()) registry->announce_last_text("Recovery code", view.recovery_code);
    if (fonts.heading) ImGui::PopFont();
    gap();
    if (action_button("Save the code as a file")) commands.push_back(SaveRecoveryCode{});
    gap();
    wrapped_text("Without the passphrase and this code, the records cannot be opened by anyone, ever.");
    if (auto kept = check_box("I have kept my recovery code somewhere safe", view.code_kept))
        commands.push_back(ConfirmRecoveryCodeKept{*kept});
    gap();
    ImGui::BeginDisabled(!view.code_kept);
    if (action_button("Continue")) commands.push_back(FinishNewProfile{});
    ImGui::EndDisabled();
}

void chosen_heading(const VaultView& view, const Fonts& fonts) {
    colour_disc(view.chosen.colour, px(28));
    ImGui::SameLine(0, px(12));
    heading(fonts, view.chosen.name);
}

void draw_unlocking(const VaultView& view, const Fonts& fonts, std::vector<Command>& commands) {
    chosen_heading(view, fonts);
    if (view.elsewhere) {
        wrapped_text("This profile is open in another tab or window. Unlock it here to use it here: the other one "
                     "then stops changing it.");
        gap(8);
    }
    bool entered = false;
    if (auto text = secret_field("Passphrase", view.passphrase, view.passphrase_problem, "", &entered))
        commands.push_back(EditVaultField{VaultField::passphrase, std::move(*text)});
    problem_text(view.problem);
    if (view.wait_seconds > 0)
        field_help("You can try again in " + std::to_string(view.wait_seconds) +
                   (view.wait_seconds == 1 ? " second." : " seconds."));
    gap();
    ImGui::BeginDisabled(view.wait_seconds > 0 || view.passphrase.empty());
    if (action_button("Unlock") || (entered && view.wait_seconds == 0 && !view.passphrase.empty()))
        commands.push_back(UnlockProfile{});
    ImGui::EndDisabled();
    gap();
    if (action_button("Forgotten the passphrase? Use the recovery code")) commands.push_back(UseRecoveryCode{});
    if (action_button("Back to profiles")) commands.push_back(BackToProfiles{});
}

void draw_recovering(const VaultView& view, const Fonts& fonts, std::vector<Command>& commands) {
    chosen_heading(view, fonts);
    wrapped_text("Type the recovery code you kept when you made this profile, then choose a new passphrase.");
    gap();
    if (auto text = text_field("Recovery code", view.recovery_code, view.recovery_code_problem,
                               "Eight groups of five letters and digits"))
        commands.push_back(EditVaultField{VaultField::recovery_code, std::move(*text)});
    passphrase_fields(view, "New passphrase", commands);
    problem_text(view.problem);
    gap();
    if (action_button("Unlock with the recovery code")) commands.push_back(UnlockWithRecoveryCode{});
    ImGui::SameLine(0, px(12));
    if (action_button("Back to profiles")) commands.push_back(BackToProfiles{});
}

}  // namespace

unsigned profile_colour(int index) {
    return colours[static_cast<std::size_t>(std::clamp(index, 0, static_cast<int>(colours.size()) - 1))];
}

void draw_vault_screen(const VaultView& view, const Fonts& fonts, std::vector<Command>& commands) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGui::Begin("Tandem profiles", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    const float column = std::min(px(640), ImGui::GetContentRegionAvail().x);
    ImGui::SetCursorPos(ImVec2(std::max(px(24), (ImGui::GetWindowWidth() - column) * 0.5f), px(48)));
    ImGui::BeginGroup();
    ImGui::PushItemWidth(column);
    switch (view.stage) {
        case VaultView::Stage::waiting: wrapped_text(std::string("Opening Tandem") + symbols::ellipsis); break;
        case VaultView::Stage::choosing: draw_choosing(view, fonts, commands); break;
        case VaultView::Stage::creating: draw_creating(view, fonts, commands); break;
        case VaultView::Stage::working:
            heading(fonts, view.chosen.name);
            progress_bar(view.progress, view.working_text);
            break;
        case VaultView::Stage::recovery_code: draw_recovery_code(view, fonts, commands); break;
        case VaultView::Stage::unlocking: draw_unlocking(view, fonts, commands); break;
        case VaultView::Stage::recovering: draw_recovering(view, fonts, commands); break;
    }
    ImGui::PopItemWidth();
    ImGui::EndGroup();
    ImGui::End();
    drop_focus_request();
}

}  // namespace tandem::ui
