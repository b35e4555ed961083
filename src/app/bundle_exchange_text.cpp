#include "app/bundle_exchange_text.hpp"

#include <array>
#include <iterator>
#include <vector>

#include "core/record_binding.hpp"

namespace tandem::app {

using crypto::BundleError;

namespace {

// 256 everyday things, easy to say on the phone and to spell (no words that
// sound alike, no British and American spellings): five make a passphrase of
// 40 bits, which Argon2id makes slow to guess (docs/decisions.md).
constexpr std::string_view passphrase_words[] = {
    "acorn", "anchor", "apple", "apron", "arrow", "attic", "badge", "bagel", "bamboo", "banjo", "barn", "basket",
    "beach", "beaver", "bell", "bench", "bicycle", "bison", "blanket", "blossom", "boat", "boot", "bottle",
    "bracelet", "branch", "bread", "brick", "bridge", "broom", "bubble", "bucket", "buffalo", "bugle", "bundle",
    "butter", "button", "cabin", "cactus", "camel", "camera", "candle", "canoe", "canyon", "cape", "carpet",
    "carrot", "castle", "cave", "chalk", "cherry", "chimney", "circle", "clock", "cloud", "clover", "coat",
    "coconut", "coffee", "comet", "compass", "cookie", "copper", "cotton", "cradle", "crayon", "cricket", "crown",
    "cushion", "daisy", "desert", "diamond", "dolphin", "donkey", "dragon", "drum", "duck", "eagle", "easel",
    "elbow", "engine", "falcon", "feather", "fence", "fern", "ferry", "fiddle", "field", "finch", "flag", "flute",
    "forest", "fountain", "fox", "frog", "garden", "garlic", "ginger", "glacier", "glove", "goat", "goose",
    "grape", "grass", "guitar", "hammer", "hat", "hazel", "hedge", "helmet", "hill", "honey", "horse", "igloo",
    "island", "jacket", "jar", "jelly", "jigsaw", "jungle", "kettle", "kite", "kitten", "koala", "ladder", "lake",
    "lamp", "lantern", "lemon", "letter", "lily", "lime", "lion", "lizard", "llama", "lobster", "magnet", "mango",
    "maple", "marble", "meadow", "melon", "mirror", "mitten", "monkey", "moon", "morning", "mountain", "mushroom",
    "needle", "nest", "noodle", "oak", "ocean", "olive", "onion", "orange", "orchard", "otter", "owl", "oyster",
    "paddle", "panda", "parcel", "parrot", "pasta", "peach", "peanut", "pebble", "pelican", "pencil", "penguin",
    "pepper", "piano", "pickle", "pigeon", "pillow", "pine", "pirate", "planet", "pocket", "pond", "pony",
    "popcorn", "potato", "puffin", "pumpkin", "puppet", "puzzle", "quilt", "rabbit", "radio", "rainbow", "raisin",
    "raven", "ribbon", "river", "robin", "rocket", "saddle", "sailor", "salmon", "sandal", "scarf", "seal",
    "shadow", "shell", "ship", "silver", "skate", "sled", "snail", "spider", "spoon", "spring", "squirrel",
    "stable", "star", "stone", "strawberry", "sunset", "swan", "table", "teapot", "tent", "thimble", "thunder",
    "tiger", "timber", "toast", "tomato", "tortoise", "tractor", "train", "trumpet", "tulip", "tunnel", "turnip",
    "turtle", "umbrella", "valley", "velvet", "violin", "volcano", "waffle", "wagon", "walnut", "walrus", "whale",
    "wheel", "willow", "window", "winter", "wizard", "wolf", "yellow", "zebra",
};
static_assert(std::size(passphrase_words) == 256);

}  // namespace

std::string suggested_passphrase(RandomSource& random) {
    std::string words;
    for (int i = 0; i < 5; ++i) {
        std::uint8_t pick[1];
        random.fill(pick);
        const std::size_t index = pick[0];  // one byte: each word equally likely
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

namespace {

using KindCounts = std::array<std::size_t, MergeReport::kind_slots>;

// "2 meetings, 5 notes and 1 action step": the things teachers write, in
// the order they think of them; with `and_setup`, the pairing, people,
// library steps and priorities after them. Empty when there are none.
std::string things_text(const KindCounts& counts, bool and_setup) {
    const auto count = [&](Kind kind) { return counts[static_cast<std::size_t>(kind)]; };
    std::vector<std::string> parts;
    const auto add = [&](std::size_t n, const char* one, const char* many) {
        if (n) parts.push_back(count_phrase(n, one, many));
    };
    add(count(Kind::meeting), "meeting", "meetings");
    add(count(Kind::observation), "lesson visit", "lesson visits");
    add(count(Kind::note) + count(Kind::observation_note), "note", "notes");
    add(count(Kind::tally), "tally", "tallies");
    add(count(Kind::action_step), "action step", "action steps");
    add(count(Kind::step_status_change), "step update", "step updates");
    add(count(Kind::cycle), "coaching cycle", "coaching cycles");
    add(count(Kind::goal), "goal", "goals");
    add(count(Kind::practice), "practice entry", "practice entries");
    add(count(Kind::practice_round), "practice round", "practice rounds");
    add(count(Kind::reflection), "shared reflection", "shared reflections");
    add(count(Kind::evidence), "piece of evidence", "pieces of evidence");
    add(count(Kind::time_log), "time entry", "time entries");
    if (and_setup) {
        if (count(Kind::pairing) == 1) parts.push_back("the pairing");
        else add(count(Kind::pairing), "pairing", "pairings");
        add(count(Kind::person), "person", "people");
        add(count(Kind::library_entry), "library step", "library steps");
        add(count(Kind::priority), "priority", "priorities");
    }
    std::string text;
    for (std::size_t i = 0; i < parts.size(); ++i)
        text += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
    return text;
}

}  // namespace

std::string share_contents(std::span<const Record> share) {
    KindCounts counts{};
    for (const Record& record : share)
        if (!record.is_deleted()) ++counts[static_cast<std::size_t>(record.kind)];
    const std::string things = things_text(counts, false);
    return things.empty() ? "The pairing and who is in it; nothing written in it yet." : things + ".";
}

std::string merge_summary(const MergeReport& report) {
    if (report.inserted + report.updated + report.conflicts == 0)
        return "Nothing new: you have everything in this file already.";
    std::vector<std::string> sentences;
    if (const std::string added = things_text(report.inserted_of_kind, true); !added.empty())
        sentences.push_back("New: " + added + ".");
    if (const std::string changed = things_text(report.updated_of_kind, true); !changed.empty())
        sentences.push_back("Changed: " + changed + ".");
    if (const std::string deleted = things_text(report.deleted_of_kind, true); !deleted.empty())
        sentences.push_back("Deleted by your partner: " + deleted + ".");
    if (report.conflicts)
        sentences.push_back(count_phrase(report.conflicts, "text", "texts") +
                            " written on both sides at once: both versions are kept.");
    std::string text;
    for (const std::string& sentence : sentences) text += (text.empty() ? "" : " ") + sentence;
    return text.empty() ? "Nothing you would see changes." : text;
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

std::string link_question_text(Workspace& work, const Record& pairing, const RecordId& link, const RecordId& sender,
                               std::span<const Record> bundle) {
    const std::string name = name_of(work, link, bundle);
    const char* role = pairing.reference(Pairing::fields::coach) == link      ? "coach"
                       : pairing.reference(Pairing::fields::coachee) == link ? "coachee"
                                                                              : "second coach";
    return name_of(work, sender, bundle) + " set this pairing up with " + name + " as " + role + ". Are you " + name +
           "? Tandem will then show the pairing as yours, under that name.";
}

std::string trust_note_text(const std::string& sender_name, bool answered) {
    return answered ? sender_name + " answered with the passphrase you gave them, so this file is from them. What you "
                                    "send them from now on, only their Tandem can open."
                    : "It opened with the passphrase you agreed, so it is from " + sender_name +
                          ". Your answer needs no passphrase: only their Tandem will open it.";
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
        case AdmissionRefusal::answers_other_pairing:
            return {"Not the pairing you invited them to",
                    "This file answers a passphrase you gave for another pairing, or to someone else, but holds "
                    "the records of " + pairing_title + ", so nothing was taken in."};
        case AdmissionRefusal::sender_unknown: break;
    }
    return bundle_error_text(BundleError::damaged_content);
}

}  // namespace tandem::app
