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
        case ErrorCode::not_author: return "Only the person who wrote this private record can change it.";
        case ErrorCode::read_only: return "This is one of Tandem's own entries. Make a copy to adapt it.";
        case ErrorCode::immutable_field: return "This was fixed when the record was created.";
        case ErrorCode::ends_before_starts: return "The end date is before the start date.";
        case ErrorCode::storage_failed:
            return "Tandem could not keep this" + (error.detail.empty() ? std::string(".") : ": " + error.detail);
    }
    return "Tandem could not keep this value.";
}

}  // namespace tandem::app
