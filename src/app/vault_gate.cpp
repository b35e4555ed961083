#include "app/vault_gate.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <string_view>

#include "core/text_symbols.hpp"
#include "core/utf8.hpp"
#include "crypto/passphrase_key.hpp"
#include "crypto/recovery_code.hpp"

namespace tandem::app {

namespace {

constexpr std::size_t max_profile_name = 100;
constexpr int longest_wait_s = 30;
// Argon2id at the default cost takes about this long in a browser.
constexpr std::int64_t expected_derive_ms = 1200;

bool is_profile_id(const std::string& id) {
    return id.size() == 32 && std::all_of(id.begin(), id.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

std::string hex(std::span<const std::uint8_t> bytes) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    for (const std::uint8_t b : bytes) {
        out.push_back(digits[b >> 4]);
        out.push_back(digits[b & 15]);
    }
    return out;
}

// `name` cut to at most `limit` code points, on a character boundary;
// empty when it is not UTF-8.
std::string cut(const std::string& name, std::size_t limit) {
    if (!utf8_code_points(name)) return {};
    std::size_t at = 0, count = 0;
    while (at < name.size() && count < limit) {
        at += utf8_sequence_length(name, at);
        ++count;
    }
    return name.substr(0, at);
}

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// The seconds to wait before another try after `failures` wrong passphrases in a row.
int wait_after_failures(int failures) { return std::min(longest_wait_s, 1 << std::min(failures - 1, 5)); }

crypto::SecretKey key_of(const std::array<std::uint8_t, 32>& bytes) {
    crypto::SecretKey key;
    std::copy(bytes.begin(), bytes.end(), key.bytes().begin());
    return key;
}

}  // namespace

std::string profile_database(const std::string& id) { return "tandem-profile-" + id; }

std::string passphrase_floor_problem(std::string_view passphrase) {
    const std::size_t length = utf8_code_points(passphrase).value_or(passphrase.size());
    if (length < 12)
        return "Use at least 12 characters. Three or four unrelated words are easy to remember and hard to guess.";
    const std::set<char> distinct(passphrase.begin(), passphrase.end());
    if (distinct.size() < 6) return "This passphrase repeats itself too much to be hard to guess. Try a few unrelated words.";
    std::string letters;
    for (const char c : passphrase)
        if (c >= 'a' && c <= 'z') letters.push_back(c);
        else if (c >= 'A' && c <= 'Z') letters.push_back(static_cast<char>(c - 'A' + 'a'));
    static constexpr std::array<std::string_view, 12> first_guesses{
        "password", "passwordpassword", "qwertyuiop", "qwertyuiopasdf", "letmein", "welcome", "iloveyou",
        "abcdefghijkl", "tandem", "teacher", "coaching", "school"};
    const bool only_guess = std::find(first_guesses.begin(), first_guesses.end(), letters) != first_guesses.end();
    const bool only_digits = letters.empty();
    if (only_guess || only_digits)
        return "This is among the first passphrases anyone would try. Try a few unrelated words.";
    return {};
}

VaultGate::VaultGate(VaultHost& host, RandomSource& random) : host_(host), random_(random) {}

// [SECTION] What the host reports

void VaultGate::profile_found(std::string id, std::string name, int colour) {
    if (!is_profile_id(id)) return;
    std::string shown = trimmed(cut(name, max_profile_name));
    if (shown.empty()) shown = "A profile without a name";
    profiles_.push_back(ui::ProfileChoice{std::move(id), std::move(shown), std::clamp(colour, 0, 7)});
}

void VaultGate::profiles_listed(bool old_records) {
    old_records_ = old_records;
    std::sort(profiles_.begin(), profiles_.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    if (step_ != Step::listing) return;
    if (profiles_.empty()) handle(ui::StartNewProfile{});
    else step_ = Step::choosing;
}

void VaultGate::loaded(store::PageStore& pages, std::optional<std::vector<std::uint8_t>> header, bool header_damaged,
                       std::int64_t now_ms) {
    pages_ = &pages;
    switch (step_) {
        case Step::reading_old: {
            old_image_ = host_.read_old_records(pages);
            if (old_image_.empty()) {
                form_.problem = "The records kept on this computer could not be read, so they stay where they are.";
                step_ = Step::showing_code;
                return;
            }
            step_ = Step::opening_new;
            host_.request(CreateProfileRecords{profile_database(new_id_), new_vault_->header.encode(),
                                               form_.chosen.name, form_.chosen.colour});
            return;
        }
        case Step::opening_new: {
            const bool moved = !old_image_.empty();
            open_with(new_vault_->master_key, std::exchange(old_image_, {}));
            new_vault_.reset();
            if (step_ == Step::open && moved) {
                step_ = Step::verifying;
                all_saved();  // the store may have answered already
            }
            return;
        }
        case Step::open:  // taken back from another tab ("Use here"): the same vault, read again
            host_.open_vault_records(pages, *codec_, {});
            return;
        case Step::verifying: {
            // What was written, read back from the browser and opened again:
            // only then do the records from before profiles go.
            if (host_.open_vault_records(pages, *codec_, {})) host_.request(DeleteOldRecords{});
            step_ = Step::open;
            return;
        }
        default: break;
    }
    header_.reset();
    form_.problem.clear();
    if (header_damaged || !header) {
        form_.problem = "This profile" + std::string(symbols::apostrophe) +
                        "s lock cannot be read: it was damaged. Its records cannot be opened as they are.";
        return;
    }
    auto decoded = crypto::VaultHeader::decode(*header);
    if (!decoded) {
        form_.problem = decoded.error().failure == crypto::VaultFailure::kdf_over_limits
                            ? "This profile asks for more work to unlock than Tandem allows, so it was not made by Tandem."
                            : "This profile" + std::string(symbols::apostrophe) +
                                  "s lock cannot be read: it was damaged. Its records cannot be opened as they are.";
        return;
    }
    header_ = decoded.value();
    start_unlock_if_ready(now_ms);
}

void VaultGate::elsewhere() { form_.elsewhere = true; }

bool VaultGate::key_derived(std::uint64_t id, const std::optional<std::array<std::uint8_t, 32>>& key,
                            std::int64_t now_ms) {
    if (!job_ || job_->id != id) return id >= first_job;
    const JobFor purpose = job_->purpose;
    job_.reset();
    if (!key) {
        no_key_for(purpose);
        return true;
    }
    const crypto::SecretKey passphrase_key = key_of(*key);
    switch (purpose) {
        case JobFor::create: created(passphrase_key); break;
        case JobFor::unlock: unlocked(passphrase_key, now_ms); break;
        case JobFor::recover: recovered(passphrase_key); break;
        case JobFor::check_current: current_checked(passphrase_key, now_ms); break;
        case JobFor::change: changed(passphrase_key); break;
    }
    return true;
}

void VaultGate::no_key_for(JobFor purpose) {
    const std::string problem =
        "This computer did not have the memory to make the passphrase" + std::string(symbols::apostrophe) +
        "s key. Close other tabs, then try again.";
    switch (purpose) {
        case JobFor::create: step_ = Step::creating; break;
        case JobFor::unlock: step_ = Step::unlocking; break;
        case JobFor::recover: step_ = Step::recovering; break;
        case JobFor::check_current:
        case JobFor::change:
            opened_master_.reset();
            change_ = Change::idle;
            safety_.current_problem = problem;
            return;
    }
    form_.problem = problem;
}

void VaultGate::all_saved() {
    if (step_ != Step::verifying || !pages_ || !host_.all_saved() || reload_asked_) return;
    reload_asked_ = true;
    host_.request(ReloadRecords{});
}

void VaultGate::header_written(bool ok) {
    if (!pending_header_) return;
    if (ok) header_ = std::move(pending_header_);
    pending_header_.reset();
    change_ = Change::idle;
    notice_ = ok ? "Your new passphrase is set. Keep your recovery code: it still opens this profile."
                 : "The new passphrase could not be stored. Your old passphrase still opens this profile.";
}

// [SECTION] Making a profile

void VaultGate::handle(const ui::EditVaultField& edit) {
    switch (edit.field) {
        case ui::VaultField::profile_name:
            form_.chosen.name = edit.text;
            form_.name_problem.clear();
            break;
        case ui::VaultField::passphrase:
            form_.passphrase = edit.text;
            form_.passphrase_problem.clear();
            break;
        case ui::VaultField::repeat:
            form_.repeat = edit.text;
            form_.repeat_problem.clear();
            break;
        case ui::VaultField::recovery_code:
            form_.recovery_code = edit.text;
            form_.recovery_code_problem.clear();
            break;
    }
}

void VaultGate::handle(const ui::ChooseProfileColour& choose) { form_.chosen.colour = std::clamp(choose.colour, 0, 7); }

void VaultGate::handle(const ui::StartNewProfile&) {
    if (step_ != Step::listing && step_ != Step::choosing) return;
    clear_secrets();
    form_.chosen = ui::ProfileChoice{};
    form_.chosen.colour = static_cast<int>(profiles_.size() % 8);
    form_.problem.clear();
    step_ = Step::creating;
}

void VaultGate::handle(const ui::BackToProfiles&) {
    if (step_ == Step::creating || step_ == Step::unlocking || step_ == Step::recovering) back_to_list();
}

bool VaultGate::check_new_passphrase() {
    form_.passphrase_problem = passphrase_floor_problem(form_.passphrase);
    form_.repeat_problem = form_.passphrase_problem.empty() && form_.repeat != form_.passphrase
                               ? "This is not the same as the passphrase above."
                               : "";
    return form_.passphrase_problem.empty() && form_.repeat_problem.empty();
}

void VaultGate::handle(const ui::CreateProfile&, std::int64_t now_ms) {
    if (step_ != Step::creating) return;
    form_.chosen.name = trimmed(cut(form_.chosen.name, max_profile_name));
    form_.name_problem = form_.chosen.name.empty() ? "Give the profile a name, so that you can find it in the list." : "";
    const bool passphrase_ok = check_new_passphrase();
    if (!form_.name_problem.empty() || !passphrase_ok) return;
    derive(JobFor::create, form_.passphrase, crypto::new_passphrase_salt(), new_kdf_, now_ms);
    step_ = Step::deriving_new;
}

void VaultGate::created(const crypto::SecretKey& passphrase_key) {
    new_vault_.emplace(crypto::create_vault(passphrase_key, new_kdf_, new_salt_));
    std::array<std::uint8_t, 16> id{};
    random_.fill(id);
    new_id_ = hex(id);
    clear_secrets();
    form_.recovery_code = new_vault_->recovery_code.text();
    form_.code_kept = false;
    step_ = Step::showing_code;
}

void VaultGate::handle(const ui::SaveRecoveryCode&) {
    if (step_ != Step::showing_code) return;
    const std::string text = "Tandem recovery code for the profile \"" + form_.chosen.name + "\"\n\n" +
                             form_.recovery_code +
                             "\n\nIf the passphrase is forgotten, this code opens the profile's records. Keep it "
                             "away from the computer, where only you can find it.\n";
    host_.request(DownloadFile{"tandem-recovery-code.txt", std::vector<std::uint8_t>(text.begin(), text.end()),
                               "text/plain"});
}

void VaultGate::handle(const ui::ConfirmRecoveryCodeKept& kept) {
    if (step_ == Step::showing_code) form_.code_kept = kept.kept;
}

void VaultGate::handle(const ui::FinishNewProfile&) {
    if (step_ != Step::showing_code || !form_.code_kept || !new_vault_) return;
    form_.recovery_code.clear();
    form_.problem.clear();
    if (old_records_) {
        step_ = Step::reading_old;
        host_.request(OpenProfileRecords{old_records_database});
        return;
    }
    step_ = Step::opening_new;
    host_.request(CreateProfileRecords{profile_database(new_id_), new_vault_->header.encode(), form_.chosen.name,
                                       form_.chosen.colour});
}

// [SECTION] Unlocking

void VaultGate::handle(const ui::ChooseProfile& choose) {
    if (step_ != Step::choosing) return;
    const auto found = std::find_if(profiles_.begin(), profiles_.end(), [&](const auto& p) { return p.id == choose.id; });
    if (found == profiles_.end()) return;
    clear_secrets();
    form_.chosen = *found;
    form_.problem.clear();
    header_.reset();
    pages_ = nullptr;
    unlock_asked_ = false;
    form_.elsewhere = false;
    step_ = Step::unlocking;
    host_.request(OpenProfileRecords{profile_database(found->id)});
}

void VaultGate::handle(const ui::UnlockProfile&, std::int64_t now_ms) {
    if (step_ != Step::unlocking || form_.passphrase.empty() || now_ms < retry_at_ms_) return;
    if (std::exchange(form_.elsewhere, false)) host_.request(TakeOverRecords{});  // then read here
    unlock_asked_ = true;
    start_unlock_if_ready(now_ms);
}

void VaultGate::start_unlock_if_ready(std::int64_t now_ms) {
    if (!unlock_asked_ || !header_) return;
    unlock_asked_ = false;
    derive(JobFor::unlock, form_.passphrase, header_->salt, header_->kdf, now_ms);
    step_ = Step::deriving_unlock;
}

void VaultGate::unlocked(const crypto::SecretKey& passphrase_key, std::int64_t now_ms) {
    auto master_key = crypto::open_with_passphrase(*header_, passphrase_key);
    if (!master_key) {
        retry_at_ms_ = now_ms + wait_after_failures(++failures_) * 1000;
        form_.problem = "That is not this profile" + std::string(symbols::apostrophe) +
                        "s passphrase. Capitals and spaces count.";
        form_.passphrase.clear();
        step_ = Step::unlocking;
        return;
    }
    failures_ = 0;
    clear_secrets();
    open_with(master_key.value(), {});
}

void VaultGate::handle(const ui::UseRecoveryCode&) {
    if (step_ != Step::unlocking) return;
    clear_secrets();
    form_.problem.clear();
    step_ = Step::recovering;
}

void VaultGate::handle(const ui::UnlockWithRecoveryCode&, std::int64_t now_ms) {
    if (step_ != Step::recovering) return;
    form_.problem.clear();
    auto code = crypto::read_recovery_code(form_.recovery_code);
    if (!code) {
        const crypto::RecoveryCodeError error = code.error();
        form_.recovery_code_problem =
            error.problem == crypto::RecoveryCodeProblem::typo_in_group
                ? "Group " + std::to_string(error.group) + " has a typing mistake: check it against your copy."
            : error.problem == crypto::RecoveryCodeProblem::not_a_letter
                ? "Group " + std::to_string(error.group) + " has a character no recovery code has."
                : "A recovery code is eight groups of five letters and digits.";
        return;
    }
    if (!check_new_passphrase()) return;
    if (!header_) {
        form_.problem = "This profile is still being read. Try again in a moment.";
        return;
    }
    auto master_key = crypto::open_with_recovery_code(*header_, code.value());
    if (!master_key) {
        form_.recovery_code_problem = "This is not this profile" + std::string(symbols::apostrophe) +
                                      "s recovery code. Check that it is the one you kept for this profile.";
        return;
    }
    opened_master_.emplace(std::move(master_key).value());
    new_salt_ = crypto::new_passphrase_salt();
    derive(JobFor::recover, form_.passphrase, new_salt_, new_kdf_, now_ms);
    step_ = Step::deriving_recovered;
}

void VaultGate::recovered(const crypto::SecretKey& passphrase_key) {
    const crypto::VaultHeader renewed =
        crypto::with_new_passphrase(*header_, *opened_master_, passphrase_key, new_kdf_, new_salt_);
    const crypto::SecretKey master_key = std::move(*opened_master_);
    opened_master_.reset();
    clear_secrets();
    open_with(master_key, {});
    if (step_ != Step::open) return;
    pending_header_ = renewed;
    host_.request(WriteVaultHeader{renewed.encode()});
}

// [SECTION] Shared steps

void VaultGate::derive(JobFor purpose, const std::string& passphrase, const crypto::PassphraseSalt& salt,
                       crypto::KdfParams kdf, std::int64_t now_ms) {
    if (purpose == JobFor::create) new_salt_ = salt;
    job_ = Job{next_job_++, purpose, now_ms};
    host_.request(DerivePassphraseKey{KeyJob{job_->id, passphrase, salt, kdf}});
}

void VaultGate::open_with(const crypto::SecretKey& master_key, std::vector<std::uint8_t> image) {
    const crypto::VaultId id = header_ ? header_->id : new_vault_->header.id;
    codec_ = std::make_unique<VaultPageCodec>(master_key, id);
    if (!pages_) {
        form_.problem = "This profile is still being read. Try again in a moment.";
        step_ = Step::unlocking;
        return;
    }
    // Records that do not open are shown as the app shows damaged records:
    // named, left as they are, and what can be read offered.
    host_.open_vault_records(*pages_, *codec_, std::move(image));
    step_ = Step::open;
    open_profile_ = form_.chosen;
    if (new_vault_) {
        open_profile_.id = new_id_;
        header_ = new_vault_->header;
    }
    safety_ = {};
    safety_.name = open_profile_.name;
}

void VaultGate::clear_secrets() {
    form_.passphrase.clear();
    form_.repeat.clear();
    form_.passphrase_problem.clear();
    form_.repeat_problem.clear();
    form_.recovery_code_problem.clear();
    if (step_ != Step::showing_code) form_.recovery_code.clear();
}

void VaultGate::back_to_list() {
    clear_secrets();
    form_.problem.clear();
    step_ = profiles_.empty() ? Step::creating : Step::choosing;
}

// [SECTION] While a profile is open

void VaultGate::handle(const ui::EditPassphraseChange& edit) {
    if (step_ != Step::open || change_ != Change::idle) return;
    switch (edit.field) {
        case ui::PassphraseChangeField::current:
            safety_.current = edit.text;
            safety_.current_problem.clear();
            break;
        case ui::PassphraseChangeField::fresh:
            safety_.fresh = edit.text;
            safety_.fresh_problem.clear();
            break;
        case ui::PassphraseChangeField::repeat:
            safety_.repeat = edit.text;
            safety_.repeat_problem.clear();
            break;
    }
}

void VaultGate::handle(const ui::ChangePassphrase&, std::int64_t now_ms) {
    if (step_ != Step::open || change_ != Change::idle || !header_ || now_ms < change_retry_at_ms_) return;
    safety_.current_problem = safety_.current.empty() ? "Type the passphrase you unlock this profile with." : "";
    safety_.fresh_problem = passphrase_floor_problem(safety_.fresh);
    safety_.repeat_problem = safety_.fresh_problem.empty() && safety_.repeat != safety_.fresh
                                 ? "This is not the same as the new passphrase above."
                                 : "";
    if (!safety_.current_problem.empty() || !safety_.fresh_problem.empty() || !safety_.repeat_problem.empty()) return;
    change_ = Change::checking;
    derive(JobFor::check_current, safety_.current, header_->salt, header_->kdf, now_ms);
}

void VaultGate::current_checked(const crypto::SecretKey& passphrase_key, std::int64_t now_ms) {
    auto master_key = crypto::open_with_passphrase(*header_, passphrase_key);
    if (!master_key) {
        change_retry_at_ms_ = now_ms + wait_after_failures(++change_failures_) * 1000;
        safety_.current_problem = "That is not this profile" + std::string(symbols::apostrophe) +
                                  "s passphrase. Capitals and spaces count.";
        safety_.current.clear();
        change_ = Change::idle;
        return;
    }
    change_failures_ = 0;
    opened_master_.emplace(std::move(master_key).value());
    new_salt_ = crypto::new_passphrase_salt();
    change_ = Change::making;
    derive(JobFor::change, safety_.fresh, new_salt_, new_kdf_, now_ms);
}

void VaultGate::changed(const crypto::SecretKey& passphrase_key) {
    pending_header_ = crypto::with_new_passphrase(*header_, *opened_master_, passphrase_key, new_kdf_, new_salt_);
    opened_master_.reset();
    const std::string name = safety_.name;
    safety_ = {};
    safety_.name = name;
    change_ = Change::storing;
    host_.request(WriteVaultHeader{pending_header_->encode()});
}

void VaultGate::handle(const ui::EditDeleteConfirmation& edit) {
    if (step_ == Step::open) safety_.delete_typed = edit.text;
}

std::string VaultGate::confirmed_deletion() const {
    const bool typed = step_ == Step::open && !open_profile_.id.empty() &&
                       trimmed(safety_.delete_typed) == open_profile_.name;
    return typed ? open_profile_.id : std::string();
}

std::optional<ui::ProfileSafetyView> VaultGate::safety_view(std::int64_t now_ms) const {
    if (step_ != Step::open) return std::nullopt;
    ui::ProfileSafetyView view = safety_;
    view.changing = change_ != Change::idle;
    if (view.changing)
        view.progress = job_ ? std::min(0.95f, static_cast<float>(now_ms - job_->started_ms) / static_cast<float>(2 * expected_derive_ms))
                             : 0.97f;
    if (change_ == Change::making) view.progress = std::max(view.progress, 0.5f);
    if (now_ms < change_retry_at_ms_) view.wait_seconds = static_cast<int>((change_retry_at_ms_ - now_ms + 999) / 1000);
    view.delete_confirmed = !confirmed_deletion().empty();
    return view;
}

// [SECTION] The view

std::optional<ui::VaultView> VaultGate::view(std::int64_t now_ms) const {
    if (step_ == Step::open) return std::nullopt;
    ui::VaultView view = form_;
    view.profiles = profiles_;
    view.moving_old_records = old_records_ && profiles_.empty();
    using Stage = ui::VaultView::Stage;
    switch (step_) {
        case Step::listing: view.stage = Stage::waiting; break;
        case Step::choosing: view.stage = Stage::choosing; break;
        case Step::creating: view.stage = Stage::creating; break;
        case Step::showing_code: view.stage = Stage::recovery_code; break;
        case Step::unlocking: view.stage = Stage::unlocking; break;
        case Step::recovering: view.stage = Stage::recovering; break;
        default: view.stage = Stage::working; break;
    }
    if (view.stage == Stage::working) {
        const bool making = step_ == Step::deriving_new;
        view.working_text = std::string(making ? "Making the profile" + std::string(symbols::apostrophe) + "s lock"
                                               : "Unlocking") + symbols::ellipsis;
        view.progress = job_ ? std::min(0.95f, static_cast<float>(now_ms - job_->started_ms) / expected_derive_ms) : 0.97f;
    }
    if (step_ == Step::unlocking && now_ms < retry_at_ms_)
        view.wait_seconds = static_cast<int>((retry_at_ms_ - now_ms + 999) / 1000);
    return view;
}

std::optional<std::int64_t> VaultGate::next_change_ms(std::int64_t now_ms) const {
    if (job_) return now_ms + 100;  // the progress bar moves
    // A wait after a wrong passphrase counts down by the second.
    const std::int64_t retry_at = step_ == Step::unlocking ? retry_at_ms_ : step_ == Step::open ? change_retry_at_ms_ : 0;
    if (now_ms < retry_at) return now_ms + 1000 - (retry_at - now_ms) % 1000;
    return std::nullopt;
}

const char* VaultGate::stage_name() const {
    switch (step_) {
        case Step::listing: return "listing";
        case Step::choosing: return "choosing";
        case Step::creating: return "creating";
        case Step::showing_code: return "recovery-code";
        case Step::unlocking: return "unlocking";
        case Step::recovering: return "recovering";
        case Step::open: return "open";
        default: return "working";
    }
}

std::optional<std::string> VaultGate::take_notice() { return std::exchange(notice_, std::nullopt); }

void VaultGate::forget_keys() {
    codec_.reset();
    new_vault_.reset();
    opened_master_.reset();
    pending_header_.reset();
    safety_ = {};
    change_ = Change::idle;
    job_.reset();
    clear_secrets();
    form_.recovery_code.clear();
    step_ = Step::listing;
}

}  // namespace tandem::app
