#include "app/bundle_exchange_text.hpp"

#include <iterator>
#include <map>
#include <vector>

#include "core/record_binding.hpp"

namespace tandem::app {

using crypto::BundleError;

namespace {

// Everyday words, easy to say on the phone and to type: four make a
// passphrase of 28 bits, which Argon2id makes slow to guess.
constexpr std::string_view passphrase_words[] = {
    "apple",  "badge",  "basket", "beach",  "bicycle", "blanket", "bottle", "branch", "bread",  "bridge", "brush",
    "bucket", "button", "cabin",  "camera", "candle",  "canoe",   "carpet", "castle", "cherry", "circle", "cloud",
    "clover", "coffee", "comet",  "copper", "cotton",  "crayon",  "dragon", "drum",   "eagle",  "engine", "feather",
    "fern",   "field",  "flute",  "forest", "garden",  "ginger",  "glove",  "grape",  "harbour", "hazel", "honey",
    "island", "jacket", "jungle", "kettle", "kite",    "ladder",  "lantern", "lemon", "letter", "lily",   "magnet",
    "maple",  "marble", "meadow", "mirror", "mitten",  "morning", "needle", "nest",   "ocean",  "orange", "otter",
    "paddle", "parrot", "pebble", "pencil", "pepper",  "piano",   "pillow", "planet", "pocket", "pony",   "puzzle",
    "rabbit", "rainbow", "ribbon", "river", "rocket",  "saddle",  "salmon", "sandal", "shadow", "shell",  "silver",
    "spoon",  "spring", "squirrel", "star", "stone",   "sunset",  "teapot", "thunder", "tiger", "timber", "tomato",
    "tunnel", "turtle", "valley", "velvet", "violin",  "wagon",   "walnut", "window", "winter", "wizard", "yellow",
};

}  // namespace

std::string suggested_passphrase(RandomSource& random) {
    std::string words;
    for (int i = 0; i < 4; ++i) {
        std::uint8_t pick[2];
        random.fill(pick);
        const std::size_t index = (static_cast<std::size_t>(pick[0]) << 8 | pick[1]) % std::size(passphrase_words);
        if (!words.empty()) words += ' ';
        words += passphrase_words[index];
    }
    return words;
}

// A person's name, from this profile's records or else from the bundle's.
std::string name_of(Workspace& work, const RecordId& person, std::span<const Record> bundle) {
    if (auto local = work.store.load(Kind::person, person); local && local.value())
        return local.value()->text(Person::fields::display_name);
    for (const Record& record : bundle)
        if (record.kind == Kind::person && record.id == person) return record.text(Person::fields::display_name);
    return "someone";
}

std::string pairing_title(Workspace& work, const Record& pairing, std::span<const Record> bundle) {
    const auto coach = pairing.reference(Pairing::fields::coach);
    const auto coachee = pairing.reference(Pairing::fields::coachee);
    return (coach ? name_of(work, *coach, bundle) : "someone") + " coaching " +
           (coachee ? name_of(work, *coachee, bundle) : "someone");
}

std::string count_phrase(std::size_t count, const char* one, const char* many) {
    return std::to_string(count) + " " + (count == 1 ? one : many);
}

std::string share_contents(std::span<const Record> share) {
    std::map<Kind, std::size_t> counts;
    for (const Record& record : share)
        if (!record.is_deleted()) ++counts[record.kind];
    std::vector<std::string> parts;
    const auto add = [&](std::size_t count, const char* one, const char* many) {
        if (count) parts.push_back(count_phrase(count, one, many));
    };
    add(counts[Kind::meeting], "meeting", "meetings");
    add(counts[Kind::observation], "lesson visit", "lesson visits");
    add(counts[Kind::note] + counts[Kind::observation_note], "note", "notes");
    add(counts[Kind::action_step], "action step", "action steps");
    add(counts[Kind::goal], "goal", "goals");
    add(counts[Kind::practice], "practice entry", "practice entries");
    add(counts[Kind::reflection], "shared reflection", "shared reflections");
    if (parts.empty()) return "The pairing and who is in it; nothing written in it yet.";
    std::string contents;
    for (std::size_t i = 0; i < parts.size(); ++i)
        contents += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
    return contents + ".";
}

std::string merge_summary(const MergeReport& report) {
    if (report.inserted + report.updated + report.conflicts == 0)
        return "Nothing new: you have everything in this file already.";
    std::string text = std::to_string(report.inserted) + " new, " + std::to_string(report.updated) + " updated";
    if (report.conflicts) text += ", " + count_phrase(report.conflicts, "conflict", "conflicts");
    return text;
}

FileRefusalText bundle_error_text(BundleError error) {
    switch (error) {
        case BundleError::not_a_bundle:
            return {"This is not a Tandem file",
                    "Nothing was taken in. The files your partner sends you from Tandem end in .tandem."};
        case BundleError::newer_version:
            return {"Made by a newer Tandem",
                    "This file was made by a newer version of Tandem than this one, which cannot read it. Nothing "
                    "was taken in. Ask whoever looks after Tandem at your school for the newest version."};
        case BundleError::not_for_you:
            return {"Wrong passphrase, or not for you",
                    "Tandem could not open this file: the passphrase is not the one it was locked with, or the file "
                    "was sent to someone else. Check the passphrase with your partner (capitals and spaces count), "
                    "or ask them to send it to you again."};
        case BundleError::header_tampered:
            return {"The file was changed",
                    "The start of this file was changed after your partner made it, so Tandem does not trust any of "
                    "it. Nothing was taken in. Ask your partner to send it again."};
        case BundleError::chunk_tampered:
            return {"Part of the file was changed",
                    "Part of this file was changed, damaged or put out of order on its way to you, so Tandem does not "
                    "trust it. Nothing was taken in. Ask your partner to send it again."};
        case BundleError::truncated:
            return {"The file is incomplete",
                    "This file ends too early: a copy or download of it did not finish. Nothing was taken in. Ask "
                    "your partner to send it again, or copy it again."};
        case BundleError::trailing_data:
            return {"Something was added to the file",
                    "There is more in this file than your partner put in it, so Tandem does not trust it. Nothing "
                    "was taken in. Ask your partner to send it again."};
        case BundleError::bad_signature:
            return {"The signature does not match",
                    "This file is not signed by the keys it names: it may have been forged. Nothing was taken in. "
                    "Tell your partner, and ask them to send it again."};
        case BundleError::damaged_header:
        case BundleError::damaged_content:
            return {"The file is damaged",
                    "Tandem cannot read this file, so nothing was taken in. Ask your partner to send it again."};
        case BundleError::too_large:
        case BundleError::too_many_stanzas:
        case BundleError::kdf_over_limits:
            return {"Over Tandem's limits",
                    "This file asks for more than Tandem allows (at most 64 MB, 16 recipients, and a passphrase lock "
                    "of at most 256 MB), so it was not opened."};
        case BundleError::out_of_memory:
            return {"Not enough memory",
                    "This computer did not have the memory to unlock the file. Close other tabs and try again."};
    }
    return {"The file could not be opened", ""};
}

FileRefusalText admission_refusal_text(AdmissionRefusal refusal, const std::string& pairing_title,
                                       const std::string& signer_name) {
    switch (refusal) {
        case AdmissionRefusal::not_yours:
            return {"Not a pairing of yours",
                    "This file holds the records of " + pairing_title +
                        ", which you are not part of, so nothing was taken in."};
        case AdmissionRefusal::not_theirs:
            return {"Not a pairing of theirs", "This file is signed by " + signer_name + ", who is not part of " +
                                                   pairing_title + ", so nothing was taken in."};
        case AdmissionRefusal::which_member_unknown:
            return {"Not a pairing of yours",
                    "This file holds the records of " + pairing_title +
                        ", and Tandem cannot tell which of them you are, so nothing was taken in."};
        case AdmissionRefusal::sender_unknown: break;
    }
    return bundle_error_text(BundleError::damaged_content);
}

}  // namespace tandem::app
