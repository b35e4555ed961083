#include "ui/reflection_screen.hpp"

#include <imgui.h>

#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace tandem::ui {

namespace {

// A partner's shared reflection: theirs to write, the user's to read.
void draw_partners_reflection(const ReflectionView& view) {
    ImGui::TextUnformatted(view.title.c_str());
    field_help("Written by " + view.author + " and shared with you.");
    ImGui::Dummy(ImVec2(0, px(8)));
    if (view.prompt > 0 && static_cast<std::size_t>(view.prompt) < view.prompts.size())
        read_only_field("Started from", view.prompts[static_cast<std::size_t>(view.prompt)]);
    ImGui::Dummy(ImVec2(0, px(8)));
    read_only_field("Their reflection", view.body);
}

}  // namespace

void draw_reflection(const ReflectionView& view, bool read_only, std::vector<Command>& commands) {
    if (action_button("Back to the pairing")) commands.push_back(NavigateTo{Screen::pairings});
    if (!view.author.empty()) {
        ImGui::Dummy(ImVec2(0, px(8)));
        draw_partners_reflection(view);
        return;
    }
    if (!view.id.is_nil()) {
        ImGui::SameLine(0, px(8));
        ImGui::BeginDisabled(read_only);
        if (action_button("Delete reflection")) commands.push_back(DeleteRecord{Kind::reflection, view.id});
        ImGui::EndDisabled();
    }
    ImGui::Dummy(ImVec2(0, px(8)));
    ImGui::TextUnformatted(view.title.c_str());
    ImGui::Dummy(ImVec2(0, px(8)));
    EditReflection edit{view.prompt, view.private_to_me, view.body};
    bool changed = false;
    ImGui::BeginDisabled(read_only);
    // Who reads it, first: chosen before a word is written, and changeable
    // until it is in a file for the partner.
    ImGui::TextUnformatted("Who reads it");
    ImGui::BeginDisabled(view.privacy_fixed);
    const std::string shared_label = "Shared with " + view.partner;
    if (choice_button(shared_label.c_str(), !view.private_to_me) && view.private_to_me) {
        edit.private_to_me = false;
        changed = true;
    }
    ImGui::SameLine(0, px(4));
    if (choice_button("Only for me", view.private_to_me) && !view.private_to_me) {
        edit.private_to_me = true;
        changed = true;
    }
    ImGui::EndDisabled();
    if (view.privacy_fixed)
        field_help("It was in a file you saved for " + view.partner + ", so it stays shared. Delete it if it should not be there.");
    else if (!view.private_to_me)
        field_help("They see it when you next send them your records. Until then you can still make it yours alone.");
    ImGui::Dummy(ImVec2(0, px(8)));
    if (auto chosen = choice_list("Start from", view.prompts, view.prompt)) {
        edit.prompt = *chosen;
        changed = true;
    }
    // A private reflection sits in the tinted panel private notes have.
    if (view.private_to_me) {
        ImGui::Dummy(ImVec2(0, px(4)));
        begin_tinted_panel(px(680), px(16));
        private_mark("Only you see this reflection. It stays on this computer and is never shared.");
    }
    ImGui::Dummy(ImVec2(0, px(8)));
    if (auto text = text_area("Your reflection", view.body, view.problem,
                              "What went well? What surprised you? What will you try next?", 10,
                              view.private_to_me)) {
        edit.body = std::move(*text);
        changed = true;
    }
    if (view.private_to_me) end_tinted_panel();
    ImGui::EndDisabled();
    if (changed) commands.push_back(std::move(edit));
}

}  // namespace tandem::ui
