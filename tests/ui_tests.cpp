#include <doctest/doctest.h>

#include <imgui.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "ui/item_registry.hpp"
#include "ui/key_codes.hpp"
#include "ui/paragraph_editing.hpp"
#include "ui/shell.hpp"
#include "ui/theme.hpp"

using namespace tandem::ui;

namespace {

// A headless ImGui context at the size of a common school laptop screen,
// with the item registry attached.
struct Harness {
    ImGuiContext* context;
    ItemRegistry registry;
    std::vector<Command> commands;

    explicit Harness(bool with_fonts = false) : context(ImGui::CreateContext()) {
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1366, 768);
        io.DeltaTime = 1.0f / 60.0f;
        apply_theme(ImGui::GetStyle());
        if (with_fonts) fonts = load_fonts(io, TANDEM_TEST_FONT_DIR "/Inter-Regular.otf", TANDEM_TEST_FONT_DIR "/Inter-SemiBold.otf");
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        registry.attach(*context);
    }
    ~Harness() {
        registry.detach();
        ImGui::DestroyContext(context);
    }

    template <class Draw>
    void frame(Draw&& draw) {
        ImGui::NewFrame();
        registry.begin_frame();
        draw();
        ImGui::Render();
        registry.end_frame();
    }
    void shell_frame(Screen screen) {
        ShellView view;
        view.screen = screen;
        view.status = {{"SQLite 3.40.1", false}};
        frame([&] { draw_shell(view, fonts, commands); });
    }

    const ItemRecord* find(const std::string& label) const {
        for (const ItemRecord& item : registry.last_frame())
            if (item.label == label) return &item;
        return nullptr;
    }

    // Presses and releases the left mouse button over an item, as a user
    // would, drawing each frame with `frame`.
    template <class Frame>
    void click_with(const ItemRecord& item, Frame&& frame) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2(item.x + item.w / 2, item.y + item.h / 2);
        frame();
        io.MouseDown[0] = true;
        frame();
        io.MouseDown[0] = false;
        frame();
    }
    // The same on the shell showing `screen` and nothing else.
    void click(const ItemRecord& item, Screen screen) {
        click_with(item, [&] { shell_frame(screen); });
    }

    Fonts fonts;
};

}  // namespace

TEST_CASE("the shell lists every screen in the sidebar as a tab, the current one selected") {
    Harness h;
    h.shell_frame(Screen::today);
    std::vector<const ItemRecord*> tabs;
    for (const ItemRecord& item : h.registry.last_frame())
        if (item.role == Role::tab) tabs.push_back(&item);
    REQUIRE(tabs.size() == all_screens().size());
    for (size_t i = 0; i < tabs.size(); ++i) {
        CHECK(tabs[i]->label == all_screens()[i].title);
        CHECK(tabs[i]->enabled);
        CHECK(std::get<bool>(tabs[i]->value) == (all_screens()[i].screen == Screen::today));
        CHECK(tabs[i]->w >= 200);
        CHECK(tabs[i]->h >= 36);  // comfortable for touch
        if (i > 0) CHECK(tabs[i]->y > tabs[i - 1]->y);
    }
}

TEST_CASE("clicking a sidebar entry emits a command to show that screen") {
    Harness h;
    h.shell_frame(Screen::today);
    const ItemRecord* people = h.find("People");
    REQUIRE(people != nullptr);
    const ItemRecord target = *people;
    h.click(target, Screen::today);
    REQUIRE(h.commands.size() == 1);
    CHECK(std::get<NavigateTo>(h.commands[0]).screen == Screen::people);
}

TEST_CASE("items report visible labels, inferred roles, values and the disabled state") {
    Harness h;
    bool agreed = true;
    h.frame([&] {
        ImGui::SetNextWindowPos(ImVec2(10, 10));
        ImGui::SetNextWindowSize(ImVec2(400, 300));
        ImGui::Begin("form");
        ImGui::Button("Save##meeting-form");
        ImGui::Checkbox("Agreed###agreement", &agreed);
        ImGui::BeginDisabled();
        ImGui::Button("Export");
        ImGui::EndDisabled();
        ImGui::End();
    });
    const ItemRecord* save = h.find("Save");
    REQUIRE(save != nullptr);
    CHECK(save->role == Role::button);
    CHECK(save->enabled);
    CHECK(std::holds_alternative<std::monostate>(save->value));
    CHECK(save->x >= 10);
    CHECK(save->y >= 10);

    const ItemRecord* agreement = h.find("Agreed");
    REQUIRE(agreement != nullptr);
    CHECK(agreement->role == Role::checkbox);
    CHECK(std::get<bool>(agreement->value) == true);

    const ItemRecord* exported = h.find("Export");
    REQUIRE(exported != nullptr);
    CHECK_FALSE(exported->enabled);
}

TEST_CASE("items scrolled out of view are not reported, partly visible ones are clipped") {
    Harness h;
    h.frame([&] {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(300, 120));
        ImGui::Begin("list", nullptr, ImGuiWindowFlags_NoTitleBar);
        for (int i = 0; i < 40; ++i) ImGui::Button(("Row " + std::to_string(i)).c_str(), ImVec2(200, 30));
        ImGui::End();
    });
    CHECK(h.find("Row 0") != nullptr);
    CHECK(h.find("Row 39") == nullptr);
    for (const ItemRecord& item : h.registry.last_frame()) CHECK(item.y + item.h <= 120.0f);
}

TEST_CASE("the registry publishes only complete frames") {
    Harness h;
    h.shell_frame(Screen::today);
    const size_t published = h.registry.last_frame().size();
    ImGui::NewFrame();
    h.registry.begin_frame();
    ImGui::Begin("half");
    ImGui::Button("Drawing");
    ImGui::End();
    CHECK(h.registry.last_frame().size() == published);
    ImGui::Render();
    h.registry.end_frame();
    CHECK(h.find("Drawing") != nullptr);
}

TEST_CASE("items as JSON carry the display size and every field") {
    Harness h;
    h.shell_frame(Screen::people);
    const std::string json = h.registry.last_frame_json();
    CHECK(json.rfind(R"({"display":[1366,768],"keyboard":null,"items":[{"label":"Today","role":"tab","x":)", 0) == 0);
    CHECK(json.find(R"("label":"People","role":"tab")") != std::string::npos);
    CHECK(json.find(R"("enabled":true,"value":true})") != std::string::npos);
}

TEST_CASE("a detached registry stops receiving items") {
    Harness h;
    h.registry.detach();
    CHECK(ItemRegistry::current() == nullptr);
    h.shell_frame(Screen::today);
    CHECK(h.registry.last_frame().empty());
}

TEST_CASE("the UI fonts load from the OpenType files, with extended Latin") {
    Harness h(true);
    REQUIRE(h.fonts.body != nullptr);
    REQUIRE(h.fonts.heading != nullptr);
    CHECK(h.fonts.body->FontSize == doctest::Approx(metrics().body_font_size));
    CHECK(h.fonts.body->FindGlyphNoFallback(0x00E9) != nullptr);  // é
    CHECK(h.fonts.body->FindGlyphNoFallback(0x0142) != nullptr);  // ł
    CHECK(h.fonts.body->FindGlyphNoFallback(0x1EC5) != nullptr);  // ễ
    CHECK(h.fonts.body->FindGlyphNoFallback(0x2013) != nullptr);  // –
}

TEST_CASE("a missing font file falls back to ImGui's font instead of failing") {
    ImGuiContext* context = ImGui::CreateContext();
    const Fonts fonts = load_fonts(ImGui::GetIO(), "/nonexistent/a.otf", "/nonexistent/b.otf");
    CHECK(fonts.body == nullptr);
    CHECK(fonts.heading == nullptr);
    CHECK(ImGui::GetIO().Fonts->Fonts.Size == 1);
    ImGui::DestroyContext(context);
}

TEST_CASE("preferences survive a round trip and ignore what they do not know") {
    Preferences preferences;
    preferences.theme = Theme::dark;
    preferences.text_size_percent = 150;
    preferences.screen = Screen::search;
    preferences.sidebar_width = 300;
    CHECK(parse_preferences(format_preferences(preferences)) == preferences);

    CHECK(parse_preferences("") == Preferences{});
    CHECK(parse_preferences("theme=purple\ntext-size=137\nscreen=nowhere\nsidebar=12x\ngarbage") == Preferences{});
    CHECK(parse_preferences("sidebar=9999").sidebar_width == sidebar_width_range.max);
    CHECK(parse_preferences("text-size=125").text_size_percent == 125);
    // Only the first 4 KiB is read.
    CHECK(parse_preferences(std::string(5000, '\n') + "theme=dark").theme == Theme::light);
}

TEST_CASE("text size steps through the offered sizes and stops at the ends") {
    CHECK(step_text_size(100, +1) == 110);
    CHECK(step_text_size(100, -1) == 90);
    CHECK(step_text_size(200, +1) == 200);
    CHECK(step_text_size(80, -1) == 80);
    CHECK(step_text_size(120, +1) == 125);  // an unknown size joins the list
    CHECK(step_text_size(120, -1) == 110);
}

TEST_CASE("the theme scales every size and keeps its colours") {
    Harness h;
    apply_theme(ImGui::GetStyle(), Theme::dark, 2.0f);
    CHECK(current_theme() == Theme::dark);
    CHECK(metrics().body_font_size == doctest::Approx(34.0f));
    CHECK(ImGui::GetStyle().FramePadding.x == doctest::Approx(28.0f));
    CHECK(px(10) == doctest::Approx(20.0f));
    CHECK(ImGui::GetStyle().Colors[ImGuiCol_WindowBg].x < 0.2f);
    apply_theme(ImGui::GetStyle());
    CHECK(metrics().body_font_size == doctest::Approx(17.0f));
    CHECK(ImGui::GetStyle().Colors[ImGuiCol_WindowBg].x > 0.9f);
}

TEST_CASE("fonts are rasterised at the scale, and missing characters show as a square") {
    Harness h(true);
    apply_theme(ImGui::GetStyle(), Theme::light, 1.5f);
    ImGuiIO& io = ImGui::GetIO();
    const Fonts fonts = load_fonts(io, TANDEM_TEST_FONT_DIR "/Inter-Regular.otf", TANDEM_TEST_FONT_DIR "/Inter-SemiBold.otf");
    io.Fonts->Build();
    REQUIRE(fonts.body != nullptr);
    CHECK(fonts.body->FontSize == doctest::Approx(25.5f));
    CHECK(fonts.body->FallbackChar == missing_glyph);
    CHECK(fonts.body->FindGlyphNoFallback(0x03A9) != nullptr);  // Ω
    CHECK(fonts.body->FindGlyphNoFallback(0x0416) != nullptr);  // Ж
    CHECK(fonts.body->FindGlyphNoFallback(0x0142) != nullptr);  // ł
    CHECK(fonts.body->FindGlyph(0x4E2D) == fonts.body->FindGlyphNoFallback(missing_glyph));  // 中
    apply_theme(ImGui::GetStyle());
}

TEST_CASE("the settings screen offers theme and text size choices, and emits them") {
    Harness h(true);
    ShellView view;
    view.screen = Screen::settings;
    h.frame([&] { draw_shell(view, h.fonts, h.commands); });
    const ItemRecord* dark = h.find("Dark");
    REQUIRE(dark != nullptr);
    CHECK(dark->role == Role::radio);
    CHECK(std::get<bool>(dark->value) == false);
    CHECK(h.find("Larger") != nullptr);
    CHECK(h.find("Smaller") != nullptr);
    CHECK(h.find("Reset")->enabled == false);
    for (const ItemRecord& item : h.registry.last_frame()) {
        if (item.role == Role::slider) continue;  // the sidebar's edge is a thin drag strip
        CHECK_MESSAGE(item.h >= 32.0f, item.label);
    }
}

TEST_CASE("a text field reports its visible label and text, and emits what is typed") {
    Harness h(true);
    ShellView view;
    view.screen = Screen::settings;
    view.profile.subject = {"Year 4", ""};
    view.profile.name = {"", "Your partner sees this name, so it cannot be empty."};
    const auto draw = [&] { draw_shell(view, h.fonts, h.commands); };
    h.frame(draw);
    const ItemRecord* name = h.find("Your name");
    REQUIRE(name != nullptr);
    CHECK(name->role == Role::input);
    CHECK(std::get<std::string>(name->value).empty());
    CHECK(name->h >= 32.0f);
    const ItemRecord* subject = h.find("What you teach");
    REQUIRE(subject != nullptr);
    CHECK(std::get<std::string>(subject->value) == "Year 4");
    CHECK(subject->y > name->y + name->h);  // the problem line sits between them
    for (const ItemRecord& item : h.registry.last_frame()) CHECK(item.label.find("##") == std::string::npos);

    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(name->x + name->w / 2, name->y + name->h / 2);
    h.frame(draw);
    io.MouseDown[0] = true;
    h.frame(draw);
    io.MouseDown[0] = false;
    h.frame(draw);
    CHECK(io.WantTextInput);
    CHECK(h.commands.empty());
    io.AddInputCharactersUTF8("\xC5\x81\xC3\xB3" "d\xC5\xBA");  // Łódź
    h.frame(draw);
    REQUIRE(h.commands.size() == 1);
    const auto* edit = std::get_if<EditProfile>(&h.commands.front());
    REQUIRE(edit != nullptr);
    CHECK(edit->field == ProfileField::name);
    CHECK(edit->text == "\xC5\x81\xC3\xB3" "d\xC5\xBA");
    CHECK(std::get<std::string>(h.find("Your name")->value) == edit->text);
}

namespace {
// Draws a frame with a field "Other" and, if asked, a field "Notes"; true
// when "Notes" has the keyboard.
bool notes_frame(Harness& h, bool with_notes) {
    bool active = false;
    h.frame([&] {
        ImGui::SetNextWindowPos(ImVec2(10, 10));
        ImGui::SetNextWindowSize(ImVec2(500, 400));
        ImGui::Begin("form");
        text_field("Other", "", {}, "");
        if (with_notes) {
            text_field("Notes", "", {}, "");
            active = ImGui::IsItemActive();
        }
        ImGui::End();
        drop_focus_request();
    });
    return active;
}
}  // namespace

TEST_CASE("a shortcut's focus request goes to its field, and is dropped when no such field is drawn") {
    {
        Harness h;
        focus_field("Notes");
        notes_frame(h, true);
        CHECK(notes_frame(h, true));  // ImGui gives the keyboard a frame after it is asked
    }
    {
        Harness h;
        focus_field("Notes");
        notes_frame(h, false);  // no Notes field in this frame: the request is dropped
        notes_frame(h, true);
        CHECK_FALSE(notes_frame(h, true));
    }
}

// The "Private to you" mark of the last frame sits just above the field labelled `field`.
void check_marked_private(const Harness& h, const std::string& field) {
    const ItemRecord* mark = h.find("Private to you");
    const ItemRecord* below = h.find(field);
    REQUIRE(mark != nullptr);
    REQUIRE(below != nullptr);
    CHECK(mark->role == Role::label);
    CHECK(mark->y < below->y);
    CHECK(below->y - mark->y < 120.0f);  // the mark belongs to the field beneath it
}

TEST_CASE("private writing is marked \"Private to you\" just above its field, and shared writing is not") {
    Harness h(true);
    ShellView view;
    view.screen = Screen::reflection;
    view.reflection.title = "Reflection, 2026-11-24";
    view.reflection.prompts = {"No prompt"};
    view.reflection.private_to_me = true;
    const auto draw = [&] { draw_shell(view, h.fonts, h.commands); };
    h.frame(draw);
    h.frame(draw);
    check_marked_private(h, "Your reflection");

    view.reflection.private_to_me = false;
    h.frame(draw);
    CHECK(h.find("Private to you") == nullptr);
    REQUIRE(h.find("Your reflection") != nullptr);

    view.screen = Screen::meeting;
    view.meeting.title = "Meeting with Sam Patel";
    h.frame(draw);
    h.frame(draw);
    check_marked_private(h, "Private note");
}

TEST_CASE("with the platform's text area, a paragraph wraps, opens for editing on a click, takes what was typed, and "
          "closes on a click elsewhere") {
    Harness h(true);
    struct PlatformParagraphs {
        PlatformParagraphs() { use_platform_paragraphs(true); }
        ~PlatformParagraphs() { use_platform_paragraphs(false); }
    } platform;
    ShellView view;
    view.screen = Screen::reflection;
    view.reflection.title = "Reflection, 2026-11-24";
    view.reflection.prompts = {"No prompt"};
    std::string body;
    for (int i = 0; i < 40; ++i) body += "Quieter students answered when given time to think. ";
    view.reflection.body = body;
    std::optional<ParagraphRequest> request;
    const auto frame = [&] {
        h.frame([&] { draw_shell(view, h.fonts, h.commands); });
        request = take_paragraph_request();
    };
    frame();
    const ItemRecord* field = h.find("Your reflection");
    REQUIRE(field != nullptr);
    CHECK(std::get<std::string>(field->value) == body);
    CHECK(field->h > ImGui::GetFontSize() * 12);  // wrapped onto more lines than the ten asked for
    CHECK_FALSE(request);

    ImGuiIO& io = ImGui::GetIO();
    const ImVec2 inside(field->x + field->w / 2, field->y + field->h / 2);
    io.MousePos = inside;
    io.MouseDown[0] = true;
    frame();
    io.MouseDown[0] = false;
    REQUIRE(request);
    CHECK(request->replace);
    CHECK(request->caret < body.size());  // where the click was, not the end
    CHECK(request->text == body);
    CHECK(request->x == doctest::Approx(field->x));
    CHECK(request->w == doctest::Approx(field->w));
    const std::uint32_t id = request->id;
    frame();
    REQUIRE(request);
    CHECK_FALSE(request->replace);

    // The browser sends the whole text after each change.
    h.commands.clear();
    deliver_paragraph_text(id, body + "And then?");
    frame();
    REQUIRE(h.commands.size() == 1);
    CHECK(std::get<EditReflection>(h.commands[0]).body == body + "And then?");
    view.reflection.body = body + "And then?";
    deliver_paragraph_text(id + 1, "for another field");  // dropped
    h.commands.clear();
    frame();
    CHECK(h.commands.empty());

    // A click outside the field ends the editing; text sent after that is dropped.
    io.MousePos = ImVec2(field->x + field->w / 2, field->y + field->h + 60);
    io.MouseDown[0] = true;
    frame();
    io.MouseDown[0] = false;
    CHECK_FALSE(request);
    deliver_paragraph_text(id, "late");
    h.commands.clear();
    frame();
    CHECK(h.commands.empty());
    CHECK_FALSE(request);

    // Escape or Tab in the platform's text area closes it too.
    io.MousePos = inside;
    io.MouseDown[0] = true;
    frame();
    io.MouseDown[0] = false;
    REQUIRE(request);
    close_paragraph(request->id);
    frame();
    CHECK_FALSE(request);

    // Typed before the platform's text area has the keyboard: added at the
    // end (Ctrl+J opens the field with its caret there), and sent to the
    // text area with the text.
    view.reflection.body = "Calm start.";
    focus_field("Your reflection");
    for (int i = 0; i < 3 && !request; ++i) frame();  // the keyboard moves there as Tab would
    REQUIRE(request);
    CHECK(request->caret == view.reflection.body.size());
    h.commands.clear();
    io.AddInputCharactersUTF8(" Then");
    frame();
    REQUIRE(h.commands.size() == 1);
    CHECK(std::get<EditReflection>(h.commands[0]).body == "Calm start. Then");
    REQUIRE(request);
    CHECK(request->replace);
    CHECK(request->text == "Calm start. Then");
    CHECK(request->caret == request->text.size());
}

TEST_CASE("Tab and Shift+Tab go through a form's text fields in reading order, paragraphs included, and what is typed "
          "as the keyboard arrives is kept") {
    Harness h(true);
    struct PlatformParagraphs {
        PlatformParagraphs() { use_platform_paragraphs(true); }
        ~PlatformParagraphs() { use_platform_paragraphs(false); }
    } platform;
    ShellView view;
    view.screen = Screen::meeting;
    view.meeting.title = "Meeting with Sam Patel";
    auto field = [](tandem::FieldIndex index, FormFieldType type, const char* label) {
        FormField f;
        f.field = index;
        f.type = type;
        f.label = label;
        return f;
    };
    view.meeting.details.kind = tandem::Kind::meeting;
    view.meeting.details.fields = {field(1, FormFieldType::date, "Date"), field(2, FormFieldType::number, "Length"),
                                   field(3, FormFieldType::choice, "Kind of meeting")};
    view.meeting.details.fields[2].options = {"Planning", "Debrief"};
    view.meeting.conversation.kind = tandem::Kind::meeting;
    view.meeting.conversation.fields = {field(4, FormFieldType::paragraph, "Goal"),
                                        field(5, FormFieldType::paragraph, "Reality"),
                                        field(6, FormFieldType::date, "Next meeting")};
    std::optional<ParagraphRequest> request;
    const auto frame = [&] {
        h.frame([&] { draw_shell(view, h.fonts, h.commands); });
        request = take_paragraph_request();
    };
    ImGuiIO& io = ImGui::GetIO();
    map_imgui_keys(io);
    const auto press_tab = [&](bool shift) {
        io.KeyShift = shift;
        io.KeysDown[io.KeyMap[ImGuiKey_Tab]] = true;
        frame();
        io.KeysDown[io.KeyMap[ImGuiKey_Tab]] = false;
        io.KeyShift = false;
    };
    // What the edits typed into the field labelled `label` ended with, if any.
    const auto typed_into = [&](tandem::FieldIndex index) {
        std::string last;
        for (const Command& command : h.commands)
            if (const auto* edit = std::get_if<EditField>(&command); edit && edit->field == index) last = edit->text;
        return last;
    };
    const auto active_label = [&] {
        const ImGuiID active = ImGui::GetActiveID();
        for (const ItemRecord& item : h.registry.last_frame())
            if (item.id == active) return item.label;
        return std::string();
    };
    frame();
    frame();

    // Into the date: a click; then Tab, typing at once, as a quick typist does.
    const ItemRecord* date = h.find("Date");
    REQUIRE(date != nullptr);
    h.click_with(*date, frame);
    CHECK(active_label() == "Date");
    press_tab(false);
    io.AddInputCharactersUTF8("45");  // arrives in the frame the field is activated
    frame();
    frame();
    CHECK(active_label() == "Length");
    CHECK(typed_into(2) == "45");

    // The drop-down is no tab stop; the paragraph after it is, and takes the keyboard.
    press_tab(false);
    io.AddInputCharactersUTF8("Calm");
    frame();
    REQUIRE(request);
    CHECK(active_label() == "Goal");
    frame();
    CHECK(typed_into(4) == "Calm");

    // Tab in the platform's text area leaves it for the next paragraph.
    close_paragraph(request->id);
    press_tab(false);
    frame();
    REQUIRE(request);
    CHECK(active_label() == "Reality");
    const std::uint32_t reality = request->id;

    // And from the last paragraph to the date after it, then back with Shift+Tab.
    close_paragraph(reality);
    press_tab(false);
    frame();
    CHECK_FALSE(request);
    CHECK(active_label() == "Next meeting");
    press_tab(true);
    frame();
    REQUIRE(request);
    CHECK(request->id == reality);
    CHECK(active_label() == "Reality");
}

namespace {

// The meeting screen with one date field, "Next meeting", holding `date`.
ShellView meeting_with_next_date(std::optional<tandem::CalendarDate> date = std::nullopt) {
    ShellView view;
    view.screen = Screen::meeting;
    view.meeting.title = "Meeting with Sam Patel";
    FormField next;
    next.field = 7;
    next.type = FormFieldType::date;
    next.label = "Next meeting";
    next.date = date;
    view.meeting.details.kind = tandem::Kind::meeting;
    view.meeting.details.fields = {next};
    return view;
}

}  // namespace

TEST_CASE("a field being typed into sends one edit per change, even when the app shows the stored value in other words") {
    Harness h(true);
    ShellView view = meeting_with_next_date();
    const auto frame = [&] { h.frame([&] { draw_shell(view, h.fonts, h.commands); }); };
    ImGuiIO& io = ImGui::GetIO();
    frame();
    frame();
    const ItemRecord* field = h.find("Next meeting");
    REQUIRE(field != nullptr);
    h.click_with(*field, frame);
    h.commands.clear();
    io.AddInputCharactersUTF8("21/12");
    frame();
    REQUIRE(h.commands.size() == 1);
    CHECK(std::get<EditField>(h.commands[0]).text == "21/12");
    // The app stores it and shows it as people read dates; typing goes on.
    view.meeting.details.fields[0].text = "Mon 21 Dec";
    h.commands.clear();
    for (int i = 0; i < 3; ++i) frame();
    CHECK(h.commands.empty());
    CHECK(std::get<std::string>(h.find("Next meeting")->value) == "21/12");
    io.AddInputCharactersUTF8("/2026");
    frame();
    REQUIRE(h.commands.size() == 1);
    CHECK(std::get<EditField>(h.commands[0]).text == "21/12/2026");

    // Once the field is left, it shows what the app stored.
    io.MousePos = ImVec2(field->x + field->w / 2, field->y - 40);
    io.MouseDown[0] = true;
    frame();
    io.MouseDown[0] = false;
    frame();
    view.meeting.details.fields[0].text = "Mon 21 Dec";
    frame();
    CHECK(std::get<std::string>(h.find("Next meeting")->value) == "Mon 21 Dec");
}

TEST_CASE("the calendar beside a date field starts its weeks where the locale does, turns the year, and picks a day") {
    Harness h(true);
    ShellView view = meeting_with_next_date(tandem::CalendarDate::from_ymd(2026, 12, 21));
    view.meeting.details.today = tandem::CalendarDate::from_ymd(2026, 12, 7);
    view.meeting.details.first_weekday = 6;  // Sunday
    const auto frame = [&] { h.frame([&] { draw_shell(view, h.fonts, h.commands); }); };
    frame();
    frame();
    const ItemRecord* button = h.find("Calendar for Next meeting");
    REQUIRE(button != nullptr);
    h.click_with(*button, frame);
    frame();  // a pop-up sizes itself in its first frame, hidden
    frame();
    const ItemRecord* sunday = h.find("Sun 6 Dec 2026");
    const ItemRecord* monday = h.find("Mon 7 Dec 2026");
    REQUIRE(sunday != nullptr);
    REQUIRE(monday != nullptr);
    CHECK(sunday->y == monday->y);
    CHECK(sunday->x < monday->x);  // Sunday is the week's first column
    CHECK(std::get<bool>(h.find("Mon 21 Dec 2026")->value));  // the day stored is marked

    h.click_with(*h.find("Next month"), frame);
    frame();
    REQUIRE(h.find("Fri 1 Jan 2027") != nullptr);
    h.commands.clear();
    h.click_with(*h.find("Fri 1 Jan 2027"), frame);
    REQUIRE(h.commands.size() == 1);
    CHECK(std::get<EditField>(h.commands[0]).text == "2027-01-01");
    frame();
    CHECK(h.find("Fri 1 Jan 2027") == nullptr);  // closed
}
