#include "app/open_records.hpp"

#include "store/record_search.hpp"

namespace tandem::app {

namespace {

constexpr std::string_view box_secret_key = "identity.box_secret";
constexpr std::string_view sign_secret_key = "identity.sign_secret";

// The profile's identity: read from its records, or made and kept there on
// the first visit. Half a stored identity is an error, never replaced: a new
// one would silently change who the profile is to its partners.
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

std::span<const std::string_view> device_only_keys() {
    static constexpr std::string_view keys[] = {box_secret_key, sign_secret_key, BundleExchange::trust_state_key};
    return keys;
}

Result<std::unique_ptr<OpenRecords>, std::string> OpenRecords::open(store::Database& database, WallClock& wall,
                                                                    RandomSource& random) {
    auto attached = store::SqliteRecordStore::attach(database);
    if (!attached) return fail(attached.error().message);
    std::unique_ptr<store::SqliteRecordStore> store = std::move(attached).value();
    auto queries = store::CoachingQueries::prepare(database);
    if (!queries) return fail(queries.error().message);
    std::optional<store::RecordSearch> search;
    if (auto prepared = store::RecordSearch::prepare(database)) search.emplace(std::move(prepared).value());
    auto site = store->site_id(random);
    if (!site) return fail(site.error().message);
    auto last = store->load_clock();
    if (!last) return fail(last.error().message);
    return std::unique_ptr<OpenRecords>(new OpenRecords(std::move(store), std::move(queries).value(), std::move(search),
                                                        site.value(), wall, last.value(), random));
}

OpenRecords::OpenRecords(std::unique_ptr<store::SqliteRecordStore> store, store::CoachingQueries queries,
                         std::optional<store::RecordSearch> search, SiteId site, WallClock& wall,
                         std::uint64_t last_clock, RandomSource& random)
    : store_(std::move(store)),
      queries_(std::move(queries)),
      clock_(site, wall, last_clock),
      random_(random),
      parts_(ProfileSettings{}, PeopleList{}, PairingList{}, LibraryList{}, MeetingEditor{}, ObservationCapture{},
             ReflectionWriting{}, GoalsAndPractice{}, RecordFinder{std::move(search)}, TodayAgenda{}, UndoOffer{},
             RecordForms{}, SharingScreen{*store_}) {
    if (auto identity = open_identity(*store_)) identity_.emplace(std::move(identity).value());
    else identity_problem_ = identity.error().message;  // sharing is not possible; the records still are
    part<ProfileSettings>().open(*store_, site, identity_ ? &*identity_ : nullptr,
                                 CommandContext{*store_, clock_, random_, RecordId{}});
}

Workspace OpenRecords::workspace(Navigator& navigator, bool writable, const Moment& moment) {
    std::optional<CommandContext> context;
    if (writable) context.emplace(CommandContext{*store_, clock_, random_, me()});
    return Workspace{*store_,    queries_,     part<RecordForms>(), navigator,     std::move(context), me(),
                     identity_ ? &*identity_ : nullptr, random_, moment.today, moment.now_ms, moment.second_of_day};
}

bool OpenRecords::select(Workspace& work, const Destination& destination) {
    switch (destination.screen) {
        case ui::Screen::meeting: part<MeetingEditor>().open(destination.record); return true;
        case ui::Screen::observation: part<ObservationCapture>().open(destination.record); return true;
        case ui::Screen::reflection: return part<ReflectionWriting>().open(work, destination.record);
        case ui::Screen::people: part<PeopleList>().open(destination.record); return true;
        case ui::Screen::library: part<LibraryList>().open(destination.record); return true;
        case ui::Screen::pairings: part<PairingList>().open(destination.record); return true;
        default: return true;
    }
}

void OpenRecords::show(Workspace& work, ui::ShellView& view) {
    switch (view.screen) {
        case ui::Screen::meeting:
            if (auto meeting = part<MeetingEditor>().view(work)) {
                // Going back from a meeting shows its pairing.
                if (part<PairingList>().selected() != meeting->pairing) part<PairingList>().open(meeting->pairing);
                if (meeting->shows_goals) meeting->goals = part<GoalsAndPractice>().view(work, meeting->pairing);
                view.meeting = std::move(*meeting);
            } else {
                view.screen = ui::Screen::pairings;
            }
            break;
        case ui::Screen::observation:
            if (auto observation = part<ObservationCapture>().view(work)) view.observation = std::move(*observation);
            else view.screen = ui::Screen::pairings;
            break;
        case ui::Screen::reflection:
            if (auto reflection = part<ReflectionWriting>().view(work)) view.reflection = std::move(*reflection);
            else view.screen = ui::Screen::pairings;
            break;
        case ui::Screen::search: view.search = part<RecordFinder>().view(); break;
        case ui::Screen::share: view.share = part<SharingScreen>().view(work.now_ms); break;
        case ui::Screen::people: view.people = part<PeopleList>().view(work); break;
        case ui::Screen::library: view.library = part<LibraryList>().view(work); break;
        case ui::Screen::today: {
            auto counts = queries_.counts();
            view.today = part<TodayAgenda>().view(work, counts && counts.value().pairings > 0);
            break;
        }
        default: break;
    }
    // After those: a screen whose record is gone has gone back to Pairings.
    if (view.screen == ui::Screen::pairings) {
        view.pairings = part<PairingList>().view(work);
        if (view.pairings.selected) view.pairings.goals = part<GoalsAndPractice>().view(work, *view.pairings.selected);
    }
    view.profile = part<ProfileSettings>().view(work);
    view.profile.partners = part<SharingScreen>().partners(work);
    view.undo = part<UndoOffer>().view();
}

std::optional<RecordId> OpenRecords::shown_on(ui::Screen screen) const {
    switch (screen) {
        case ui::Screen::meeting: return part<MeetingEditor>().shown();
        case ui::Screen::observation: return part<ObservationCapture>().shown();
        case ui::Screen::reflection: return part<ReflectionWriting>().written();
        default: return std::nullopt;
    }
}

}  // namespace tandem::app
