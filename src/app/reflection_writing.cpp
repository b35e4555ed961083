#include "app/reflection_writing.hpp"

#include <array>

#include "app/command_error_text.hpp"
#include "app/pairing_sent.hpp"

namespace tandem::app {

namespace {

// The prompts offered, in order; the first means none.
constexpr std::array<const char*, 6> prompts = {
    "No prompt",
    "What went well, and why?",
    "What surprised you?",
    "What did the students do differently?",
    "What will you try next?",
    "What would help you now?",
};

int prompt_index(const std::string& prompt) {
    for (std::size_t i = 1; i < prompts.size(); ++i)
        if (prompt == prompts[i]) return static_cast<int>(i);
    return 0;
}

std::string prompt_text(int index) {
    if (index <= 0 || index >= static_cast<int>(prompts.size())) return {};
    return prompts[static_cast<std::size_t>(index)];
}

bool blank(const std::string& text) { return text.find_first_not_of(" \t\n") == std::string::npos; }

}  // namespace

void ReflectionWriting::apply(Workspace& work, const ui::NewReflection& start) {
    *this = {};
    pairing_ = start.pairing;
    work.navigator.go_to(ui::Screen::reflection);
}

void ReflectionWriting::apply(Workspace& work, const ui::OpenReflection& open_it) {
    work.navigator.show(Destination{ui::Screen::reflection, open_it.id});
}

void ReflectionWriting::show(Workspace& work, ui::ShellView& view) {
    if (view.screen != screen) return;
    if (auto reflection = this->view(work)) view.reflection = std::move(*reflection);
    else view.screen = ui::Screen::pairings;
}

bool ReflectionWriting::open(Workspace& work, const RecordId& reflection) {
    auto stored = load<Reflection>(work.store, reflection);
    if (!stored || stored.value().meta.deleted) return false;
    *this = {};
    pairing_ = stored.value().pairing;
    id_ = reflection;
    prompt_ = prompt_index(stored.value().prompt);
    private_ = stored.value().meta.visibility == Visibility::private_to_author;
    body_ = stored.value().body;
    return true;
}

std::optional<ui::ReflectionView> ReflectionWriting::view(Workspace& work) {
    if (!pairing_) return std::nullopt;
    ui::ReflectionView view;
    CalendarDate written_on = work.today;
    view.partner = "your partner";
    if (auto pairing = load<Pairing>(work.store, *pairing_)) {
        const RecordId partner = pairing.value().coachee == work.me ? pairing.value().coach : pairing.value().coachee;
        view.partner = work.person_name(partner, view.partner);
    }
    if (id_) {
        auto stored = load_record(work.store, Kind::reflection, *id_);
        if (!stored || stored.value().is_deleted()) {
            *this = {};
            return std::nullopt;
        }
        const Reflection reflection = from_record<Reflection>(stored.value());
        written_on = reflection.written_on;
        view.privacy_fixed = !private_ && written_at_hlc(stored.value()) <= pairing_sent_through(work.store, *pairing_);
        if (reflection.meta.created_by != work.me) view.author = work.person_name(reflection.meta.created_by, "your partner");
    }
    view.title = "Reflection, " + work.dates.words(written_on);
    if (id_) view.id = *id_;
    for (const char* prompt : prompts) view.prompts.emplace_back(prompt);
    view.prompt = prompt_;
    view.private_to_me = private_;
    view.body = body_;
    view.problem = problem_;
    return view;
}

void ReflectionWriting::apply(Workspace& work, const ui::EditReflection& edit) {
    if (!work.context || !pairing_) return;
    body_ = edit.body;
    prompt_ = edit.prompt;
    problem_.clear();
    if (!id_) {
        private_ = edit.private_to_me;
        if (blank(body_)) return;
        Reflection draft;
        draft.pairing = pairing_;
        draft.written_on = work.today;
        draft.prompt = prompt_text(prompt_);
        draft.body = body_;
        draft.meta.visibility = private_ ? Visibility::private_to_author : Visibility::shared;
        auto created = create(*work.context, draft);
        if (!created) problem_ = command_error_text(created.error());
        else id_ = created.value();
        return;
    }
    if (edit.private_to_me != private_) {
        const Visibility wanted = edit.private_to_me ? Visibility::private_to_author : Visibility::shared;
        if (auto changed = change_visibility(*work.context, Kind::reflection, *id_, wanted,
                                             pairing_sent_through(work.store, *pairing_));
            !changed) {
            problem_ = command_error_text(changed.error());
            return;
        }
        private_ = edit.private_to_me;
    }
    auto prompt = update_field(*work.context, Kind::reflection, *id_, Reflection::fields::prompt, prompt_text(prompt_));
    auto body = update_field(*work.context, Kind::reflection, *id_, Reflection::fields::body, body_);
    if (!body) problem_ = command_error_text(body.error());
    else if (!prompt) problem_ = command_error_text(prompt.error());
}

}  // namespace tandem::app
