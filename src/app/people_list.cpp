#include "app/people_list.hpp"

#include <algorithm>

#include "app/command_error_text.hpp"
#include "core/record_binding.hpp"
#include "core/text_symbols.hpp"

namespace tandem::app {

namespace {

// "Coach, coachee · Year 4": what a person does, as the People list shows it.
std::string person_detail(const Person& person, bool is_me) {
    struct RoleName {
        std::int64_t bit;
        const char* first;  // when it starts the list
        const char* later;
    };
    constexpr RoleName names[] = {{person_roles::coach, "Coach", "coach"},
                                  {person_roles::coachee, "Coachee", "coachee"},
                                  {person_roles::leader, "Leader", "leader"}};
    std::string roles;
    for (const RoleName& name : names) {
        if ((person.roles & name.bit) == 0) continue;
        roles += roles.empty() ? name.first : std::string(", ") + name.later;
    }
    std::string detail = is_me ? "You" : "";
    for (const std::string* part : {static_cast<const std::string*>(&roles), &person.subject}) {
        if (part->empty()) continue;
        if (!detail.empty()) detail += symbols::separator;
        detail += *part;
    }
    return detail;
}

}  // namespace

bool name_before(const std::string& a, const std::string& b) {
    return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
        return lower(x) < lower(y);
    });
}

std::vector<Person> people_by_name(Workspace& work) {
    std::vector<Person> people;
    auto all = work.store.load_all(Kind::person);
    if (!all) return people;
    for (const Record& record : all.value())
        if (!record.is_deleted()) people.push_back(from_record<Person>(record));
    std::stable_sort(people.begin(), people.end(),
                     [](const Person& a, const Person& b) { return name_before(a.display_name, b.display_name); });
    return people;
}

void PeopleList::apply(Workspace&, const ui::SelectPerson& select) { selected_ = select.id; }

void PeopleList::apply(Workspace&, const ui::EditNewPersonName& typed) {
    new_name_ = typed.text;
    problem_.clear();
}

void PeopleList::apply(Workspace& work, const ui::AddPerson&) {
    if (!work.context || work.me.is_nil()) return;
    Person draft;
    draft.display_name = new_name_;
    auto created = create(*work.context, draft);
    if (!created) {
        problem_ = command_error_text(created.error());
        return;
    }
    selected_ = created.value();
    new_name_.clear();
    problem_.clear();
}

void PeopleList::show(Workspace& work, ui::ShellView& view) const {
    if (view.screen == screen) view.people = this->view(work);
}

ui::PeopleView PeopleList::view(Workspace& work) const {
    ui::PeopleView people;
    people.new_name = new_name_;
    people.new_name_problem = problem_;
    people.needs_own_name = work.me.is_nil();
    auto all = work.store.load_all(Kind::person);
    if (!all) return people;
    std::optional<Record> selected;
    for (const Record& record : all.value()) {
        if (record.is_deleted()) continue;
        const Person person = from_record<Person>(record);
        people.rows.push_back({record.id, person.display_name, person_detail(person, record.id == work.me)});
        if (selected_ && record.id == *selected_) selected = record;
    }
    std::stable_sort(people.rows.begin(), people.rows.end(),
                     [](const ui::PersonRow& a, const ui::PersonRow& b) { return name_before(a.name, b.name); });
    if (selected) {
        people.selected = selected_;
        people.form = work.form(*selected, person_form());
    }
    return people;
}

}  // namespace tandem::app
