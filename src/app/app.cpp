#include "app/app.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <cstdio>
#include <ctime>
#include <utility>
#include <type_traits>

#include "app/command_error_text.hpp"
#include "core/json_writer.hpp"
#include "core/record_commands.hpp"
#include "core/text_symbols.hpp"
#include "core/utf8.hpp"
#include "crypto/passphrase_key.hpp"
#include "store/records_copy.hpp"

namespace tandem::app {

namespace {
constexpr std::size_t max_shown_name = 60;
constexpr int first_retry_delay_ms = 500;
constexpr int max_retry_delay_ms = 30'000;
// Search runs once typing pauses this long, so keystrokes stay quick.
constexpr std::int64_t search_pause_ms = 150;
// The check-in on a pairing comes after this many meetings held since the last answer.
constexpr int check_in_every = 3;

std::tm local_time(std::int64_t ms) {
    const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
    std::tm parts{};
    localtime_r(&seconds, &parts);
    return parts;
}

// "14:05", in this device's time zone.
std::string local_time_text(std::int64_t ms) {
    const std::tm parts = local_time(ms);
    char text[8];
    std::snprintf(text, sizeof text, "%02d:%02d", parts.tm_hour % 100, parts.tm_min % 100);
    return text;
}

// "2026-11-23", in this device's time zone.
std::string local_date_text(std::int64_t ms) {
    const std::tm parts = local_time(ms);
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", (parts.tm_year + 1900) % 10000, (parts.tm_mon + 1) % 100,
                  parts.tm_mday % 100);
    return text;
}
constexpr const char* name_required = "Your partner sees this name, so it cannot be empty.";

// The plain message for a refused profile edit: a missing name gets its own.
std::string profile_problem(const CommandError& error) {
    const bool name_missing = error.code == ErrorCode::required_missing && error.field == Person::fields::display_name;
    return name_missing ? name_required : command_error_text(error);
}

std::string quoted(std::string_view name) { return symbols::left_quote + displayable_file_name(name) + symbols::right_quote; }
}  // namespace

App::App() : crypto_(crypto::run_self_test()) {
    random_ = crypto::SodiumRandomSource::create();
    update_status();
}

void App::close_records() {
    apply_deferred_edit();  // stored while the records still can be
    store_.reset();
    clock_.reset();
    identity_.reset();
    exchange_.close();
    view_.share = {};
    own_person_.reset();
    pages_.reset();
    memory_database_.reset();
    open_problem_.reset();
    salvaged_.clear();
    store_problem_.clear();
    view_.profile = {};
    view_.people = {};
    view_.pairings = {};
    selected_person_.reset();
    selected_entry_.reset();
    selected_pairing_.reset();
    creating_pairing_ = false;
    check_ins_postponed_.clear();
    check_in_advice_.reset();
    deleted_.reset();
    view_.undo.clear();
    open_meeting_.reset();
    view_.meeting = {};
    observation_ = {};
    view_.observation = {};
    reflection_ = {};
    view_.reflection = {};
    goals_.reset();
    steps_ = {};
    agenda_ = {};  // its cache is of these records
    new_coach_.reset();
    new_coachee_.reset();
    queries_.reset();
    search_index_.reset();
    finder_ = {};
    search_due_at_ms_.reset();
    view_.search = {};
    forms_ = {};
    retries_ = 0;
}

void App::open_records(store::PageStore& pages) {
    close_records();
    auto opened = store::PagedDatabase::open(pages, codec_);
    if (!opened) {
        open_problem_ = opened.error();
        store_problem_ = opened.error().message;
        salvaged_ = store::PagedDatabase::salvage(pages, codec_);
        records_state_ = RecordsState::damaged;
        update_status();
        return;
    }
    pages_ = std::move(opened).value();
    pages_->on_progress([this] { save_progressed(); });
    records_state_ = start_records(pages_->database()) ? RecordsState::kept : RecordsState::damaged;
    update_status();
    refresh_screen();
}

void App::open_records_in_memory() {
    close_records();
    auto opened = store::Database::open_in_memory();
    if (opened) {
        memory_database_ = std::move(opened).value();
        start_records(*memory_database_);
    } else {
        store_problem_ = opened.error().message;
    }
    records_state_ = RecordsState::memory_only;
    update_status();
    refresh_screen();
}

void App::records_elsewhere() {
    close_records();
    records_state_ = RecordsState::elsewhere;
    update_status();
}

void App::records_taken_over() {
    // The batch in flight, and any waiting, still go to the store (a long
    // text's edit waiting for a pause with them); nothing new is made.
    apply_deferred_edit();
    if (records_state_ == RecordsState::kept) records_state_ = RecordsState::read_only;
    update_status();
}

bool App::all_saved() const { return !deferred_edit_ && (!pages_ || pages_->progress().saved()); }

std::optional<store::SaveProgress> App::save_progress() const {
    if (!pages_) return std::nullopt;
    return pages_->progress();
}

void App::flush_saves() {
    apply_deferred_edit();
    if (pages_) pages_->flush();
}

std::string App::integrity_check() {
    if (!store_) return {};
    auto rows = store_->database().query_column("PRAGMA integrity_check;");
    if (!rows) return rows.error().message;
    std::string out;
    for (const std::string& row : rows.value()) out += (out.empty() ? "" : "\n") + row;
    return out;
}

void App::retry_saving() {
    if (!pages_) return;
    ++retries_;
    pages_->flush();
    update_status();
}

std::optional<int> App::retry_delay_ms() const {
    if (!pages_ || pages_->progress().writing || !pages_->progress().last_failure) return std::nullopt;
    return std::min(max_retry_delay_ms, first_retry_delay_ms << std::min(retries_, 6));
}

void App::storage_estimate(const StorageEstimate& estimate) {
    storage_ = estimate;
    update_status();
}

namespace {

constexpr std::string_view box_secret_key = "identity.box_secret";
constexpr std::string_view sign_secret_key = "identity.sign_secret";

// The profile's identity: read from its records, or made and kept there on
// the first visit. Half a stored identity is an error, never replaced: a new
// one would silently change who the profile is to its partners.
// The device's record of the person a first bundle made the profile's own.
constexpr std::string_view own_person_key = "profile.own_person";

Result<crypto::Identity, crypto::CryptoError> open_identity(store::SqliteRecordStore& store) {
    auto box = store.local_bytes(box_secret_key);
    auto sign = store.local_bytes(sign_secret_key);
    if (!box || !sign) return fail(crypto::CryptoError{"this profile's keys could not be read"});
    if (box.value() && sign.value()) return crypto::Identity::from_secrets(*box.value(), *sign.value());
    if (box.value() || sign.value()) return fail(crypto::CryptoError{"half of this profile's keys is missing"});
    crypto::Identity made = crypto::Identity::generate();
    if (auto begun = store.begin(); !begun) return fail(crypto::CryptoError{begun.error().message});
    const bool kept = store.set_local_bytes(box_secret_key, made.box_secret()) &&
                      store.set_local_bytes(sign_secret_key, made.sign_secret()) && store.commit();
    if (!kept) {
        store.rollback();
        return fail(crypto::CryptoError{"this profile's keys could not be kept"});
    }
    return made;
}

}  // namespace

bool App::start_records(store::Database& database) {
    auto opened = store::SqliteRecordStore::attach(database);
    if (!opened) {
        store_problem_ = opened.error().message;
        return false;
    }
    store_ = std::move(opened).value();
    if (auto queries = store::CoachingQueries::prepare(store_->database())) queries_.emplace(std::move(queries).value());
    if (auto search = store::RecordSearch::prepare(store_->database())) search_index_.emplace(std::move(search).value());
    sqlite_version_ = store::sqlite_library_version();
    if (!random_) {
        store_problem_ = "this browser has no secure random source";
        return false;
    }
    auto site = store_->site_id(*random_);
    auto last = store_->load_clock();
    if (!site || !last) {
        store_problem_ = !site ? site.error().message : last.error().message;
        return false;
    }
    clock_.emplace(site.value(), wall_clock_, last.value());
    auto people = store_->load_all(Kind::person);
    if (!people) {
        store_problem_ = people.error().message;
        return false;
    }
    if (auto identity = open_identity(*store_)) {
        identity_.emplace(std::move(identity).value());
        view_.profile.sharing_code = crypto::sharing_code(identity_->public_keys());
        view_.profile.fingerprint = crypto::fingerprint(identity_->public_keys());
    } else {
        store_problem_ = identity.error().message;  // sharing is not possible; the records still are
    }
    own_person_ = find_own_person(people.value(), site.value());
    // A first bundle may have made another person this profile's own.
    if (auto adopted = store_->local_bytes(own_person_key); adopted && adopted.value() && adopted.value()->size() == 16) {
        RecordId id;
        std::copy(adopted.value()->begin(), adopted.value()->end(), id.bytes.begin());
        if (auto person = store_->load(Kind::person, id); person && person.value() && !person.value()->is_deleted())
            own_person_ = id;
    }
    exchange_.open(*store_);
    if (own_person_ && identity_) {
        // The own person carries the profile's sharing code, so a partner's Tandem can tell it is them.
        const std::string code = crypto::sharing_code(identity_->public_keys());
        if (auto me = load<Person>(*store_, *own_person_); me && me.value().sharing_code != code) {
            CommandContext context{*store_, *clock_, *random_, *own_person_};
            (void)update_field(context, Kind::person, *own_person_, Person::fields::sharing_code, code);
        }
    }
    if (own_person_) {
        if (auto me = load<Person>(*store_, *own_person_)) {
            view_.profile.name.text = me.value().display_name;
            view_.profile.subject.text = me.value().subject;
        }
    }
    return true;
}

std::optional<crypto::PublicKeys> App::public_keys() const {
    if (!identity_) return std::nullopt;
    return identity_->public_keys();
}

void App::save_progressed() {
    const store::SaveProgress& progress = pages_->progress();
    if (!progress.last_failure) retries_ = 0;
    if (progress.saved() && progress.last_saved_seq > 0) {
        last_saved_at_ms_ = wall_clock_.now_ms();
        // Asked on the first save of the user's own work, not of Tandem's set-up:
        // some browsers ask the user, who should know what it is for.
        if (edited_ && !persistence_requested_) {
            persistence_requested_ = true;
            host_requests_.push_back(RequestPersistentStorage{});
        }
    }
    update_status();
}

void App::export_records() {
    // The copy holds the records, never this profile's secret keys or whom it trusts.
    const std::string_view device_only[] = {box_secret_key, sign_secret_key, BundleExchange::trust_state_key};
    std::vector<std::uint8_t> bytes;
    if (records_state_ == RecordsState::damaged) bytes = store::copy_without(salvaged_, device_only);
    else if (store_) bytes = store::copy_without(store_->database().image(), device_only);
    if (bytes.empty()) {
        view_.notice = ui::Notice{"There is nothing Tandem can read to put in a copy.", true};
        return;
    }
    const char* what = records_state_ == RecordsState::damaged ? "tandem-readable-records-" : "tandem-records-";
    host_requests_.push_back(
        DownloadFile{what + local_date_text(wall_clock_.now_ms()) + ".sqlite", std::move(bytes), "application/vnd.sqlite3"});
}

// The status line's last item and the test hook's word for how saving stands.
App::SaveStatus App::save_status() const {
    switch (records_state_) {
        case RecordsState::opening: return {std::string("Opening your records") + symbols::ellipsis, false, "opening"};
        case RecordsState::memory_only: return {"Not kept: this browser saves nothing", true, "memory"};
        case RecordsState::elsewhere: return {"Open in another tab", false, "elsewhere"};
        case RecordsState::read_only: return {"Read-only: in use in another tab", false, "read-only"};
        case RecordsState::damaged: return {"Your records could not be opened", true, "damaged"};
        case RecordsState::kept: break;
    }
    const store::SaveProgress& progress = pages_->progress();
    if (progress.last_failure) {
        if (progress.last_failure->failure == store::PageStoreFailure::quota_exceeded)
            return {std::string("Not saved: this computer") + symbols::apostrophe + "s storage is full", true, "failed"};
        return {"Not saved yet: trying again", true, "failed"};
    }
    if (!progress.saved() || deferred_edit_) return {std::string("Saving") + symbols::ellipsis, false, "saving"};
    if (last_saved_at_ms_) return {"Saved at " + local_time_text(*last_saved_at_ms_), false, "saved"};
    return {"Saved on this computer", false, "saved"};
}

// A problem with the records the user must hear about, and what they can do.
std::optional<ui::Banner> App::records_banner() const {
    using Action = ui::Banner::Action;
    const Action download{"Download a copy", ui::ExportRecords{}};
    switch (records_state_) {
        case RecordsState::opening: return std::nullopt;
        case RecordsState::memory_only:
            return ui::Banner{"This browser will not keep your records",
                              "It may be a private window. What you enter here is lost when this tab closes. "
                              "Download a copy before closing it, or open Tandem in a normal window.",
                              {download}};
        case RecordsState::elsewhere:
            return ui::Banner{"Tandem is open in another tab",
                              "Only one tab can change your records at a time, so that nothing is lost. Carry on in "
                              "the other tab, or use Tandem here instead.",
                              {Action{"Use here", ui::UseRecordsHere{}}}};
        case RecordsState::read_only:
            return ui::Banner{"Tandem is now in use in another tab",
                              "This tab is read-only: what it shows may be out of date, and nothing here changes your "
                              "records. Close it, or use Tandem here again.",
                              {Action{"Use here", ui::UseRecordsHere{}}}};
        case RecordsState::damaged:
            return ui::Banner{"Your records could not be opened",
                              open_problem_text() +
                                  " Tandem has not changed anything it keeps on this computer. Download what can be "
                                  "read, and ask for help before going on.",
                              {Action{"Download what can be read", ui::ExportRecords{}}}};
        case RecordsState::kept: break;
    }
    const store::SaveProgress& progress = pages_->progress();
    if (!progress.last_failure) return std::nullopt;
    const Action retry{"Try again", ui::RetrySaving{}};
    if (progress.last_failure->failure == store::PageStoreFailure::quota_exceeded)
        return ui::Banner{"Storage full",
                          "This computer has no room left for Tandem, so your latest changes are not saved yet. They "
                          "are kept while this tab stays open, and Tandem keeps trying. Free some space, or download "
                          "a copy now.",
                          {retry, download}};
    if (retries_ < 2) return std::nullopt;  // a passing hiccup: the status line says it
    return ui::Banner{"Your latest changes are not saved yet",
                      "The browser did not store them. They are kept while this tab stays open, and Tandem keeps "
                      "trying. If this goes on, download a copy.",
                      {retry, download}};
}

// Why the stored records could not be opened, in plain words.
std::string App::open_problem_text() const {
    if (!open_problem_) return "The records on this computer could not be read (" + store_problem_ + ").";
    switch (open_problem_->kind) {
        case store::OpenProblem::Kind::store_failed: return "The browser could not read the records it keeps.";
        case store::OpenProblem::Kind::missing_page:
            return "Part of your records is missing (page " + std::to_string(open_problem_->page) + ").";
        case store::OpenProblem::Kind::torn_page:
            return "Part of your records was left half written (page " + std::to_string(open_problem_->page) + ").";
        case store::OpenProblem::Kind::undecodable_page:
            return "Part of your records cannot be read (page " + std::to_string(open_problem_->page) + ").";
        case store::OpenProblem::Kind::bad_commit_record:
        case store::OpenProblem::Kind::pages_without_commit:
            return "The record of what was last saved is damaged.";
        case store::OpenProblem::Kind::not_a_database: return std::string("What is stored is not Tandem") + symbols::apostrophe + "s records.";
    }
    return "The records on this computer could not be read.";
}

void App::update_status() {
    view_.status.clear();
    const bool usable = records_state_ == RecordsState::kept || records_state_ == RecordsState::memory_only;
    if (!sqlite_version_.empty()) view_.status.push_back({"SQLite " + sqlite_version_, false});
    if (usable && !store_problem_.empty()) view_.status.push_back({"Records unavailable: " + store_problem_, true});
    if (crypto_.passed)
        view_.status.push_back({"Encryption self-test passed (libsodium " + crypto_.library_version + ")", false});
    else
        view_.status.push_back({"Encryption self-test failed: " + crypto_.failed_check, true});
    const SaveStatus saving = save_status();
    view_.status.push_back({saving.line, saving.problem});
    view_.banner = records_banner();
    view_.read_only = !usable || !clock_;
    view_.records_kept = records_state_ == RecordsState::kept || records_state_ == RecordsState::read_only;
    update_storage_view();
}

// Settings' sentences on where the records are kept.
void App::update_storage_view() {
    ui::StorageView& storage = view_.storage;
    storage = {};
    if (records_state_ == RecordsState::memory_only) {
        storage.where = "Your records are kept only while this tab is open: this browser saves nothing.";
        return;
    }
    if (!view_.records_kept) return;
    storage.where = "Your records are kept on this computer, in this browser, and nowhere else.";
    if (storage_.persistent)
        storage.persistence = *storage_.persistent
                                  ? "The browser keeps them even when the computer runs short of space."
                                  : "The browser may clear them if the computer runs short of space, so download a "
                                    "copy now and then.";
    if (storage_.usage_bytes && storage_.quota_bytes && *storage_.quota_bytes > 0)
        storage.usage = "Using " + human_size(*storage_.usage_bytes) + " of the " + human_size(*storage_.quota_bytes) +
                        " this browser allows.";
}

namespace {

// Texts longer than this are stored once typing pauses: storing and indexing
// tens of thousands of words again on every keystroke would slow typing.
constexpr std::size_t deferred_text_bytes = 20'000;
constexpr std::int64_t edit_pause_ms = 250;

// Whether `command` edits a long text, and so can wait for a pause.
bool edits_long_text(const ui::Command& command) {
    if (const auto* field = std::get_if<ui::EditField>(&command))
        return !field->chosen && field->text.size() > deferred_text_bytes;
    if (const auto* note = std::get_if<ui::EditPrivateNote>(&command)) return note->text.size() > deferred_text_bytes;
    if (const auto* reflection = std::get_if<ui::EditReflection>(&command))
        return reflection->body.size() > deferred_text_bytes;
    return false;
}

// Whether edit `later` replaces edit `earlier` whole (the same text of the same record).
bool replaces_edit(const ui::Command& earlier, const ui::Command& later) {
    if (earlier.index() != later.index()) return false;
    if (const auto* field = std::get_if<ui::EditField>(&earlier)) {
        const auto& other = std::get<ui::EditField>(later);
        return field->kind == other.kind && field->id == other.id && field->field == other.field;
    }
    if (const auto* note = std::get_if<ui::EditPrivateNote>(&earlier))
        return note->meeting == std::get<ui::EditPrivateNote>(later).meeting;
    return std::holds_alternative<ui::EditReflection>(earlier);  // the reflection being written
}

}  // namespace

void App::dispatch(const ui::Command& command) {
    if (deferred_edit_ && !replaces_edit(*deferred_edit_, command)) apply_deferred_edit();
    if (edits_long_text(command)) {
        deferred_edit_ = command;
        edit_due_at_ms_ = wall_clock_.now_ms() + edit_pause_ms;
        show_typed(command);
        update_status();
        return;
    }
    deferred_edit_.reset();
    edit_due_at_ms_.reset();
    apply(command);
}

void App::show_typed(const ui::Command& edit) {
    if (const auto* field = std::get_if<ui::EditField>(&edit)) {
        for (ui::RecordForm* form : {&view_.meeting.details, &view_.meeting.conversation}) {
            if (form->kind != field->kind || form->id != field->id) continue;
            for (ui::FormField& shown : form->fields)
                if (shown.field == field->field) shown.text = field->text;
        }
    } else if (const auto* note = std::get_if<ui::EditPrivateNote>(&edit)) {
        if (view_.meeting.id == note->meeting) view_.meeting.private_note = note->text;
    } else if (const auto* reflection = std::get_if<ui::EditReflection>(&edit)) {
        view_.reflection.body = reflection->body;
    }
}

void App::apply_deferred_edit() {
    if (!deferred_edit_) return;
    const ui::Command edit = std::move(*deferred_edit_);
    deferred_edit_.reset();
    edit_due_at_ms_.reset();
    apply(edit);
}

void App::apply(const ui::Command& command) {
    // How the app looks (a sidebar dragged, the text size) changes no record
    // and nothing the screen shows, so the screen is not read again for it.
    // Decided first: `command` may live in the view (a banner's action) that
    // handling it replaces.
    const bool look_only = std::holds_alternative<ui::SetTheme>(command) ||
                           std::holds_alternative<ui::ChangeTextSize>(command) ||
                           std::holds_alternative<ui::SetSidebarWidth>(command) ||
                           std::holds_alternative<ui::DismissNotice>(command);
    std::visit(
        [this](const auto& c) {
            using T = std::decay_t<decltype(c)>;
            ui::Preferences& preferences = view_.preferences;
            if constexpr (std::is_same_v<T, ui::NavigateTo>) {
                if (c.screen == ui::Screen::search && view_.screen != ui::Screen::search) before_search_ = view_.screen;
                view_.screen = c.screen;
                preferences.screen = c.screen;
                if (c.screen == ui::Screen::settings && view_.records_kept) host_requests_.push_back(RefreshStorageEstimate{});
            } else if constexpr (std::is_same_v<T, ui::SetTheme>) {
                preferences.theme = c.theme;
            } else if constexpr (std::is_same_v<T, ui::ChangeTextSize>) {
                preferences.text_size_percent =
                    c.reset ? 100 : ui::step_text_size(preferences.text_size_percent, c.steps);
            } else if constexpr (std::is_same_v<T, ui::SetSidebarWidth>) {
                preferences.sidebar_width =
                    std::clamp(c.width, ui::sidebar_width_range.min, ui::sidebar_width_range.max);
            } else if constexpr (std::is_same_v<T, ui::ChooseFileToOpen>) {
                host_requests_.push_back(OpenFilePicker{".tandem"});
            } else if constexpr (std::is_same_v<T, ui::DismissNotice>) {
                view_.notice.reset();
            } else if constexpr (std::is_same_v<T, ui::EditProfile>) {
                edit_profile(c);
            } else if constexpr (std::is_same_v<T, ui::RetrySaving>) {
                retry_saving();
            } else if constexpr (std::is_same_v<T, ui::ExportRecords>) {
                export_records();
            } else if constexpr (std::is_same_v<T, ui::UseRecordsHere>) {
                close_records();
                records_state_ = RecordsState::opening;
                host_requests_.push_back(TakeOverRecords{});
                update_status();
            } else if constexpr (std::is_same_v<T, ui::EditField>) {
                edit_field(c);
            } else if constexpr (std::is_same_v<T, ui::SelectRecord>) {
                if (view_.screen == ui::Screen::people) selected_person_ = c.id;
                if (view_.screen == ui::Screen::library) selected_entry_ = c.id;
                if (view_.screen == ui::Screen::pairings) {
                    if (selected_pairing_ != c.id) goals_.reset();
                    selected_pairing_ = c.id;
                    creating_pairing_ = false;
                    check_in_advice_.reset();
                }
            } else if constexpr (std::is_same_v<T, ui::EditNewPersonName>) {
                view_.people.new_name = c.text;
                view_.people.new_name_problem.clear();
            } else if constexpr (std::is_same_v<T, ui::AddPerson>) {
                add_person();
            } else if constexpr (std::is_same_v<T, ui::BeginNewPairing>) {
                begin_new_pairing();
            } else if constexpr (std::is_same_v<T, ui::EditNewPairing>) {
                const std::vector<Person> people = people_by_name();
                auto pick = [&](int index) -> std::optional<RecordId> {
                    if (index < 0 || static_cast<std::size_t>(index) >= people.size()) return std::nullopt;
                    return people[static_cast<std::size_t>(index)].meta.id;
                };
                new_coach_ = pick(c.coach);
                new_coachee_ = pick(c.coachee);
                view_.pairings.new_pairing.starts_on = c.starts_on;
                view_.pairings.new_pairing.problem.clear();
            } else if constexpr (std::is_same_v<T, ui::CreatePairing>) {
                create_pairing();
            } else if constexpr (std::is_same_v<T, ui::NewMeeting>) {
                new_meeting(c.pairing);
            } else if constexpr (std::is_same_v<T, ui::OpenMeeting>) {
                show_meeting(c.id);
            } else if constexpr (std::is_same_v<T, ui::EditSearch>) {
                if (finder_.type(c.text)) search_due_at_ms_ = wall_clock_.now_ms() + search_pause_ms;
            } else if constexpr (std::is_same_v<T, ui::OpenSearchResult>) {
                if (auto work = workspace()) {
                    if (auto destination = finder_.destination(*work, c.index)) show(*destination);
                }
            } else if constexpr (std::is_same_v<T, ui::EditNewGoal>) {
                goals_.edit_new_goal(c.text);
            } else if constexpr (std::is_same_v<T, ui::EditNewPractice>) {
                goals_.edit_new_practice(c.text);
            } else if constexpr (std::is_same_v<T, ui::AddGoal> || std::is_same_v<T, ui::AddPractice>) {
                if (auto work = workspace(); work && work->context) {
                    edited_ = true;
                    if constexpr (std::is_same_v<T, ui::AddGoal>) goals_.add_goal(*work, c.pairing);
                    else goals_.add_practice(*work, c.pairing);
                }
            } else if constexpr (std::is_same_v<T, ui::CreateSamplePairing>) {
                if (auto work = workspace(); work && work->context) {
                    auto sample = create_sample_pairing(*work);
                    if (!sample) view_.notice = ui::Notice{command_error_text(sample.error()), true};
                    else {
                        edited_ = true;
                        show(Destination{ui::Screen::pairings, sample.value()});
                    }
                }
            } else if constexpr (std::is_same_v<T, ui::RemoveSamplePairing>) {
                if (auto work = workspace(); work && work->context) {
                    if (auto removed = remove_sample_pairing(*work, c.pairing); !removed)
                        view_.notice = ui::Notice{command_error_text(removed.error()), true};
                    else {
                        edited_ = true;
                        selected_pairing_.reset();
                        view_.notice = ui::Notice{"The sample pairing is removed.", false};
                    }
                }
            } else if constexpr (std::is_same_v<T, ui::DeleteRecord>) {
                delete_shown(c);
            } else if constexpr (std::is_same_v<T, ui::UndoDelete>) {
                undo_delete();
            } else if constexpr (std::is_same_v<T, ui::DismissUndo>) {
                deleted_.reset();
                view_.undo.clear();
            } else if constexpr (std::is_same_v<T, ui::AnswerCheckIn>) {
                answer_check_in(c);
            } else if constexpr (std::is_same_v<T, ui::PostponeCheckIn>) {
                check_ins_postponed_.insert(c.pairing);
            } else if constexpr (std::is_same_v<T, ui::OpenAgendaItem>) {
                if (auto work = workspace()) {
                    if (auto destination = agenda_.destination(*work, c.index)) show(*destination);
                }
            } else if constexpr (std::is_same_v<T, ui::CloseSearch>) {
                view_.screen = before_search_;
                preferences.screen = before_search_;
            } else if constexpr (std::is_same_v<T, ui::EditPrivateNote>) {
                edit_private_note(c);
            } else if constexpr (std::is_same_v<T, ui::ChooseLibraryStep> || std::is_same_v<T, ui::EditNewStep> ||
                                 std::is_same_v<T, ui::AddActionStep> || std::is_same_v<T, ui::SetStepStatus>) {
                edit_steps(c);
            } else if constexpr (std::is_same_v<T, ui::NewObservation> || std::is_same_v<T, ui::OpenObservation> ||
                                 std::is_same_v<T, ui::EditNewObservationNote> ||
                                 std::is_same_v<T, ui::AddObservationNote> || std::is_same_v<T, ui::EditNewTally> ||
                                 std::is_same_v<T, ui::AddTally> || std::is_same_v<T, ui::CountTally>) {
                edit_observation(c);
            } else if constexpr (std::is_same_v<T, ui::NewReflection> || std::is_same_v<T, ui::OpenReflection> ||
                                 std::is_same_v<T, ui::EditReflection>) {
                edit_reflection(c);
            } else if constexpr (std::is_same_v<T, ui::BeginExport> || std::is_same_v<T, ui::EditExport> ||
                                 std::is_same_v<T, ui::SuggestPassphrase> || std::is_same_v<T, ui::WriteExport> ||
                                 std::is_same_v<T, ui::EditImportPassphrase> ||
                                 std::is_same_v<T, ui::OpenWithPassphrase> || std::is_same_v<T, ui::TrustSender> ||
                                 std::is_same_v<T, ui::ConfirmLink> || std::is_same_v<T, ui::ApplyImport> ||
                                 std::is_same_v<T, ui::CancelImport> || std::is_same_v<T, ui::RevokePartner> ||
                                 std::is_same_v<T, ui::ReverifyPartner> || std::is_same_v<T, ui::AskToTrustAgain> ||
                                 std::is_same_v<T, ui::ResolveConflict>) {
                edit_sharing(ui::Command{c});
            }
        },
        command);
    if (!look_only) refresh_screen();
}

void App::run_due_work() {
    const std::int64_t now = wall_clock_.now_ms();
    if (edit_due_at_ms_ && now >= *edit_due_at_ms_) apply_deferred_edit();
    if (search_due_at_ms_ && now >= *search_due_at_ms_) run_search();
    if (view_.screen == ui::Screen::share) view_.share = exchange_.view(now);
}

std::optional<int> App::work_delay_ms() {
    std::optional<std::int64_t> due;
    for (const auto& at : {search_due_at_ms_, edit_due_at_ms_})
        if (at && (!due || *at < *due)) due = at;
    // While a passphrase's key is made, its progress bar moves ten times a second.
    if (exchange_.working()) due = std::min(due.value_or(wall_clock_.now_ms() + 100), wall_clock_.now_ms() + 100);
    if (!due) return std::nullopt;
    return static_cast<int>(std::clamp<std::int64_t>(*due - wall_clock_.now_ms(), 0, std::max(search_pause_ms, edit_pause_ms)));
}

void App::finish_pending_work() {
    apply_deferred_edit();
    if (search_due_at_ms_) run_search();
}

void App::run_search() {
    search_due_at_ms_.reset();
    if (auto work = workspace(); work && search_index_) finder_.search(*work, *search_index_);
    refresh_screen();
}

std::optional<CommandContext> App::command_context() {
    if (view_.read_only || !store_ || !clock_ || !random_) return std::nullopt;
    return CommandContext{*store_, *clock_, *random_, own_person_.value_or(RecordId{})};
}

std::optional<Workspace> App::workspace() {
    if (!store_ || !queries_) return std::nullopt;
    return Workspace{*store_, *queries_, forms_, command_context(), own_person_.value_or(RecordId{}), today()};
}

std::optional<Meeting> App::open_meeting() {
    if (!store_ || !open_meeting_) return std::nullopt;
    auto meeting = load<Meeting>(*store_, *open_meeting_);
    if (!meeting || meeting.value().meta.deleted) return std::nullopt;
    return std::move(meeting).value();
}

void App::edit_steps(const ui::Command& command) {
    auto work = workspace();
    const std::optional<Meeting> meeting = open_meeting();
    if (!work || !meeting) return;
    if (const auto* choose = std::get_if<ui::ChooseLibraryStep>(&command)) steps_.choose_library(choose->index);
    if (const auto* typed = std::get_if<ui::EditNewStep>(&command)) steps_.edit_new(typed->text);
    if (const auto* add = std::get_if<ui::AddActionStep>(&command)) {
        if (add->meeting != meeting->meta.id) return;
        edited_ = true;
        steps_.add(*work, *meeting, add->from_library);
    }
    if (const auto* change = std::get_if<ui::SetStepStatus>(&command)) {
        edited_ = true;
        steps_.set_status(*work, *change);
    }
}

void App::edit_observation(const ui::Command& command) {
    if (const auto* open = std::get_if<ui::OpenObservation>(&command)) {
        observation_.open(open->id);
        view_.screen = ui::Screen::observation;
        return;
    }
    auto work = workspace();
    if (!work) return;
    if (const auto* start = std::get_if<ui::NewObservation>(&command)) {
        std::string problem;
        if (observation_.start(*work, start->pairing, problem)) {
            edited_ = true;
            view_.screen = ui::Screen::observation;
        } else if (!problem.empty()) {
            view_.notice = ui::Notice{problem, true};
        }
    }
    if (const auto* typed = std::get_if<ui::EditNewObservationNote>(&command)) observation_.edit_new_note(typed->text);
    if (const auto* add = std::get_if<ui::AddObservationNote>(&command)) {
        edited_ = true;
        observation_.add_note(*work, add->observation, second_of_day());
    }
    if (const auto* typed = std::get_if<ui::EditNewTally>(&command)) observation_.edit_new_tally(typed->text);
    if (const auto* add = std::get_if<ui::AddTally>(&command)) {
        edited_ = true;
        observation_.add_tally(*work, add->observation);
    }
    if (const auto* tap = std::get_if<ui::CountTally>(&command)) {
        edited_ = true;
        observation_.count(*work, *tap);
    }
}

template <class Part, class View>
void App::refresh_part(Part& part, View& shown) {
    auto work = workspace();
    auto view = work ? part.view(*work) : std::nullopt;
    if (!view) {
        view_.screen = ui::Screen::pairings;
        return;
    }
    shown = std::move(*view);
}

void App::edit_reflection(const ui::Command& command) {
    auto work = workspace();
    if (!work) return;
    if (const auto* start = std::get_if<ui::NewReflection>(&command)) {
        reflection_.start(start->pairing);
        view_.screen = ui::Screen::reflection;
    }
    if (const auto* open = std::get_if<ui::OpenReflection>(&command)) {
        if (reflection_.open(*work, open->id)) view_.screen = ui::Screen::reflection;
    }
    if (const auto* edit = std::get_if<ui::EditReflection>(&command)) {
        edited_ = true;
        reflection_.edit(*work, *edit);
    }
}

std::int64_t App::second_of_day() {
    const std::tm parts = local_time(wall_clock_.now_ms());
    return parts.tm_hour * 3600 + parts.tm_min * 60 + parts.tm_sec;
}

void App::edit_field(const ui::EditField& edit) {
    auto context = command_context();
    if (!context) return;
    edited_ = true;
    forms_.apply(*context, edit, form_for(edit.kind));
    // The own profile is shown in Settings too.
    if (own_person_ && edit.id == *own_person_) {
        if (auto me = load<Person>(*store_, *own_person_)) {
            if (view_.profile.name.problem.empty()) view_.profile.name.text = me.value().display_name;
            if (view_.profile.subject.problem.empty()) view_.profile.subject.text = me.value().subject;
        }
    }
}

void App::add_person() {
    auto context = command_context();
    if (!context || !own_person_) return;
    ui::PeopleView& people = view_.people;
    Person draft;
    draft.display_name = people.new_name;
    auto created = create(*context, draft);
    if (!created) {
        people.new_name_problem = command_error_text(created.error());
        return;
    }
    edited_ = true;
    selected_person_ = created.value();
    people.new_name.clear();
    people.new_name_problem.clear();
}

void App::begin_new_pairing() {
    creating_pairing_ = true;
    new_coach_ = own_person_;
    new_coachee_.reset();
    view_.pairings.new_pairing.starts_on = today().iso();
    view_.pairings.new_pairing.problem.clear();
}

void App::create_pairing() {
    auto context = command_context();
    if (!context || !own_person_) return;
    ui::NewPairingView& draft = view_.pairings.new_pairing;
    if (!new_coach_ || !new_coachee_) {
        draft.problem = "Choose the coach and the coachee.";
        return;
    }
    const auto starts_on = CalendarDate::parse(draft.starts_on);
    if (!starts_on) {
        draft.problem = "Write the first day as year-month-day, for example 2026-09-01.";
        return;
    }
    Pairing pairing;
    pairing.coach = *new_coach_;
    pairing.coachee = *new_coachee_;
    pairing.starts_on = *starts_on;
    pairing.confidentiality = default_confidentiality;
    auto created = create(*context, pairing);
    if (!created) {
        draft.problem = command_error_text(created.error());
        return;
    }
    edited_ = true;
    selected_pairing_ = created.value();
    creating_pairing_ = false;
    new_coachee_.reset();
}

CalendarDate App::today() {
    const std::tm parts = local_time(wall_clock_.now_ms());
    return CalendarDate::from_ymd(parts.tm_year + 1900, static_cast<unsigned>(parts.tm_mon + 1),
                                  static_cast<unsigned>(parts.tm_mday));
}

void App::new_meeting(const RecordId& pairing_id) {
    auto context = command_context();
    if (!context || !own_person_) return;
    auto pairing = load<Pairing>(*store_, pairing_id);
    if (!pairing) return;
    Meeting meeting;
    meeting.pairing = pairing_id;
    meeting.held_on = today();
    meeting.status = MeetingStatus::held;
    meeting.model = pairing.value().model;
    auto created = create(*context, meeting);
    if (!created) {
        view_.notice = ui::Notice{command_error_text(created.error()), true};
        return;
    }
    edited_ = true;
    show_meeting(created.value());
}

namespace {
// "Meeting deleted.": what the undo offer says.
const char* deleted_text(Kind kind) {
    switch (kind) {
        case Kind::meeting: return "Meeting deleted.";
        case Kind::observation: return "Lesson visit deleted.";
        case Kind::reflection: return "Reflection deleted.";
        case Kind::action_step: return "Action step deleted.";
        default: return "Deleted.";
    }
}
}  // namespace

void App::delete_shown(const ui::DeleteRecord& target) {
    auto context = command_context();
    if (!context) return;
    if (auto deleted = delete_record(*context, target.kind, target.id); !deleted) {
        view_.notice = ui::Notice{command_error_text(deleted.error()), true};
        return;
    }
    edited_ = true;
    forms_.forget(target.id);
    deleted_ = target;
    view_.undo = deleted_text(target.kind);
}

void App::undo_delete() {
    auto context = command_context();
    if (!context || !deleted_) return;
    const ui::DeleteRecord target = *deleted_;
    if (auto restored = restore_record(*context, target.kind, target.id); !restored) {
        view_.notice = ui::Notice{command_error_text(restored.error()), true};
        return;
    }
    deleted_.reset();
    view_.undo.clear();
    if (auto work = workspace()) {
        if (auto destination = where_shown(*work, target.kind, target.id)) show(*destination);
    }
}

void App::answer_check_in(const ui::AnswerCheckIn& answer) {
    auto context = command_context();
    if (!context || !own_person_) return;
    PairingCheckIn check_in;
    check_in.pairing = answer.pairing;
    check_in.answered_on = today();
    check_in.answer = answer.answer;
    check_in.meta.visibility = Visibility::private_to_author;
    if (auto created = create(*context, check_in); !created) {
        view_.notice = ui::Notice{command_error_text(created.error()), true};
        return;
    }
    edited_ = true;
    if (answer.answer == CheckInAnswer::not_really) check_in_advice_ = answer.pairing;
}

void App::show_meeting(const RecordId& id) {
    open_meeting_ = id;
    steps_.reset();
    private_note_problem_.clear();
    view_.meeting.id = RecordId{};  // shows the stored private note afresh
    view_.screen = ui::Screen::meeting;
}

void App::show(const Destination& destination) {
    switch (destination.screen) {
        case ui::Screen::meeting: show_meeting(destination.record); return;
        case ui::Screen::observation:
            observation_.open(destination.record);
            break;
        case ui::Screen::reflection:
            if (auto work = workspace(); !work || !reflection_.open(*work, destination.record)) return;
            break;
        case ui::Screen::people: selected_person_ = destination.record; break;
        case ui::Screen::library: selected_entry_ = destination.record; break;
        case ui::Screen::pairings:
            selected_pairing_ = destination.record;
            creating_pairing_ = false;
            break;
        default: break;
    }
    view_.screen = destination.screen;
}

std::optional<Note> App::private_note_of(const RecordId& meeting) {
    if (!store_ || !own_person_ || !queries_) return std::nullopt;
    auto found = queries_->private_note(meeting, *own_person_);
    if (!found || !found.value()) return std::nullopt;
    auto note = load<Note>(*store_, *found.value());
    if (!note) return std::nullopt;
    return std::move(note).value();
}

// A private note is a Note record of its author's alone: made with the first
// words typed, changed as they are typed, deleted when emptied.
void App::edit_private_note(const ui::EditPrivateNote& edit) {
    auto context = command_context();
    if (!context || !own_person_) return;
    edited_ = true;
    view_.meeting.private_note = edit.text;
    private_note_problem_.clear();
    const bool blank = edit.text.find_first_not_of(" \n\t") == std::string::npos;
    Result<void, CommandError> outcome;
    if (auto note = private_note_of(edit.meeting)) {
        outcome = blank ? delete_record(*context, Kind::note, note->meta.id)
                        : update_field(*context, Kind::note, note->meta.id, Note::fields::body, edit.text);
    } else if (!blank) {
        auto meeting = load<Meeting>(*store_, edit.meeting);
        if (!meeting) return;
        Note draft;
        draft.meta.visibility = Visibility::private_to_author;
        draft.pairing = meeting.value().pairing;
        draft.meeting = edit.meeting;
        draft.body = edit.text;
        if (auto created = create(*context, draft); !created) outcome = fail(created.error());
    }
    if (!outcome) private_note_problem_ = command_error_text(outcome.error());
}

void App::refresh_screen() {
    if (view_.screen == ui::Screen::meeting) refresh_meeting();
    if (view_.screen == ui::Screen::observation) refresh_part(observation_, view_.observation);
    if (view_.screen == ui::Screen::reflection) refresh_part(reflection_, view_.reflection);
    if (view_.screen == ui::Screen::search) view_.search = finder_.view();
    if (view_.screen == ui::Screen::share) view_.share = exchange_.view(wall_clock_.now_ms());
    if (view_.screen == ui::Screen::settings) refresh_partners();
    // After those: a screen whose record is gone has gone back to its parent.
    if (view_.screen == ui::Screen::people) refresh_people();
    if (view_.screen == ui::Screen::pairings) refresh_pairings();
    if (view_.screen == ui::Screen::library) refresh_library();
    if (view_.screen == ui::Screen::today) {
        auto work = workspace();
        auto counts = work ? work->queries.counts() : Result<store::RecordCounts, store::StoreError>(store::RecordCounts{});
        const bool has_pairings = counts && counts.value().pairings > 0;
        view_.today = work ? agenda_.view(*work, has_pairings) : ui::TodayView{};
    }
}

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

// Names in the order a person reads them: ignoring case for ASCII letters.
bool name_before(const std::string& a, const std::string& b) {
    return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
        return lower(x) < lower(y);
    });
}

}  // namespace

void App::refresh_people() {
    ui::PeopleView& people = view_.people;
    people.rows.clear();
    people.form = {};
    people.selected = selected_person_;
    people.needs_own_name = !own_person_;
    if (!store_) return;
    auto all = store_->load_all(Kind::person);
    if (!all) return;
    std::optional<Record> selected;
    for (const Record& record : all.value()) {
        if (record.is_deleted()) continue;
        const Person person = from_record<Person>(record);
        const bool is_me = own_person_ && record.id == *own_person_;
        people.rows.push_back({record.id, person.display_name, person_detail(person, is_me)});
        if (selected_person_ && record.id == *selected_person_) selected = record;
    }
    std::stable_sort(people.rows.begin(), people.rows.end(),
                     [](const ui::PersonRow& a, const ui::PersonRow& b) { return name_before(a.name, b.name); });
    if (selected) people.form = forms_.build(*selected, person_form(), view_.read_only);
    else people.selected.reset();
}

void App::refresh_library() {
    ui::LibraryView& library = view_.library;
    library = {};
    library.selected = selected_entry_;
    if (!store_) return;
    auto all = store_->load_all(Kind::library_entry);
    if (!all) return;
    std::vector<std::pair<LibraryArea, ui::LibraryRow>> rows;
    for (const Record& record : all.value()) {
        if (record.is_deleted()) continue;
        const LibraryEntry entry = from_record<LibraryEntry>(record);
        const std::string area(library_area_name(entry.area));
        rows.push_back({entry.area, {record.id, entry.title, area}});
        if (selected_entry_ && record.id == *selected_entry_)
            library.entry = ui::LibraryEntryView{entry.title, area, entry.wording, entry.success_criteria,
                                                 entry.practice_task};
    }
    // By area, keeping the library's order within each.
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& row : rows) library.rows.push_back(std::move(row.second));
}

std::vector<Person> App::people_by_name() {
    std::vector<Person> people;
    if (!store_) return people;
    auto all = store_->load_all(Kind::person);
    if (!all) return people;
    for (const Record& record : all.value())
        if (!record.is_deleted()) people.push_back(from_record<Person>(record));
    std::stable_sort(people.begin(), people.end(),
                     [](const Person& a, const Person& b) { return name_before(a.display_name, b.display_name); });
    return people;
}

namespace {

// The start of `text` on one line: about 80 bytes, cut after a word (or
// between characters), with an ellipsis when cut.
std::string first_words(std::string_view text) {
    constexpr std::size_t shown = 80;
    std::size_t end = 0;
    while (end < text.size() && end < shown) {
        const std::size_t length = utf8_sequence_length(text, end);
        if (length == 0 || end + length > shown) break;
        end += length;
    }
    if (end < text.size()) {
        const std::size_t space = text.substr(0, end).rfind(' ');
        if (space != std::string_view::npos && space > shown / 2) end = space;
    }
    std::string line(text.substr(0, end));
    for (char& c : line)
        if (c == '\n' || c == '\t') c = ' ';
    return end < text.size() ? line + symbols::ellipsis : line;
}

// "Fortnightly · GROW · since 2026-09-01": how a pairing works, for its row.
std::string pairing_detail(const Pairing& pairing) {
    std::string detail = choice_name(pairing.cadence);
    if (pairing.model != CoachingModel::open_conversation)
        detail += symbols::separator + std::string(choice_name(pairing.model));
    if (pairing.status == PairingStatus::paused) detail += symbols::separator + std::string("paused");
    if (pairing.status == PairingStatus::ended) detail += symbols::separator + std::string("ended");
    else detail += symbols::separator + ("since " + pairing.starts_on.iso());
    return detail;
}

}  // namespace

void App::refresh_pairings() {
    ui::PairingsView& view = view_.pairings;
    view.rows.clear();
    view.form = {};
    view.allowance.reset();
    view.timeline.reset();
    view.check_in = {};
    view.needs_own_name = !own_person_;
    view.creating = creating_pairing_;
    view.selected = selected_pairing_;
    if (!store_) return;
    const std::vector<Person> people = people_by_name();
    std::map<RecordId, std::string> names;
    ui::NewPairingView& draft = view.new_pairing;
    draft.people.clear();
    draft.coach = draft.coachee = -1;
    for (std::size_t i = 0; i < people.size(); ++i) {
        names[people[i].meta.id] = people[i].display_name;
        draft.people.push_back(people[i].display_name);
        if (new_coach_ && people[i].meta.id == *new_coach_) draft.coach = static_cast<int>(i);
        if (new_coachee_ && people[i].meta.id == *new_coachee_) draft.coachee = static_cast<int>(i);
    }
    auto all = store_->load_all(Kind::pairing);
    if (!all) return;
    std::optional<Record> selected;
    for (const Record& record : all.value()) {
        if (record.is_deleted()) continue;
        const Pairing pairing = from_record<Pairing>(record);
        view.rows.push_back({record.id, names[pairing.coach] + " coaching " + names[pairing.coachee],
                             pairing_detail(pairing)});
        if (selected_pairing_ && record.id == *selected_pairing_) selected = record;
    }
    std::stable_sort(view.rows.begin(), view.rows.end(),
                     [](const ui::PairingRow& a, const ui::PairingRow& b) { return name_before(a.title, b.title); });
    if (!selected) {
        view.selected.reset();
        return;
    }
    view.form = forms_.build(*selected, pairing_form(), view_.read_only);
    if (auto work = workspace()) {
        view.sample = is_sample_pairing(*work, from_record<Pairing>(*selected));
        view.goals = goals_.view(*work, selected->id);
    }
    view.meetings.clear();
    view.observations.clear();
    view.reflections.clear();
    if (!queries_) return;
    auto timeline = queries_->timeline(selected->id);
    if (timeline) {
        // The timeline is oldest first, and gives each meeting's first words.
        for (auto entry = timeline.value().rbegin(); entry != timeline.value().rend(); ++entry) {
            if (entry->kind != Kind::meeting) continue;
            std::string detail = entry->summary.empty() ? std::string("Nothing written yet") : entry->summary;
            if (entry->status == static_cast<std::int64_t>(MeetingStatus::planned)) detail = "Planned" + (symbols::separator + detail);
            if (entry->status == static_cast<std::int64_t>(MeetingStatus::cancelled)) detail = "Cancelled";
            view.meetings.push_back({entry->id, "Meeting on " + entry->date.iso(), detail});
        }
        // Every few meetings held since the user last answered, the check-in asks again.
        int held_since = 0;
        for (auto entry = timeline.value().rbegin(); entry != timeline.value().rend(); ++entry) {
            if (entry->kind == Kind::pairing_checkin) break;
            if (entry->kind == Kind::meeting && entry->status == static_cast<std::int64_t>(MeetingStatus::held))
                ++held_since;
        }
        view.check_in.asking = held_since >= check_in_every && !check_ins_postponed_.contains(selected->id) &&
                               check_in_advice_ != selected->id;
        if (check_in_advice_ == selected->id)
            view.check_in.advice =
                "It helps to raise it early, while it is easy to change: what would make your meetings more useful? "
                "You might try another model or stance, meet more or less often, or agree a fresh focus. A "
                "partnership can also pause or end without blame. Your answer stays with you.";
        for (auto entry = timeline.value().rbegin(); entry != timeline.value().rend(); ++entry) {
            if (entry->kind != Kind::observation) continue;
            view.observations.push_back(
                {entry->id, "Lesson visit on " + entry->date.iso(), entry->summary.empty() ? "No focus written" : "Focus: " + entry->summary});
        }
    }
    if (auto reflections = queries_->parts(store::Parts::reflections_of_pairing, selected->id,
                                           own_person_.value_or(RecordId{}))) {
        for (const RecordId& id : reflections.value()) {
            auto reflection = load<Reflection>(*store_, id);
            if (!reflection) continue;
            const Reflection& shown = reflection.value();
            const bool mine = own_person_ && shown.meta.created_by == *own_person_;
            std::string title = (mine ? "Your reflection on " : "Reflection on ") + shown.written_on.iso();
            if (shown.meta.visibility == Visibility::private_to_author) title += symbols::separator + std::string("private to you");
            view.reflections.push_back({id, std::move(title), first_words(shown.body)});
        }
    }
    if (auto used = queries_->hours_used(selected->id, today())) {
        const store::HoursUsed& hours = used.value();
        if (auto work = workspace(); work && timeline) view.timeline = timeline_chart(*work, timeline.value(), hours);
        ui::AllowanceView allowance;
        allowance.used_fraction = hours.allowance_minutes > 0
                                      ? static_cast<float>(hours.used_minutes()) / static_cast<float>(hours.allowance_minutes)
                                      : 0.0f;
        allowance.summary = duration_text(hours.used_minutes()) + " of " + duration_text(hours.allowance_minutes) +
                            " used since " + hours.period_start.iso() + ", as it suits you both.";
        view.allowance = allowance;
    }
}

// The profile keeps what the user typed even when it cannot be stored (a
// blank name, a name too long), with the reason beside it; the record is
// created once there is a name, and changed field by field after that.
void App::edit_profile(const ui::EditProfile& edit) {
    edited_ = true;
    ui::ProfileView& profile = view_.profile;
    ui::FieldView& field = edit.field == ui::ProfileField::name ? profile.name : profile.subject;
    field.text = edit.text;
    field.problem.clear();
    if (view_.read_only) {
        field.problem = "Your records cannot be changed in this tab now.";
        return;
    }
    CommandContext context{*store_, *clock_, *random_, own_person_.value_or(RecordId{})};
    if (!own_person_) {
        Person draft;
        draft.display_name = profile.name.text;
        draft.subject = profile.subject.text;
        if (identity_) draft.sharing_code = crypto::sharing_code(identity_->public_keys());
        auto created = create_own_person(context, draft);
        if (!created) {
            const CommandError& error = created.error();
            const bool about_name = error.field == Person::fields::display_name;
            if (about_name && edit.field == ui::ProfileField::subject && error.code == ErrorCode::required_missing)
                field.problem = "Add your name above, and this is kept with it.";
            else
                (about_name ? profile.name : profile.subject).problem = profile_problem(error);
            return;
        }
        own_person_ = created.value();
        profile.name.problem.clear();
        profile.subject.problem.clear();
        update_status();
        return;
    }
    const FieldIndex index = edit.field == ui::ProfileField::name ? Person::fields::display_name : Person::fields::subject;
    auto updated = update_field(context, Kind::person, *own_person_, index, edit.text);
    if (!updated) field.problem = profile_problem(updated.error());
}

std::vector<HostRequest> App::take_host_requests() { return std::exchange(host_requests_, {}); }

void App::restore_preferences(const ui::Preferences& preferences) {
    view_.preferences = preferences;
    view_.screen = preferences.screen;
}

void App::file_opened(std::string_view name, std::span<const std::uint8_t> bytes) {
    view_.file_over_page = false;
    auto work = workspace();
    if (!work || !identity_) {
        view_.notice = ui::Notice{"Your records are not open here, so " + quoted(name) + " cannot be taken in now.", true};
        return;
    }
    exchange_.receive(*work, *identity_, displayable_file_name(name), bytes);
    view_.screen = ui::Screen::share;
    view_.share = exchange_.view(wall_clock_.now_ms());
}

void App::passphrase_key_derived(std::uint64_t id, std::optional<std::array<std::uint8_t, 32>> key) {
    auto work = workspace();
    if (!work || !identity_) return;
    Result<crypto::SecretKey, crypto::BundleError> derived = fail(crypto::BundleError::out_of_memory);
    if (key) {
        crypto::SecretKey secret;
        std::copy(key->begin(), key->end(), secret.bytes().begin());
        std::fill(key->begin(), key->end(), std::uint8_t{0});
        derived = std::move(secret);
    }
    sent(exchange_.key_derived(*work, *identity_, id, std::move(derived), wall_clock_.now_ms()));
    view_.share = exchange_.view(wall_clock_.now_ms());
}

void App::sent(ExportStep step) {
    if (auto* job = std::get_if<KeyJob>(&step)) host_requests_.push_back(DerivePassphraseKey{std::move(*job)});
    if (auto* file = std::get_if<WrittenBundle>(&step))
        host_requests_.push_back(DownloadFile{std::move(file->name), std::move(file->bytes), "application/octet-stream"});
}

void App::edit_sharing(const ui::Command& command) {
    auto work = workspace();
    if (!work || !identity_) return;
    const std::int64_t now = wall_clock_.now_ms();
    if (const auto* begin = std::get_if<ui::BeginExport>(&command)) {
        exchange_.begin_export(*work, begin->pairing);
        view_.screen = ui::Screen::share;
    } else if (const auto* edit = std::get_if<ui::EditExport>(&command)) {
        exchange_.edit_export(*work, *edit);
    } else if (std::holds_alternative<ui::SuggestPassphrase>(command)) {
        exchange_.suggest_passphrase(*random_);
    } else if (std::holds_alternative<ui::WriteExport>(command)) {
        sent(exchange_.write_export(*work, *identity_, now));
    } else if (const auto* typed = std::get_if<ui::EditImportPassphrase>(&command)) {
        exchange_.edit_import_passphrase(typed->passphrase);
    } else if (std::holds_alternative<ui::OpenWithPassphrase>(command)) {
        if (auto job = exchange_.open_with_passphrase(now)) sent(std::move(*job));
    } else if (std::holds_alternative<ui::TrustSender>(command)) {
        exchange_.trust_sender(*work, *identity_, now);
    } else if (std::holds_alternative<ui::ConfirmLink>(command)) {
        exchange_.confirm_link(*work);
    } else if (std::holds_alternative<ui::ApplyImport>(command)) {
        edited_ = true;
        if (auto becomes_me = exchange_.apply_import(*work)) adopt_own_person(*becomes_me);
        if (exchange_.pairing_taken_in()) selected_pairing_ = exchange_.pairing_taken_in();
    } else if (std::holds_alternative<ui::CancelImport>(command)) {
        exchange_.cancel_import();
    } else if (const auto* resolve = std::get_if<ui::ResolveConflict>(&command)) {
        edited_ = true;
        exchange_.resolve_conflict(*work, *resolve);
    } else if (const auto* again = std::get_if<ui::ReverifyPartner>(&command)) {
        if (exchange_.reverify(*work, again->person, now)) view_.notice = ui::Notice{"Their keys are trusted, checked today.", false};
    } else if (const auto* ask = std::get_if<ui::AskToTrustAgain>(&command)) {
        exchange_.ask_to_trust_again(ask->person);
    } else if (const auto* revoke = std::get_if<ui::RevokePartner>(&command)) {
        if (exchange_.revoke(*work, revoke->person)) view_.notice = ui::Notice{"Their keys are no longer trusted.", false};
    }
    if (!exchange_.problem().empty()) view_.notice = ui::Notice{exchange_.problem(), true};
}

void App::refresh_partners() {
    view_.profile.partners.clear();
    for (const TrustedPartner& partner : exchange_.trusted().all()) {
        ui::PartnerKeyView shown;
        shown.person = partner.person;
        auto person = store_ ? load<Person>(*store_, partner.person) : Result<Person, CommandError>(fail(CommandError{}));
        shown.name = person ? person.value().display_name : "Someone no longer in your records";
        shown.fingerprint = crypto::fingerprint(partner.keys);
        shown.revoked = partner.revoked;
        const TrustedPartner* now_trusted = exchange_.trusted().find_by_person(partner.person);
        shown.can_trust_again = partner.revoked && now_trusted && now_trusted->revoked;
        shown.comparing = shown.can_trust_again && exchange_.trusting_again() == partner.person;
        shown.state = partner.revoked ? "Revoked: files signed with these keys are refused"
                                      : "Checked on " + CalendarDate::from_unix_ms(partner.verified_at_ms).iso();
        view_.profile.partners.push_back(std::move(shown));
    }
}

void App::adopt_own_person(const RecordId& person) {
    auto context = command_context();
    if (!context || (own_person_ && *own_person_ == person)) return;
    // Only a person who is here, and not deleted, can become the profile's own.
    if (auto here = store_->load(Kind::person, person); !here || !here.value() || here.value()->is_deleted()) {
        view_.notice = ui::Notice{"Tandem could not note that you are this person: they are not in your records.", true};
        return;
    }
    const std::optional<RecordId> before = own_person_;
    if (auto kept = store_->set_local_bytes(own_person_key, person.bytes); !kept) {
        view_.notice = ui::Notice{"Tandem could not note that you are this person: " + kept.error().message, true};
        return;
    }
    own_person_ = person;
    CommandContext mine{*store_, *clock_, *random_, person};
    if (identity_)
        (void)update_field(mine, Kind::person, person, Person::fields::sharing_code,
                           crypto::sharing_code(identity_->public_keys()));
    if (before) {
        // What the profile wrote for itself alone stays its own; the person it
        // was goes, unless a pairing still names them.
        (void)store_->reassign_private_author(*before, person);
        auto pairings = store_->pairings_naming(*before);
        if (pairings && pairings.value().empty()) (void)delete_record(mine, Kind::person, *before);
    }
    if (auto me = load<Person>(*store_, person)) {
        view_.profile.name.text = me.value().display_name;
        view_.profile.subject.text = me.value().subject;
    }
}

void App::file_too_large(std::string_view name, std::uint64_t size) {
    view_.file_over_page = false;
    view_.notice = ui::Notice{quoted(name) + " is " + human_size(size) + ". Tandem opens files of up to " +
                                  human_size(max_open_file_bytes) + ", so it was not opened.",
                              true};
}

void App::file_unreadable(std::string_view name) {
    view_.file_over_page = false;
    view_.notice = ui::Notice{quoted(name) +
                                  " could not be read. If it is on a USB stick or a shared drive, copy it to this "
                                  "computer and open the copy.",
                              true};
}

namespace {

// A prompt that suits each stance; none pushes towards another.
std::string stance_prompt(Stance stance) {
    using symbols::left_quote, symbols::right_quote;
    switch (stance) {
        case Stance::facilitative:
            return std::string("Ask, and hold your own ideas back: ") + left_quote + "What do you notice?" +
                   right_quote + ", " + left_quote + "What might you try?" + right_quote;
        case Stance::dialogical:
            return "Think it through together: offer your ideas as possibilities, and ask what your partner makes of "
                   "them.";
        case Stance::directive:
            return std::string("Share what you know plainly, model it, and check it lands: ") + left_quote +
                   "Shall we try it together?" + right_quote;
        case Stance::not_set: break;
    }
    return "Choose how you will coach in this meeting; you can change it at any moment.";
}

// A gentle hint from the coachee's career stage; never a push towards directive.
const char* stage_hint(CareerStage stage) {
    switch (stage) {
        case CareerStage::trainee:
        case CareerStage::early_career:
            return "Early in a career, seeing a step modelled often helps; questions that build their own judgement "
                   "matter just as much.";
        case CareerStage::establishing:
            return "Many teachers at this stage get most from thinking it through together.";
        case CareerStage::experienced:
            return "Experienced teachers often get most from questions that let them lead.";
        case CareerStage::not_set: break;
    }
    return "";
}

}  // namespace

void App::refresh_meeting() {
    ui::MeetingView& view = view_.meeting;
    if (!store_ || !open_meeting_) return;
    auto record = load_record(*store_, Kind::meeting, *open_meeting_);
    if (!record || record.value().is_deleted()) {
        view_.screen = ui::Screen::pairings;
        open_meeting_.reset();
        return;
    }
    const Meeting meeting = from_record<Meeting>(record.value());
    std::string coachee_name;
    CareerStage stage = CareerStage::not_set;
    if (auto pairing = load<Pairing>(*store_, meeting.pairing)) {
        const RecordId partner =
            own_person_ && pairing.value().coachee == *own_person_ ? pairing.value().coach : pairing.value().coachee;
        if (auto person = load<Person>(*store_, partner)) coachee_name = person.value().display_name;
        if (auto coachee = load<Person>(*store_, pairing.value().coachee)) stage = coachee.value().career_stage;
        if (selected_pairing_ != meeting.pairing) goals_.reset();  // what was typed belongs to another pairing
        selected_pairing_ = meeting.pairing;
    }
    const bool typing_note = view.id == meeting.meta.id;
    view.id = meeting.meta.id;
    view.title = coachee_name.empty() ? "Meeting" : "Meeting with " + coachee_name;
    view.details = forms_.build(record.value(), meeting_details_form(), view_.read_only);
    view.details.columns = 2;
    view.stance_prompt = stance_prompt(meeting.stance);
    view.stage_hint = stage_hint(stage);
    ui::RecordForm conversation = forms_.build(record.value(), meeting_model_form(meeting.model), view_.read_only);
    const ui::RecordForm notes = forms_.build(record.value(), meeting_notes_form(), view_.read_only);
    conversation.fields.insert(conversation.fields.end(), notes.fields.begin(), notes.fields.end());
    view.conversation = std::move(conversation);
    // What is being typed stays as typed; a note opened afresh shows what is stored.
    if (!typing_note) {
        const std::optional<Note> note = private_note_of(meeting.meta.id);
        view.private_note = note ? note->body : std::string();
    }
    view.private_problem = private_note_problem_;
    view.pairing = meeting.pairing;
    view.shows_goals = meeting.model == CoachingModel::impact_cycle;
    view.goals = {};
    if (auto work = workspace()) {
        view.steps = steps_.view(*work, meeting);
        if (view.shows_goals) view.goals = goals_.view(*work, meeting.pairing);
    }
}

std::string App::test_state_json() {
    JsonWriter json;
    json.begin_object();
    json.key("screen").string(ui::screen_info(view_.screen).id);
    if (view_.screen == ui::Screen::meeting && open_meeting_) json.key("recordId").string(open_meeting_->hex());
    if (view_.screen == ui::Screen::observation && observation_.shown())
        json.key("recordId").string(observation_.shown()->hex());
    if (view_.screen == ui::Screen::reflection && reflection_.written())
        json.key("recordId").string(reflection_.written()->hex());
    const std::optional<store::SaveProgress> progress = save_progress();
    json.key("saveStatus").string(save_status().word);
    json.key("lastCommitSeq").number(static_cast<double>(progress ? progress->last_commit_seq : 0));
    json.key("lastSavedSeq").number(static_cast<double>(progress ? progress->last_saved_seq : 0));
    json.key("sqliteVersion").string(sqlite_version_);
    json.key("cryptoSelfTest").string(crypto_.passed ? "passed" : "failed");
    json.key("theme").string(view_.preferences.theme == ui::Theme::dark ? "dark" : "light");
    json.key("textSize").number(view_.preferences.text_size_percent);
    json.key("sidebarWidth").number(view_.preferences.sidebar_width);
    json.key("notice").string(view_.notice ? view_.notice->text : "");
    Person stored;
    if (own_person_ && store_) {
        if (auto loaded = load<Person>(*store_, *own_person_)) stored = std::move(loaded).value();
    }
    json.key("profile").begin_object();
    json.key("name").string(stored.display_name);
    json.key("subject").string(stored.subject);
    json.end_object();
    store::RecordCounts counts;
    if (queries_) {
        if (auto counted = queries_->counts()) counts = counted.value();
    }
    json.key("counts").begin_object();
    json.key("people").number(static_cast<double>(counts.people));
    json.key("pairings").number(static_cast<double>(counts.pairings));
    json.key("meetings").number(static_cast<double>(counts.meetings));
    json.key("actionSteps").number(static_cast<double>(counts.action_steps));
    json.key("notes").number(static_cast<double>(counts.notes));
    json.end_object();
    if (view_.screen == ui::Screen::share) {
        // Where sending or taking in a bundle stands.
        static constexpr const char* stages[] = {"none", "passphrase", "working", "verify", "preview", "done", "refused"};
        static_assert(std::size(stages) == static_cast<std::size_t>(ui::ImportView::Stage::refused) + 1);
        const ui::ShareView& share = view_.share;
        json.key("share").begin_object();
        json.key("importing").boolean(share.importing);
        json.key("stage").string(stages[static_cast<int>(share.receive.stage)]);
        json.key("title").string(share.receive.title);
        json.key("summary").string(share.receive.summary);
        json.key("leftOut").begin_array();
        for (const std::string& line : share.receive.left_out) json.string(line);
        json.end_array();
        json.key("fileName").string(share.receive.file_name);
        json.key("sending").boolean(share.send.working);
        json.key("written").string(share.send.written);
        json.end_object();
    }
    json.end_object();
    return json.text();
}

std::string displayable_file_name(std::string_view name) {
    std::string shown;
    std::size_t characters = 0;
    for (std::size_t i = 0; i < name.size();) {
        if (characters == max_shown_name) {
            shown += symbols::ellipsis;
            break;
        }
        const std::size_t length = utf8_sequence_length(name, i);
        if (length == 0) {
            shown += symbols::replacement;
            ++i;
        } else {
            const auto lead = static_cast<unsigned char>(name[i]);
            const bool control = length == 1 && (lead < 0x20 || lead == 0x7F);
            if (!control) shown.append(name.substr(i, length));
            i += length;
            if (control) continue;
        }
        ++characters;
    }
    return shown;
}

std::string human_size(std::uint64_t bytes) {
    if (bytes < 1024) return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
    // Binary multiples with the labels Windows and macOS Finder users read.
    constexpr const char* units[] = {"KB", "MB", "GB", "TB"};
    double value = static_cast<double>(bytes) / 1024.0;
    std::size_t unit = 0;
    while (value >= 1023.95 && unit + 1 < std::size(units)) {
        value /= 1024.0;
        ++unit;
    }
    const double tenths = std::round(value * 10.0);
    const bool whole = value >= 100.0 || static_cast<long long>(tenths) % 10 == 0;
    char text[32];
    std::snprintf(text, sizeof text, whole ? "%.0f %s" : "%.1f %s", value, units[unit]);
    return text;
}

}  // namespace tandem::app
