#pragma once
// The screens before a profile's records are open (docs/vault-format.md):
// the profiles kept on this computer, making a profile with its passphrase
// and recovery code, and unlocking one. They show a profile's name and
// colour, never anything of its records.

#include <string>
#include <vector>

#include "ui/command.hpp"
#include "ui/theme.hpp"

namespace tandem::ui {

// A profile in the list: all that is known of it before it is unlocked.
struct ProfileChoice {
    std::string id;
    std::string name;
    int colour = 0;  // 0 to 7, profile_colour()
};

struct VaultView {
    enum class Stage {
        waiting,        // the profiles are being listed
        choosing,       // the list of profiles
        creating,       // the new profile's form
        working,        // a passphrase's key is being made, or the records opened
        recovery_code,  // the new profile's recovery code, shown once
        unlocking,      // the chosen profile's passphrase
        recovering,     // the chosen profile's recovery code and a new passphrase
    };
    Stage stage = Stage::waiting;
    std::vector<ProfileChoice> profiles;
    ProfileChoice chosen;            // unlocking, recovering; the new one while creating
    bool moving_old_records = false;  // creating: the records kept before profiles move into it
    std::string passphrase;
    std::string passphrase_problem;
    std::string repeat;
    std::string repeat_problem;
    std::string name_problem;
    std::string recovery_code;        // recovery_code: the code; recovering: as typed
    std::string recovery_code_problem;
    bool code_kept = false;
    std::string problem;              // why the last attempt failed
    int wait_seconds = 0;             // unlocking: how long before the next try
    bool elsewhere = false;           // unlocking: the profile is open in another tab, which unlocking here stops
    std::string working_text;         // working: what is being done
    float progress = 0;               // working: 0 to 1, an estimate
};

// The colour of profile colour `index` (0 to 7), as ImGui's packed ABGR.
unsigned profile_colour(int index);

// Draws the stage of `view` over the whole window, appending commands.
void draw_vault_screen(const VaultView& view, const Fonts& fonts, std::vector<Command>& commands);

}  // namespace tandem::ui
