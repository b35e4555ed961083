#pragma once
// Settings' parts about the open profile's safety: when it locks by itself,
// a new passphrase, and deleting the profile with all its records.

#include <string>
#include <vector>

#include "ui/command.hpp"

namespace tandem::ui {

struct ProfileSafetyView {
    int lock_after_minutes = 10;
    // The passphrase change, as typed (secret fields), and what is wrong with it.
    std::string current;
    std::string current_problem;
    std::string fresh;
    std::string fresh_problem;
    std::string repeat;
    std::string repeat_problem;
    bool changing = false;  // the new passphrase's lock is being made
    float progress = 0;     // changing: 0 to 1, an estimate
    int wait_seconds = 0;   // after a wrong current passphrase: how long before the next try
    // Deleting: the profile's name, and what was typed to confirm it.
    std::string name;
    std::string delete_typed;
    bool delete_confirmed = false;  // what was typed is the name
};

// Draw their parts inside Settings, appending the user's commands: when it
// locks and its passphrase; deleting it (last, apart from the rest).
void draw_profile_safety(const ProfileSafetyView& view, std::vector<Command>& commands);
void draw_profile_deletion(const ProfileSafetyView& view, std::vector<Command>& commands);

}  // namespace tandem::ui
