#include "app/idle_lock.hpp"

#include <algorithm>

namespace tandem::app {

void IdleLock::start(std::int64_t now_ms) { last_used_ms_ = now_ms; }

void IdleLock::used(std::int64_t now_ms) {
    if (last_used_ms_) last_used_ms_ = std::max(*last_used_ms_, now_ms);
}

bool IdleLock::set_minutes(int minutes) {
    if (std::find(choices.begin(), choices.end(), minutes) == choices.end()) return false;
    minutes_ = minutes;
    return true;
}

bool IdleLock::due(std::int64_t now_ms) {
    if (!last_used_ms_) return false;
    if (now_ms < *last_used_ms_) last_used_ms_ = now_ms;
    return now_ms - *last_used_ms_ >= limit_ms();
}

std::optional<std::int64_t> IdleLock::wait_ms(std::int64_t now_ms) const {
    if (!last_used_ms_) return std::nullopt;
    return std::clamp<std::int64_t>(*last_used_ms_ + limit_ms() - now_ms, 0, limit_ms());
}

}  // namespace tandem::app
