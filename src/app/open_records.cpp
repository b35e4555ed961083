#include "app/open_records.hpp"

#include <type_traits>

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

// A part as the records open: the search over them, the trust kept in
// them, or empty.
template <class Part>
Part make_part(store::SqliteRecordStore& store, std::optional<store::RecordSearch>& search) {
    if constexpr (std::is_constructible_v<Part, std::optional<store::RecordSearch>>) return Part{std::move(search)};
    else if constexpr (std::is_constructible_v<Part, store::SqliteRecordStore&>) return Part{store};
    else return Part{};
}

template <class... Parts>
std::tuple<Parts...> make_parts(std::type_identity<std::tuple<Parts...>>, store::SqliteRecordStore& store,
                                std::optional<store::RecordSearch>& search) {
    return std::tuple<Parts...>{make_part<Parts>(store, search)...};
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
    // Without them the own person could not be found, and another be made.
    auto people = store->load_all(Kind::person);
    if (!people) return fail(people.error().message);
    return std::unique_ptr<OpenRecords>(new OpenRecords(std::move(store), std::move(queries).value(), std::move(search),
                                                        people.value(), site.value(), wall, last.value(), random));
}

OpenRecords::OpenRecords(std::unique_ptr<store::SqliteRecordStore> store, store::CoachingQueries queries,
                         std::optional<store::RecordSearch> search, std::span<const Record> people, SiteId site,
                         WallClock& wall, std::uint64_t last_clock, RandomSource& random)
    : store_(std::move(store)),
      queries_(std::move(queries)),
      clock_(site, wall, last_clock),
      random_(random),
      parts_(make_parts(std::type_identity<ScreenParts::Tuple>{}, *store_, search)) {
    if (auto identity = open_identity(*store_)) identity_.emplace(std::move(identity).value());
    else identity_problem_ = identity.error().message;  // sharing is not possible; the records still are
    part<ProfileSettings>().find_me(*store_, people, site, identity_ ? &*identity_ : nullptr,
                                 CommandContext{*store_, clock_, random_, RecordId{}});
}

Workspace OpenRecords::workspace(Navigator& navigator, bool writable, const Moment& moment, bool edit_waiting) {
    std::optional<CommandContext> context;
    if (writable) context.emplace(CommandContext{*store_, clock_, random_, me()});
    return Workspace{*store_,    queries_,     part<RecordForms>(), navigator,     std::move(context), me(),
                     identity_ ? &*identity_ : nullptr, random_, moment.today, moment.now_ms, moment.second_of_day,
                     DateReader(moment.today, moment.day_order, moment.first_weekday), edit_waiting};
}

bool OpenRecords::select(Workspace& work, const Destination& destination) {
    bool opened = true;
    std::apply(
        [&](auto&... parts) {
            const auto open_in = [&](auto& part) {
                if constexpr (requires { part.screen; })
                    if (part.screen == destination.screen) opened = part.open(work, destination.record);
            };
            (open_in(parts), ...);
        },
        parts_);
    return opened;
}

void OpenRecords::show(Workspace& work, ui::ShellView& view) {
    // First what leaving a screen does (an untouched new meeting goes), so
    // that no screen shows what is about to go.
    std::apply(
        [&](auto&... parts) {
            const auto leave = [&](auto& part) {
                if constexpr (requires { part.left_unless(work, view.screen); }) part.left_unless(work, view.screen);
            };
            (leave(parts), ...);
        },
        parts_);
    std::apply(
        [&](auto&... parts) {
            const auto show_in = [&](auto& part) {
                if constexpr (requires { part.show(work, view); }) part.show(work, view);
            };
            (show_in(parts), ...);
        },
        parts_);
}

std::optional<RecordId> OpenRecords::shown_on(ui::Screen screen) const {
    std::optional<RecordId> shown;
    std::apply(
        [&](const auto&... parts) {
            const auto shown_in = [&](const auto& part) {
                if constexpr (requires { part.screen; part.shown(); })
                    if (part.screen == screen) shown = part.shown();
            };
            (shown_in(parts), ...);
        },
        parts_);
    return shown;
}

}  // namespace tandem::app
