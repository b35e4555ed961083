#include "app/profile_settings.hpp"

#include <algorithm>

#include "app/command_error_text.hpp"
#include "core/record_binding.hpp"

namespace tandem::app {

namespace {

// The device's record of the person a first bundle made the profile's own.
constexpr std::string_view own_person_key = "profile.own_person";

constexpr const char* name_required = "Your partner sees this name, so it cannot be empty.";

// The plain message for a refused profile edit: a missing name gets its own.
std::string profile_problem(const CommandError& error) {
    const bool name_missing = error.code == ErrorCode::required_missing && error.field == Person::fields::display_name;
    return name_missing ? name_required : command_error_text(error);
}

// Sets `person`'s sharing code to the profile's, if it differs.
void stamp_sharing_code(CommandContext& context, const RecordId& person, const crypto::Identity& identity) {
    const std::string code = crypto::sharing_code(identity.public_keys());
    if (auto stored = load<Person>(context.store, person); stored && stored.value().sharing_code != code)
        (void)update_field(context, Kind::person, person, Person::fields::sharing_code, code);
}

}  // namespace

void ProfileSettings::find_me(store::SqliteRecordStore& store, std::span<const Record> people, SiteId site,
                              const crypto::Identity* identity, std::optional<CommandContext> context) {
    me_ = find_own_person(people, site);
    // A first bundle may have made another person this profile's own.
    if (auto adopted = store.local_bytes(own_person_key); adopted && adopted.value() && adopted.value()->size() == 16) {
        RecordId id;
        std::copy(adopted.value()->begin(), adopted.value()->end(), id.bytes.begin());
        if (auto person = store.load(Kind::person, id); person && person.value() && !person.value()->is_deleted())
            me_ = id;
    }
    if (me_ && identity && context) {
        context->actor = *me_;
        stamp_sharing_code(*context, *me_, *identity);
    }
}

void ProfileSettings::apply(Workspace& work, const ui::EditProfile& edit) {
    ui::FieldView& field = edit.field == ui::ProfileField::name ? name_ : subject_;
    field.text = edit.text;
    field.problem.clear();
    if (!work.context) {
        field.problem = "Your records cannot be changed in this tab now.";
        return;
    }
    if (!me_) {
        Person draft;
        draft.display_name = name_.text;
        draft.subject = subject_.text;
        if (work.identity) draft.sharing_code = crypto::sharing_code(work.identity->public_keys());
        auto created = create_own_person(*work.context, draft);
        if (!created) {
            const CommandError& error = created.error();
            const bool about_name = error.field == Person::fields::display_name;
            if (about_name && edit.field == ui::ProfileField::subject && error.code == ErrorCode::required_missing)
                field.problem = "Add your name above, and this is kept with it.";
            else
                (about_name ? name_ : subject_).problem = profile_problem(error);
            return;
        }
        me_ = created.value();
        name_.problem.clear();
        subject_.problem.clear();
        return;
    }
    const FieldIndex index = edit.field == ui::ProfileField::name ? Person::fields::display_name : Person::fields::subject;
    auto updated = update_field(*work.context, Kind::person, *me_, index, edit.text);
    if (!updated) field.problem = profile_problem(updated.error());
}

void ProfileSettings::adopt(Workspace& work, const RecordId& person) {
    if (!work.context || me_ == person) return;
    // Only a person who is here, and not deleted, can become the profile's own.
    if (auto here = work.store.load(Kind::person, person); !here || !here.value() || here.value()->is_deleted()) {
        work.navigator.notice("Tandem could not note that you are this person: they are not in your records.", true);
        return;
    }
    if (auto kept = work.store.set_local_bytes(own_person_key, person.bytes); !kept) {
        work.navigator.notice("Tandem could not note that you are this person: " + kept.error().message, true);
        return;
    }
    const std::optional<RecordId> before = me_;
    me_ = person;
    CommandContext mine{work.context->store, work.context->clock, work.context->random, person};
    if (work.identity) stamp_sharing_code(mine, person, *work.identity);
    if (before) {
        // What the profile wrote for itself alone stays its own; the person it
        // was goes, unless a pairing still names them.
        (void)work.store.reassign_private_author(*before, person);
        auto pairings = work.store.pairings_naming(*before);
        CommandContext former{work.context->store, work.context->clock, work.context->random, *before};
        if (pairings && pairings.value().empty()) (void)delete_record(former, Kind::person, *before);
    }
}

Person ProfileSettings::stored(Workspace& work) const {
    if (!me_) return {};
    auto me = load<Person>(work.store, *me_);
    return me ? std::move(me).value() : Person{};
}

void ProfileSettings::show(Workspace& work, ui::ShellView& view) const {
    ui::ProfileView& profile = view.profile;
    profile = {};
    profile.name = name_;
    profile.subject = subject_;
    if (me_) {
        const Person me = stored(work);
        if (name_.problem.empty()) profile.name.text = me.display_name;
        if (subject_.problem.empty()) profile.subject.text = me.subject;
    }
    if (work.identity) profile.fingerprint = crypto::fingerprint(work.identity->public_keys());
}

}  // namespace tandem::app
