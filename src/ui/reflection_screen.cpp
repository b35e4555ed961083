#include "ui/reflection_screen.hpp"

#include <imgui.h>

#include "core/text_symbols.hpp"
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
    if (auto chosen = choice_list("Start from", view.prompts, view.prompt)) {
        edit.prompt = *chosen;
        changed = true;
    }
    ImGui::Dummy(ImVec2(0, px(8)));
    ImGui::BeginDisabled(view.privacy_fixed);
    if (auto checked = check_box("Only for me", view.private_to_me)) {
        edit.private_to_me = *checked;
        changed = true;
    }
    ImGui::EndDisabled();
    // A private reflection sits in the tinted panel private notes have.
    if (view.private_to_me) {
        ImGui::Dummy(ImVec2(0, px(4)));
        begin_tinted_panel(px(680), px(16));
        private_mark("Only you see this reflection. It stays on this computer and is never shared.");
    } else {
        field_help(view.privacy_fixed ? "Shared with your coaching partner when you send them your records."
                                      : std::string("Shared with your coaching partner when you send them your records. "
                                                    "Tick ") +
                                            symbols::left_quote + "Only for me" + symbols::right_quote +
                                            " before writing to keep it to yourself.");
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
