#pragma once
// Writing a reflection: whether it is for the writer alone or shared with
// their partner (changeable until it is first in a file for them), a prompt
// to start from, and the text. A private reflection is shown as
// unmistakably as a private note.

#include <string>
#include <vector>

#include "core/record_id.hpp"
#include "ui/command.hpp"

namespace tandem::ui {

struct ReflectionView {
    RecordId id;                      // nil until written
    std::string title;                // "Reflection, 2026-11-24"
    std::vector<std::string> prompts; // to choose from; the first is "No prompt"
    int prompt = 0;
    bool private_to_me = false;
    bool privacy_fixed = false;       // shared in a file already: it stays shared
    std::string partner;              // who else reads it when shared ("Ana Kowalska", or "your partner")
    std::string body;                 // as typed
    std::string problem;              // why the text could not be kept; empty otherwise
    std::string author;               // who wrote it, when not the user ("Sam Patel"); empty for the user's own
};

// Draws the screen's body (under its heading), appending the user's requests.
void draw_reflection(const ReflectionView& view, bool read_only, std::vector<Command>& commands);

}  // namespace tandem::ui
