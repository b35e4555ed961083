// App's account of the records' storage: the status line, the banners about
// a problem with the records, and Settings' sentences on where they live.
#include "app/app.hpp"

#include <cstdio>
#include <ctime>

#include "core/text_symbols.hpp"

namespace tandem::app {

namespace {

// "14:05", in this device's time zone.
std::string local_time_text(std::int64_t ms) {
    const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
    std::tm parts{};
    localtime_r(&seconds, &parts);
    char text[8];
    std::snprintf(text, sizeof text, "%02d:%02d", parts.tm_hour % 100, parts.tm_min % 100);
    return text;
}

}  // namespace

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
        case store::OpenProblem::Kind::commit_changed:
            return "The record of what was last saved was changed since Tandem wrote it.";
        case store::OpenProblem::Kind::pages_mixed:
            return "Your records hold parts of different saves put together, so they cannot be trusted as they are.";
    }
    return "The records on this computer could not be read.";
}

void App::update_status() {
    view_.status.clear();
    view_.about.clear();
    const bool usable = records_state_ == RecordsState::kept || records_state_ == RecordsState::memory_only;
    if (!sqlite_version_.empty()) view_.about.push_back("Records kept with SQLite " + sqlite_version_);
    const std::string& problem = !store_problem_.empty() || !records_ ? store_problem_ : records_->identity_problem();
    if (usable && !problem.empty()) view_.status.push_back({"Records unavailable: " + problem, true});
    if (crypto_.passed) {
        view_.about.push_back("Encryption by libsodium " + crypto_.library_version + ": self-test passed");
    } else {
        view_.about.push_back("Encryption by libsodium " + crypto_.library_version + ": self-test failed");
        view_.status.push_back({"Encryption self-test failed: " + crypto_.failed_check, true});
    }
    const std::vector<std::string> unsaved = records_ ? records_->unsaved_fields() : std::vector<std::string>{};
    if (!unsaved.empty()) {
        std::string line = "Not saved: " + unsaved.front();
        if (unsaved.size() > 1) line += " (and " + std::to_string(unsaved.size() - 1) + " more)";
        view_.status.push_back({line, true});
    }
    const SaveStatus saving = save_status();
    view_.status.push_back({unsaved.empty() || saving.problem ? saving.line : "Everything else is saved", saving.problem});
    view_.banner = records_banner();
    view_.read_only = !usable || !records_;
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
    storage.where = "Your records are kept on this computer, in this browser, encrypted, and nowhere else.";
    if (storage_.persistent)
        storage.persistence = *storage_.persistent
                                  ? "The browser keeps them even when the computer runs short of space."
                                  : "The browser may clear them if the computer runs short of space, so download a "
                                    "copy now and then.";
    if (storage_.usage_bytes && storage_.quota_bytes && *storage_.quota_bytes > 0)
        storage.usage = "Using " + human_size(*storage_.usage_bytes) + " of the " + human_size(*storage_.quota_bytes) +
                        " this browser allows.";
}

}  // namespace tandem::app
