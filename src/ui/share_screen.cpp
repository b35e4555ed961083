#include "ui/share_screen.hpp"

#include <imgui.h>

#include <algorithm>

#include "core/text_symbols.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace tandem::ui {

namespace {

void draw_send(const ExportView& view, bool read_only, std::vector<Command>& commands) {
    ImGui::TextUnformatted(view.pairing_title.c_str());
    ImGui::Dummy(ImVec2(0, px(8)));
    EditExport edit{view.recipient, view.passphrase, view.range, view.since, view.until};
    bool changed = false;
    ImGui::BeginDisabled(read_only || view.working);

    ImGui::TextUnformatted("Who can open it");
    if (view.partner_key) {
        const std::string label = view.partner_name + " alone, with their key";
        if (choice_button(label.c_str(), view.recipient == 0)) {
            edit.recipient = 0;
            changed = true;
        }
        ImGui::SameLine(0, px(6));
    }
    if (choice_button("Whoever has a passphrase", view.recipient == 1 || !view.partner_key)) {
        edit.recipient = 1;
        changed = true;
    }
    if (view.partner_key && view.recipient == 0) {
        field_help("Sealed to the key you checked with " + view.partner_name + " (fingerprint " +
                   view.partner_fingerprint + "). Nobody else can open it, wherever the file goes.");
    } else {
        field_help(view.partner_key
                       ? "For when " + view.partner_name + " uses another computer."
                       : "The first time you share, Tandem does not know " + view.partner_name +
                             "'s key yet. Choose a passphrase and tell it to them in person or by phone, never in "
                             "the message that carries the file. Their answer proves they had it, and after that "
                             "your files need none.");
        ImGui::Dummy(ImVec2(0, px(4)));
        if (auto text = text_field("Passphrase", view.passphrase, view.passphrase_problem, "Five everyday words")) {
            edit.passphrase = std::move(*text);
            changed = true;
        }
        if (action_button("Suggest a passphrase")) commands.push_back(SuggestPassphrase{});
    }

    ImGui::Dummy(ImVec2(0, px(10)));
    ImGui::TextUnformatted("What it holds");
    if (choice_button("Everything in this pairing", view.range == 0)) {
        edit.range = 0;
        changed = true;
    }
    ImGui::SameLine(0, px(6));
    if (choice_button("What changed between two dates", view.range == 1)) {
        edit.range = 1;
        changed = true;
    }
    if (view.range == 1) {
        ImGui::Dummy(ImVec2(0, px(4)));
        if (auto text = date_field("Changed since", view.since, view.since_problem, "For example 1 Nov",
                                   view.since_calendar)) {
            edit.since = std::move(*text);
            changed = true;
        }
        ImGui::Dummy(ImVec2(0, px(4)));
        if (auto text = date_field("Up to and including", view.until, view.until_problem,
                                   "Leave empty for up to today", view.until_calendar)) {
            edit.until = std::move(*text);
            changed = true;
        }
    }
    field_help(view.contents);
    field_help("Private notes, private reflections and your check-in answers are never included.");
    ImGui::Dummy(ImVec2(0, px(10)));
    if (action_button("Save the file")) commands.push_back(WriteExport{});
    ImGui::EndDisabled();
    if (changed) commands.push_back(std::move(edit));

    if (view.working) progress_bar(view.progress, std::string("Locking the file with the passphrase") + symbols::ellipsis);
    field_problem(view.problem);
    if (!view.written.empty()) {
        ImGui::Dummy(ImVec2(0, px(8)));
        wrapped_text(view.written);
    }
}

// A file locked with a passphrase: the field to type it, Open and Cancel.
void draw_passphrase_asked(const ImportView& view, std::vector<Command>& commands) {
    wrapped_text("This file is locked with a passphrase. Your partner will have told you it.");
    ImGui::Dummy(ImVec2(0, px(4)));
    bool entered = false;
    if (auto text = text_field("Passphrase", view.passphrase, view.text, "As your partner told you", &entered))
        commands.push_back(EditImportPassphrase{std::move(*text)});
    ImGui::BeginDisabled(view.passphrase.empty());
    if (action_button("Open") || (entered && !view.passphrase.empty())) commands.push_back(OpenWithPassphrase{});
    ImGui::EndDisabled();
    ImGui::SameLine(0, px(8));
    if (action_button("Cancel")) commands.push_back(CancelImport{});
}

// A signer not trusted yet: their fingerprint, to compare before anything is opened.
void draw_fingerprint_check(const ImportView& view, bool read_only, std::vector<Command>& commands) {
    ImGui::TextUnformatted(view.title.c_str());
    wrapped_text(view.text);
    ImGui::Dummy(ImVec2(0, px(6)));
    ImGui::BeginDisabled(read_only);
    begin_tinted_panel(px(640), px(14));
    ImGui::TextUnformatted("Their fingerprint");
    ImGui::TextUnformatted(view.fingerprint.c_str());
    ImGui::Dummy(ImVec2(0, px(4)));
    // Wrapped at the panel's edge.
    ImGui::TextWrapped("Ask your partner to read you the fingerprint under Settings %s Sharing with your partner on "
                       "their computer, in person or on the phone. If all six groups match, the file is really from "
                       "them.",
                       symbols::right_arrow);
    ImGui::Dummy(ImVec2(0, px(4)));
    if (action_button("The fingerprints match")) commands.push_back(TrustSender{});
    ImGui::SameLine(0, px(8));
    if (action_button("Not now")) commands.push_back(CancelImport{});
    end_tinted_panel();
    ImGui::EndDisabled();
}

// What taking the file in brings, and what was left out and why.
void draw_import_summary(const ImportView& view) {
    ImGui::Dummy(ImVec2(0, px(6)));
    if (!view.summary.empty()) ImGui::TextUnformatted(view.summary.c_str());
    if (view.left_out_title.empty()) return;
    ImGui::Dummy(ImVec2(0, px(4)));
    ImGui::TextColored(palette_colors().warning_text, "%s", view.left_out_title.c_str());
    for (const std::string& line : view.left_out) {
        ImGui::Bullet();
        wrapped_text(line);
    }
}

void draw_receive(const ImportView& view, bool read_only, std::vector<Command>& commands) {
    using Stage = ImportView::Stage;
    const std::string open_a_file = std::string("Open a file") + symbols::ellipsis;
    const std::string open_another = std::string("Open another file") + symbols::ellipsis;
    if (!view.file_name.empty()) field_help(view.file_name);
    ImGui::Dummy(ImVec2(0, px(4)));
    switch (view.stage) {
        case Stage::none:
            field_help("Open a file your partner sent you, or drop it anywhere on this page.");
            if (action_button(open_a_file.c_str())) commands.push_back(ChooseFileToOpen{});
            return;
        case Stage::passphrase: draw_passphrase_asked(view, commands); return;
        case Stage::working:
            progress_bar(view.progress, std::string("Unlocking the file with the passphrase") + symbols::ellipsis);
            return;
        case Stage::refused:
            ImGui::TextColored(palette_colors().warning_text, "%s", view.title.c_str());
            wrapped_text(view.text);
            ImGui::Dummy(ImVec2(0, px(8)));
            if (action_button(open_another.c_str())) commands.push_back(ChooseFileToOpen{});
            return;
        case Stage::verify: draw_fingerprint_check(view, read_only, commands); return;
        case Stage::preview:
        case Stage::done: break;
    }
    ImGui::TextUnformatted(view.title.c_str());
    wrapped_text(view.text);
    if (!view.trust_note.empty() && view.stage == Stage::preview) {
        ImGui::Dummy(ImVec2(0, px(4)));
        wrapped_text(view.trust_note);
        field_help("To be doubly sure, you can compare fingerprints: theirs is " + view.fingerprint +
                   ", and they see it under Settings " + symbols::right_arrow + " Sharing with your partner.");
    }
    if (view.keys_changed && view.stage == Stage::preview) {
        ImGui::Dummy(ImVec2(0, px(4)));
        ImGui::PushStyleColor(ImGuiCol_Text, palette_colors().warning_text);
        wrapped_text(view.revoked_before
                    ? "You had stopped trusting this person's earlier keys. These are new ones, which you checked just "
                      "now: take the records in only if they told you they set Tandem up again."
                    : "These are not the keys you trusted for them before: they set Tandem up again, or on another "
                      "computer. Take the records in only if they told you so.");
        ImGui::PopStyleColor();
    }
    draw_import_summary(view);
    if (view.stage == Stage::done) {
        ImGui::Dummy(ImVec2(0, px(8)));
        if (action_button(open_another.c_str())) commands.push_back(ChooseFileToOpen{});
        return;
    }
    ImGui::Dummy(ImVec2(0, px(8)));
    ImGui::BeginDisabled(read_only);
    if (!view.link_question.empty()) {
        wrapped_text(view.link_question);
        if (action_button("Yes, that is me")) commands.push_back(ConfirmLink{});
        ImGui::Dummy(ImVec2(0, px(8)));
    }
    ImGui::BeginDisabled(!view.can_apply);
    if (action_button("Take these records in")) commands.push_back(ApplyImport{});
    ImGui::EndDisabled();
    ImGui::SameLine(0, px(8));
    if (action_button("Not now")) commands.push_back(CancelImport{});
    ImGui::EndDisabled();
}

// A version of a text, indented under its caption.
void version_text(const std::string& text) {
    ImGui::Indent(px(16));
    wrapped_text(text.empty() ? "(empty)" : text);
    ImGui::Unindent(px(16));
}

// Texts both partners changed at once: the one kept, then the other, with
// the three ways out.
void draw_conflicts(const std::vector<ConflictView>& conflicts, bool read_only, std::vector<Command>& commands) {
    if (conflicts.empty()) return;
    ImGui::Dummy(ImVec2(0, px(20)));
    ImGui::TextUnformatted("Written on both sides at once");
    field_help("You and your partner changed these texts before either saw the other's. Tandem kept one and saved "
               "the other here: choose one, or keep both.");
    ImGui::BeginDisabled(read_only);
    for (const ConflictView& conflict : conflicts) {
        ImGui::PushID(static_cast<int>(conflict.conflict));
        ImGui::Dummy(ImVec2(0, px(10)));
        ImGui::TextUnformatted(conflict.where.c_str());
        field_help("Kept:");
        version_text(conflict.shown);
        field_help("The other version:");
        version_text(conflict.other);
        if (action_button("Keep this one")) commands.push_back(ResolveConflict{conflict.conflict, ConflictChoice::keep_shown});
        ImGui::SameLine(0, px(8));
        if (action_button("Use the other")) commands.push_back(ResolveConflict{conflict.conflict, ConflictChoice::use_other});
        ImGui::SameLine(0, px(8));
        if (action_button("Keep both")) commands.push_back(ResolveConflict{conflict.conflict, ConflictChoice::keep_both});
        ImGui::PopID();
    }
    ImGui::EndDisabled();
}

}  // namespace

void draw_share(const ShareView& view, bool read_only, std::vector<Command>& commands) {
    if (action_button("Back to the pairing")) commands.push_back(NavigateTo{Screen::pairings});
    ImGui::Dummy(ImVec2(0, px(12)));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::min(px(640), ImGui::GetContentRegionAvail().x));
    if (view.importing) {
        draw_receive(view.receive, read_only, commands);
        draw_conflicts(view.conflicts, read_only, commands);
    } else {
        draw_send(view.send, read_only, commands);
    }
    ImGui::PopTextWrapPos();
}

}  // namespace tandem::ui
