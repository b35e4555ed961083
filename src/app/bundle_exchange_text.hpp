#pragma once
// The words of sharing: names and pairings as a file's preview shows them,
// what a merge brought, why a file was refused, and passphrases to suggest.

#include <span>
#include <string>

#include "app/workspace.hpp"
#include "core/record_commands.hpp"
#include "core/partner_file_admission.hpp"
#include "core/random_source.hpp"
#include "crypto/bundle_format.hpp"

namespace tandem::app {

// Why a file was not taken in, as a heading and a sentence or two.
struct FileRefusalText {
    std::string title;
    std::string text;
};

// A person's name, from this profile's records or else from `bundle`'s; "someone" when neither has them.
std::string name_of(Workspace& work, const RecordId& person, std::span<const Record> bundle = {});
// "Ana Kowalska coaching Sam Patel".
std::string pairing_title(Workspace& work, const Record& pairing, std::span<const Record> bundle = {});
// "1 meeting", "3 meetings": a count with the word for one or many.
std::string count_phrase(std::size_t count, const char* one, const char* many);
// "2 meetings, 5 notes and 1 action step.": what a file to send holds, in
// the things teachers write (deleted records and the pairing itself left out).
std::string share_contents(std::span<const Record> share);
// "New: 1 meeting and 2 action steps. Changed: the pairing.", in the things
// teachers write, or that nothing is new.
std::string merge_summary(const MergeReport& report);
// Why a file could not be opened or trusted.
FileRefusalText bundle_error_text(crypto::BundleError error);
// "Ana Kowalska set this pairing up with Sam Patel as coachee. Are you Sam
// Patel? ...": the first-contact question, `link` being whom this profile
// would become in `pairing`, and `sender` who sent it.
std::string link_question_text(Workspace& work, const Record& pairing, const RecordId& link, const RecordId& sender,
                               std::span<const Record> bundle);
// Why the keys of `sender_name` are trusted without fingerprints: the file
// opened with the passphrase, or (`answered`) answered this profile's invitation.
std::string trust_note_text(const std::string& sender_name, bool answered);
// Why a file that verified is not taken in.
FileRefusalText admission_refusal_text(AdmissionRefusal refusal, const std::string& pairing_title,
                                       const std::string& signer_name);
// Five random everyday words, easy to say on the phone and to type.
std::string suggested_passphrase(RandomSource& random);

}  // namespace tandem::app
