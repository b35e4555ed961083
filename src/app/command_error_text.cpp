#include "app/command_error_text.hpp"

namespace tandem::app {

std::string command_error_text(const CommandError& error) {
    switch (error.code) {
        case ErrorCode::required_missing: return "This cannot be left empty.";
        case ErrorCode::text_too_long:
            return "Please shorten this to " + std::to_string(error.limit) + " characters or fewer.";
        case ErrorCode::invalid_text: return "This contains a line break or a character Tandem cannot keep here.";
        case ErrorCode::date_out_of_range: return "Please choose a date between 2000 and 2100.";
        case ErrorCode::value_out_of_range:
            return "Please choose a value of " + std::to_string(error.limit) + " or less.";
        case ErrorCode::wrong_value_type:
        case ErrorCode::unknown_field: return "Tandem could not keep this value.";
        case ErrorCode::unknown_record: return "This record no longer exists.";
        case ErrorCode::deleted_record: return "This record was deleted. Restore it to change it.";
        case ErrorCode::self_pairing: return "A person cannot be paired with themselves.";
        case ErrorCode::private_note_addressed: return "A private note is for you alone, so it cannot be addressed to anyone.";
        case ErrorCode::private_reference: return "Something shared cannot point to a private record.";
        case ErrorCode::must_be_private: return "This is always private to you.";
        case ErrorCode::not_author: return "Only the person who wrote this can change it.";
        case ErrorCode::read_only: return "This is one of Tandem's own entries. Make a copy to adapt it.";
        case ErrorCode::immutable_field: return "This was fixed when the record was created.";
        case ErrorCode::ends_before_starts: return "The end date is before the start date.";
        case ErrorCode::already_sent:
            return "This was in a file you saved for your partner, so it stays shared. Delete it if it should not be there.";
        case ErrorCode::visibility_fixed: return "Who may read this cannot be changed.";
        case ErrorCode::nothing_to_restore:
            return "This was deleted before it reached you, so none of its words are here to bring back.";
        case ErrorCode::storage_failed:
            return "Tandem could not keep this" + (error.detail.empty() ? std::string(".") : ": " + error.detail);
    }
    return "Tandem could not keep this value.";
}

std::string refusal_text(Refusal reason, std::size_t count) {
    const bool one = count == 1;
    const std::string n = std::to_string(count) + " ";
    switch (reason) {
        case Refusal::own_person:
            return n + (one ? "change" : "changes") + " to your own name and details: only you change them";
        case Refusal::private_record:
            return n + (one ? "private record" : "private records") + ", which never pass between partners";
        case Refusal::invalid: return n + (one ? "record" : "records") + " Tandem could not read as valid";
        case Refusal::other_pairing:
            return n + (one ? "record" : "records") + " of another pairing, or of none: a file changes only its own pairing";
        case Refusal::moved_pairing:
            return n + (one ? "record" : "records") + " that would move from another pairing, or another part of this one";
        case Refusal::person_not_named:
            return n + (one ? "change" : "changes") + " to someone this pairing does not name";
        case Refusal::starter_entry:
            return n + (one ? "change" : "changes") + " to Tandem's own library, which nobody changes";
        case Refusal::not_by_member:
            return n + (one ? "record" : "records") + " written by someone outside this pairing";
        case Refusal::metadata_changed:
            return n + (one ? "change" : "changes") + " to who wrote a record, when, or who may see it";
        case Refusal::immutable_changed:
            return n + (one ? "change" : "changes") + " to what was fixed when a record was made";
        case Refusal::claims_this_device:
            return n + (one ? "edit" : "edits") + " claiming to have been made on this computer, which never made them";
        case Refusal::refers_elsewhere:
            return n + (one ? "record" : "records") + " pointing to another pairing's records";
        case Refusal::missing_reference:
            return n + (one ? "record" : "records") + " that depend on something left out";
        case Refusal::names_outsider:
            return n + (one ? "record" : "records") + " naming someone outside this pairing";
        case Refusal::sharing_code_of_other:
            return n + (one ? "change" : "changes") + " to someone else's sharing code: only they send theirs";
        case Refusal::receivers_record:
            return n + (one ? "change" : "changes") + " to what you wrote that only you can make";
    }
    return n + (one ? "record" : "records");
}

}  // namespace tandem::app
