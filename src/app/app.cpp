// App: the records' lifecycle, the routing of commands, and what the host
// hands in. Its account of saving is in app_status.cpp.
//
// [SECTION] Opening and closing the records
// [SECTION] Saving
// [SECTION] Commands: deferring long edits, routing, the shell's own
// [SECTION] Navigator (for the parts)
// [SECTION] From the host: files, keys, preferences
// [SECTION] The test hook's state
#include "app/app.hpp"

#include <algorithm>
#include <ctime>
#include <type_traits>
#include <utility>

#include "core/json_writer.hpp"
#include "core/text_symbols.hpp"
#include "store/records_copy.hpp"

namespace tandem::app {

namespace {

constexpr int first_retry_delay_ms = 500;
constexpr int max_retry_delay_ms = 30'000;
// Texts longer than this are stored once typing pauses: storing and indexing
// tens of thousands of words again on every keystroke would slow typing.
constexpr std::size_t deferred_text_bytes = 20'000;
constexpr std::int64_t edit_pause_ms = 250;
// The longest the host waits before calling run_due_work() again.
constexpr std::int64_t max_work_delay_ms = 1000;
// The profile's lock time, kept in its records (in minutes, as decimal digits).
constexpr std::string_view lock_after_key = "lock_after_minutes";

// The minutes stored as `bytes`; 0 when they are not one to three digits.
int read_minutes(std::span<const std::uint8_t> bytes) {
    if (bytes.empty() || bytes.size() > 3) return 0;
    int minutes = 0;
    for (const std::uint8_t digit : bytes) {
        if (digit < '0' || digit > '9') return 0;
        minutes = minutes * 10 + (digit - '0');
    }
    return minutes;
}

std::tm local_time(std::int64_t ms) {
    const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
    std::tm parts{};
    localtime_r(&seconds, &parts);
    return parts;
}

std::string quoted(std::string_view name) {
    return symbols::left_quote + displayable_file_name(name) + symbols::right_quote;
}

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

// How the app looks (a sidebar dragged, the text size) changes no record and
// nothing the screen shows, so the screen is not read again for it.
bool look_only(const ui::Command& command) {
    return std::holds_alternative<ui::SetTheme>(command) || std::holds_alternative<ui::ChangeTextSize>(command) ||
           std::holds_alternative<ui::SetSidebarWidth>(command) || std::holds_alternative<ui::DismissNotice>(command);
}

}  // namespace

App::App() : App(system_clock_) {}

App::App(WallClock& clock) : wall_clock_(clock), crypto_(crypto::run_self_test()) {
    random_ = crypto::SodiumRandomSource::create();
    if (random_) gate_ = std::make_unique<VaultGate>(static_cast<VaultHost&>(*this), *random_);
    update_status();
    update_gate_view();
}

// [SECTION] The profiles

void App::profile_found(std::string id, std::string name, int colour) {
    if (gate_) gate_->profile_found(std::move(id), std::move(name), colour);
}

void App::profiles_listed(bool old_records) {
    if (gate_) gate_->profiles_listed(old_records);
    update_gate_view();
}

void App::records_loaded(store::PageStore& pages, std::optional<std::vector<std::uint8_t>> header,
                         bool header_damaged) {
    if (gate_) gate_->loaded(pages, std::move(header), header_damaged, wall_clock_.now_ms());
    update_gate_view();
}

void App::vault_header_written(bool ok) {
    if (gate_) gate_->header_written(ok);
    update_gate_view();
}

void App::set_new_vault_kdf(crypto::KdfParams kdf) {
    if (gate_) gate_->set_new_vault_kdf(kdf);
}

void App::update_gate_view() {
    const bool gated = gate_ && !gate_->open() && records_state_ != RecordsState::memory_only;
    view_.vault = gated ? gate_->view(wall_clock_.now_ms()) : std::nullopt;
    view_.can_lock = gate_ && gate_->open();
    view_.safety = gate_ ? gate_->safety_view(wall_clock_.now_ms()) : std::nullopt;
    if (view_.safety) view_.safety->lock_after_minutes = idle_lock_.minutes();
    if (gate_)
        if (auto said = gate_->take_notice()) notice(std::move(*said), false);
}

bool App::open_vault_records(store::PageStore& pages, store::PageCodec& codec, std::vector<std::uint8_t> image) {
    const bool opened = open_records(pages, codec, std::move(image));
    idle_lock_ = {};
    if (records_)
        if (auto stored = records_->store().local_bytes(lock_after_key); stored && stored.value())
            idle_lock_.set_minutes(read_minutes(*stored.value()));
    idle_lock_.start(wall_clock_.now_ms());
    return opened;
}

std::vector<std::uint8_t> App::read_old_records(store::PageStore& pages) {
    auto opened = store::PagedDatabase::open(pages, codec_);
    if (!opened) return {};
    return opened.value()->file_bytes();
}

void App::wipe_for_lock() {
    close_records();
    records_state_ = RecordsState::opening;
    if (gate_) gate_->forget_keys();
    update_gate_view();
}

void App::handle(const ui::LockProfile&) {
    if (!gate_ || !gate_->open()) return;
    flush_saves();
    host_requests_.push_back(LockPage{});
}

void App::handle(const ui::SetLockAfter& set) {
    if (!gate_ || !gate_->open() || !idle_lock_.set_minutes(set.minutes)) return;
    const std::string text = std::to_string(set.minutes);
    if (records_ && records_state_ == RecordsState::kept)
        if (auto saved = records_->store().set_local_bytes(lock_after_key, std::span(
                reinterpret_cast<const std::uint8_t*>(text.data()), text.size())); !saved)
            notice("Tandem could not keep the new lock time: " + saved.error().message, true);
    update_gate_view();
}

void App::handle(const ui::DeleteProfile&) {
    if (!gate_) return;
    const std::string id = gate_->confirmed_deletion();
    if (id.empty()) return;
    // Nothing more is stored: all of it goes.
    deferred_edit_.reset();
    edit_due_at_ms_.reset();
    wipe_for_lock();
    host_requests_.push_back(DeleteProfileRecords{id});
}

// [SECTION] Locking by itself

void App::user_active() { idle_lock_.used(wall_clock_.now_ms()); }

bool App::lock_if_idle() {
    if (!gate_ || !gate_->open() || !idle_lock_.due(wall_clock_.now_ms())) return false;
    idle_lock_.stop();
    handle(ui::LockProfile{});
    return true;
}

std::optional<std::int64_t> App::idle_lock_wait_ms() const {
    return gate_ && gate_->open() ? idle_lock_.wait_ms(wall_clock_.now_ms()) : std::nullopt;
}

// [SECTION] Opening and closing the records

void App::close_records() {
    apply_deferred_edit();  // stored while the records still can be
    records_.reset();
    pages_.reset();
    memory_database_.reset();
    open_problem_.reset();
    salvaged_.clear();
    store_problem_.clear();
    retries_ = 0;
    // What the screens showed of these records goes with them.
    ui::ShellView fresh;
    fresh.screen = view_.screen;
    fresh.preferences = view_.preferences;
    fresh.notice = std::move(view_.notice);
    fresh.file_over_page = view_.file_over_page;
    fresh.vault = std::move(view_.vault);
    fresh.can_lock = view_.can_lock;
    fresh.safety = std::move(view_.safety);
    view_ = std::move(fresh);
}

bool App::open_records(store::PageStore& pages, store::PageCodec& codec, std::vector<std::uint8_t> image) {
    close_records();
    auto opened = store::PagedDatabase::open(pages, codec, std::move(image));
    if (!opened) {
        open_problem_ = opened.error();
        store_problem_ = opened.error().message;
        salvaged_ = store::PagedDatabase::salvage(pages, codec);
        records_state_ = RecordsState::damaged;
        update_status();
        return false;
    }
    pages_ = std::move(opened).value();
    pages_->on_progress([this] { save_progressed(); });
    records_state_ = start_records(pages_->database()) ? RecordsState::kept : RecordsState::damaged;
    update_status();
    refresh_screen();
    return records_state_ == RecordsState::kept;
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
    update_gate_view();
    update_status();
    refresh_screen();
}

bool App::start_records(store::Database& database) {
    if (!random_) {
        store_problem_ = "this browser has no secure random source";
        return false;
    }
    sqlite_version_ = store::sqlite_library_version();
    auto opened = OpenRecords::open(database, wall_clock_, *random_);
    if (!opened) {
        store_problem_ = opened.error();
        return false;
    }
    records_ = std::move(opened).value();
    return true;
}

void App::records_elsewhere() {
    if (gate_ && !gate_->open()) {
        gate_->elsewhere();
        update_gate_view();
        return;
    }
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

std::vector<std::uint8_t> App::records_image() const {
    return records_ ? records_->store().database().image() : std::vector<std::uint8_t>{};
}

std::vector<std::vector<std::uint8_t>> App::device_only_values() {
    std::vector<std::vector<std::uint8_t>> values;
    if (!records_) return values;
    for (const std::string_view key : device_only_keys())
        if (auto value = records_->store().local_bytes(key); value && value.value() && !value.value()->empty())
            values.push_back(std::move(*value.value()));
    return values;
}

std::string App::integrity_check() {
    if (!records_) return {};
    auto rows = records_->store().database().query_column("PRAGMA integrity_check;");
    if (!rows) return rows.error().message;
    std::string out;
    for (const std::string& row : rows.value()) out += (out.empty() ? "" : "\n") + row;
    return out;
}

std::optional<crypto::PublicKeys> App::public_keys() const {
    if (!records_ || !records_->identity()) return std::nullopt;
    return records_->identity()->public_keys();
}

std::optional<RecordId> App::own_person() const {
    if (!records_ || records_->me().is_nil()) return std::nullopt;
    return records_->me();
}

// [SECTION] Saving

bool App::all_saved() const { return !deferred_edit_ && (!pages_ || pages_->progress().saved()); }

std::optional<store::SaveProgress> App::save_progress() const {
    if (!pages_) return std::nullopt;
    return pages_->progress();
}

void App::flush_saves() {
    apply_deferred_edit();
    if (pages_) pages_->flush();
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

void App::save_progressed() {
    const store::SaveProgress& progress = pages_->progress();
    if (!progress.last_failure) retries_ = 0;
    if (progress.saved() && progress.last_saved_seq > 0) last_saved_at_ms_ = wall_clock_.now_ms();
    if (progress.saved() && !progress.writing && gate_) gate_->all_saved();
    request_persistence_once_saved();
    update_status();
}

// Asked on the first save of the user's own work, not of Tandem's set-up:
// some browsers ask the user, who should know what it is for.
void App::request_persistence_once_saved() {
    if (!edited_ || persistence_requested_ || !pages_) return;
    const store::SaveProgress& progress = pages_->progress();
    if (!progress.saved() || progress.last_saved_seq == 0) return;
    persistence_requested_ = true;
    host_requests_.push_back(RequestPersistentStorage{});
}

// [SECTION] Commands: deferring long edits, routing, the shell's own

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
    // Decided first: `command` may live in the view (a banner's action) that
    // handling it replaces.
    const bool refresh = !look_only(command);
    // An edit of the user's is a commit made by a command (a preview's
    // merge is rolled back, and makes none).
    const std::uint64_t commits_before = pages_ ? pages_->progress().last_commit_seq : 0;
    std::visit([this](const auto& c) { route(c); }, command);
    if (pages_ && pages_->progress().last_commit_seq != commits_before) {
        edited_ = true;
        request_persistence_once_saved();
    }
    if (refresh) refresh_screen();
}

template <class Command>
void App::route(const Command& command) {
    if constexpr (requires { gate_->handle(command, std::int64_t{}); }) {
        gate_->handle(command, wall_clock_.now_ms());
        update_gate_view();
    } else if constexpr (requires { gate_->handle(command); }) {
        gate_->handle(command);
        update_gate_view();
    } else if constexpr (ScreenParts::route<Command> == 0) {
        handle(command);
    } else if (auto work = workspace()) {
        records_->apply(*work, command);
    }
}

void App::handle(const ui::NavigateTo& go) {
    if (go.screen == ui::Screen::search && view_.screen != ui::Screen::search) before_search_ = view_.screen;
    go_to(go.screen);
    view_.preferences.screen = go.screen;  // kept between visits: a sidebar screen, never a record's
    if (go.screen == ui::Screen::settings && view_.records_kept) host_requests_.push_back(RefreshStorageEstimate{});
}

void App::handle(const ui::SetTheme& theme) { view_.preferences.theme = theme.theme; }

void App::handle(const ui::ChangeTextSize& size) {
    ui::Preferences& preferences = view_.preferences;
    preferences.text_size_percent = size.reset ? 100 : ui::step_text_size(preferences.text_size_percent, size.steps);
}

void App::handle(const ui::SetSidebarWidth& width) {
    view_.preferences.sidebar_width = std::clamp(width.width, ui::sidebar_width_range.min, ui::sidebar_width_range.max);
}

void App::handle(const ui::ChooseFileToOpen&) { host_requests_.push_back(OpenFilePicker{".tandem"}); }

void App::handle(const ui::DismissNotice&) { view_.notice.reset(); }

void App::handle(const ui::RetrySaving&) { retry_saving(); }

void App::handle(const ui::ExportRecords&) {
    // The copy holds the records, never this profile's secret keys or whom it trusts.
    std::vector<std::uint8_t> bytes;
    if (records_state_ == RecordsState::damaged) bytes = store::copy_without(salvaged_, device_only_keys());
    else if (records_) bytes = store::copy_without(records_->store().database().image(), device_only_keys());
    if (bytes.empty()) {
        notice("There is nothing Tandem can read to put in a copy.", true);
        return;
    }
    const char* what = records_state_ == RecordsState::damaged ? "tandem-readable-records-" : "tandem-records-";
    host_requests_.push_back(DownloadFile{what + now().today.iso() + ".sqlite",
                                          std::move(bytes), "application/vnd.sqlite3"});
}

void App::handle(const ui::UseRecordsHere&) {
    close_records();
    records_state_ = RecordsState::opening;
    host_requests_.push_back(TakeOverRecords{});
    update_status();
}

void App::handle(const ui::CloseSearch&) {
    go_to(before_search_);
    view_.preferences.screen = before_search_;
}

void App::run_due_work() {
    const std::int64_t now_ms = wall_clock_.now_ms();
    // A progress bar or a wait on the gate's screens moves on, or ends.
    const bool vault_moves = view_.vault && (view_.vault->wait_seconds > 0 ||
                                             view_.vault->stage == ui::VaultView::Stage::working);
    const bool safety_moves = view_.safety && (view_.safety->wait_seconds > 0 || view_.safety->changing);
    if (gate_ && (vault_moves || safety_moves)) update_gate_view();
    if (edit_due_at_ms_ && now_ms >= *edit_due_at_ms_) apply_deferred_edit();
    if (records_ && records_->due_at() && now_ms >= *records_->due_at()) {
        if (auto work = workspace()) records_->run_due(*work);
        refresh_screen();
    } else if (view_.screen == ui::Screen::share && records_ && records_->deriving_key()) {
        records_->show_progress(now_ms, view_.share);  // a key being derived moves its progress bar
    }
}

std::optional<int> App::work_delay_ms() {
    const std::int64_t now_ms = wall_clock_.now_ms();
    std::optional<std::int64_t> due = edit_due_at_ms_;
    if (records_ && records_->due_at() && (!due || *records_->due_at() < *due)) due = records_->due_at();
    // While a passphrase's key is made, its progress bar moves ten times a second.
    if (records_ && records_->deriving_key()) due = std::min(due.value_or(now_ms + 100), now_ms + 100);
    if (const auto gate_due = gate_ ? gate_->next_change_ms(now_ms) : std::nullopt)
        due = std::min(due.value_or(*gate_due), *gate_due);
    if (!due) return std::nullopt;
    return static_cast<int>(std::clamp<std::int64_t>(*due - now_ms, 0, max_work_delay_ms));
}

void App::finish_pending_work() {
    apply_deferred_edit();
    if (records_ && records_->due_at()) {
        if (auto work = workspace()) records_->run_due(*work);
        refresh_screen();
    }
}

Moment App::now() {
    const std::int64_t now_ms = wall_clock_.now_ms();
    const std::tm parts = local_time(now_ms);
    return Moment{CalendarDate::from_ymd(parts.tm_year + 1900, static_cast<unsigned>(parts.tm_mon + 1),
                                         static_cast<unsigned>(parts.tm_mday)),
                  now_ms, parts.tm_hour * 3600 + parts.tm_min * 60 + parts.tm_sec, day_order_, first_weekday_};
}

std::optional<Workspace> App::workspace() {
    if (!records_) return std::nullopt;
    return records_->workspace(*this, !view_.read_only, now(), deferred_edit_.has_value());
}

void App::refresh_screen() {
    if (auto work = workspace()) records_->show(*work, view_);
    // A long text waiting for a pause shows as typed, not as stored.
    if (deferred_edit_) show_typed(*deferred_edit_);
    update_status();  // what typed could not be stored is named there
}

// [SECTION] Navigator (for the parts)

void App::select(const Destination& destination) {
    if (auto work = workspace()) records_->select(*work, destination);
}

void App::show(const Destination& destination) {
    auto work = workspace();
    if (work && records_->select(*work, destination)) go_to(destination.screen);
}

void App::go_to(ui::Screen screen) { view_.screen = screen; }

void App::notice(std::string text, bool problem) { view_.notice = ui::Notice{std::move(text), problem}; }

void App::request(HostRequest request) { host_requests_.push_back(std::move(request)); }

void App::became(const RecordId& person) {
    if (auto work = workspace()) records_->adopt(*work, person);
}

// [SECTION] From the host: files, keys, preferences

std::vector<HostRequest> App::take_host_requests() { return std::exchange(host_requests_, {}); }

void App::restore_preferences(const ui::Preferences& preferences) {
    view_.preferences = preferences;
    view_.screen = preferences.screen;
}

void App::file_opened(std::string_view name, std::span<const std::uint8_t> bytes) {
    view_.file_over_page = false;
    auto work = workspace();
    if (!work || !work->identity) {
        notice("Your records are not open here, so " + quoted(name) + " cannot be taken in now.", true);
        return;
    }
    records_->receive(*work, displayable_file_name(name), bytes);
    refresh_screen();
}

void App::file_too_large(std::string_view name, std::uint64_t size) {
    view_.file_over_page = false;
    notice(quoted(name) + " is " + human_size(size) + ". Tandem opens files of up to " +
               human_size(max_open_file_bytes) + ", so it was not opened.",
           true);
}

void App::file_unreadable(std::string_view name) {
    view_.file_over_page = false;
    notice(quoted(name) +
               " could not be read. If it is on a USB stick or a shared drive, copy it to this computer and open "
               "the copy.",
           true);
}

void App::passphrase_key_derived(std::uint64_t id, std::optional<std::array<std::uint8_t, 32>> key) {
    if (gate_ && gate_->key_derived(id, key, wall_clock_.now_ms())) {
        update_gate_view();
        return;
    }
    auto work = workspace();
    if (!work) return;
    records_->key_derived(*work, id, key);
    refresh_screen();
}

// [SECTION] The test hook's state

std::string App::test_state_json() {
    JsonWriter json;
    json.begin_object();
    json.key("screen").string(ui::screen_info(view_.screen).id);
    if (auto shown = records_ ? records_->shown_on(view_.screen) : std::nullopt) json.key("recordId").string(shown->hex());
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
    json.key("statusLine").begin_array();
    for (const ui::ShellView::StatusItem& item : view_.status) json.string(item.text);
    json.end_array();
    Person stored;
    store::RecordCounts counts;
    if (auto work = workspace()) {
        stored = records_->own_profile(*work);
        if (auto counted = work->queries.counts()) counts = counted.value();
    }
    json.key("profile").begin_object();
    json.key("name").string(stored.display_name);
    json.key("subject").string(stored.subject);
    json.end_object();
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
        json.key("text").string(share.receive.text);
        json.key("trustNote").string(share.receive.trust_note);
        json.key("asksWhoYouAre").boolean(!share.receive.link_question.empty());
        json.key("leftOut").begin_array();
        for (const std::string& line : share.receive.left_out) json.string(line);
        json.end_array();
        json.key("fileName").string(share.receive.file_name);
        json.key("sending").boolean(share.send.working);
        json.key("written").string(share.send.written);
        json.end_object();
    }
    json.key("vault").string(view_.vault && gate_ ? gate_->stage_name() : "open");
    json.end_object();
    return json.text();
}

}  // namespace tandem::app
