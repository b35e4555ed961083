#pragma once
// ReflectionWriting: the reflection open for writing. A new one becomes a
// record with its first words (a reflection without text is not one); from
// then on its prompt and text are changed as they are typed. Who may read it
// (its author alone, or both partners) may change until it is first in a
// file for the partner (change_visibility).

#include <optional>
#include <string>

#include "app/command_routing.hpp"
#include "app/workspace.hpp"
#include "core/records.hpp"
#include "ui/command.hpp"
#include "ui/reflection_screen.hpp"
#include "ui/shell.hpp"

namespace tandem::app {

class ReflectionWriting {
public:
    using Commands = CommandList<ui::NewReflection, ui::OpenReflection, ui::EditReflection>;

    // A new reflection in the pairing, not written yet, on its screen.
    void apply(Workspace& work, const ui::NewReflection& start);
    void apply(Workspace& work, const ui::OpenReflection& open_it);
    // Keeps what the user chose and typed, creating or changing the record.
    void apply(Workspace& work, const ui::EditReflection& edit);

    static constexpr ui::Screen screen = ui::Screen::reflection;
    // Opens a stored reflection; false if there is none to open.
    bool open(Workspace& work, const RecordId& reflection);
    // The reflection while it is shown; back to Pairings when it is gone.
    void show(Workspace& work, ui::ShellView& view);
    // The reflection shown, once it has been written.
    const std::optional<RecordId>& shown() const { return id_; }

    // The reflection as the screen shows it; nullopt if none is open (or it is gone).
    std::optional<ui::ReflectionView> view(Workspace& work);

private:
    std::optional<RecordId> pairing_;
    std::optional<RecordId> id_;
    int prompt_ = 0;
    bool private_ = false;
    std::string body_, problem_;
};

}  // namespace tandem::app
