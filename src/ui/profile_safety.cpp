#include "ui/profile_safety.hpp"

#include <imgui.h>

#include <algorithm>

#include "core/text_symbols.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace tandem::ui {

namespace {

// Muted text no wider than a comfortable line.
void explanation(const std::string& text) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::min(px(640), ImGui::GetContentRegionAvail().x));
    muted_wrapped(text.c_str());
    ImGui::PopTextWrapPos();
}

void draw_locking(const ProfileSafetyView& view, std::vector<Command>& commands) {
    section_title("Locking");
    explanation("Tandem locks this profile when you press Lock, and by itself when nobody has used it for:");
    ImGui::Dummy(ImVec2(0, px(4)));
    static constexpr struct {
        int minutes;
        const char* label;
    } choices[] = {{5, "5 minutes"}, {10, "10 minutes"}, {15, "15 minutes"}, {30, "30 minutes"}, {60, "1 hour"}};
    for (const auto& choice : choices) {
        if (&choice != &choices[0]) same_line_if_fits(choice.label);
        if (choice_button(choice.label, view.lock_after_minutes == choice.minutes))
            commands.push_back(SetLockAfter{choice.minutes});
    }
    ImGui::Dummy(ImVec2(0, px(4)));
    explanation("What you were writing is saved first. Locked, Tandem shows only the names of the profiles.");
}

void draw_passphrase_change(const ProfileSafetyView& view, std::vector<Command>& commands) {
    section_title("Passphrase");
    explanation("A new passphrase changes only the lock: your records stay as they are, and your recovery code "
                "still opens them.");
    ImGui::Dummy(ImVec2(0, px(6)));
    ImGui::BeginDisabled(view.changing);
    if (auto text = secret_field("Current passphrase", view.current, view.current_problem, "The one you unlock with"))
        commands.push_back(EditPassphraseChange{PassphraseChangeField::current, std::move(*text)});
    if (view.wait_seconds > 0)
        field_help("You can try again in " + std::to_string(view.wait_seconds) +
                   (view.wait_seconds == 1 ? " second." : " seconds."));
    if (auto text = secret_field("New passphrase", view.fresh, view.fresh_problem, "Three or four unrelated words"))
        commands.push_back(EditPassphraseChange{PassphraseChangeField::fresh, std::move(*text)});
    bool entered = false;
    if (auto text = secret_field("The same new passphrase again", view.repeat, view.repeat_problem, "", &entered))
        commands.push_back(EditPassphraseChange{PassphraseChangeField::repeat, std::move(*text)});
    ImGui::EndDisabled();
    ImGui::Dummy(ImVec2(0, px(4)));
    if (view.changing) {
        progress_bar(view.progress, "Making the new lock" + std::string(symbols::ellipsis));
        return;
    }
    const bool ready = view.wait_seconds == 0 && !view.current.empty() && !view.fresh.empty();
    ImGui::BeginDisabled(!ready);
    if (action_button("Change the passphrase") || (entered && ready)) commands.push_back(ChangePassphrase{});
    ImGui::EndDisabled();
}

}  // namespace

void draw_profile_deletion(const ProfileSafetyView& view, std::vector<Command>& commands) {
    section_title("Delete this profile");
    explanation(std::string("Deleting takes this profile and all its records off this computer for good. What you "
                            "sent to partners stays with them. To delete it, type its name, ") +
                symbols::left_quote + view.name + symbols::right_quote + ", below.");
    ImGui::Dummy(ImVec2(0, px(6)));
    if (auto text = text_field("The profile's name", view.delete_typed, "", view.name.c_str()))
        commands.push_back(EditDeleteConfirmation{std::move(*text)});
    ImGui::Dummy(ImVec2(0, px(4)));
    ImGui::BeginDisabled(!view.delete_confirmed);
    if (action_button("Delete this profile and its records")) commands.push_back(DeleteProfile{});
    ImGui::EndDisabled();
}

void draw_profile_safety(const ProfileSafetyView& view, std::vector<Command>& commands) {
    draw_locking(view, commands);
    draw_passphrase_change(view, commands);
}

}  // namespace tandem::ui
