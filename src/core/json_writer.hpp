#pragma once
// JsonWriter: builds one JSON text, for the test hook and other read-only
// exports. Strings are written as valid JSON whatever bytes they hold: invalid
// UTF-8 becomes U+FFFD. Commas and nesting are tracked; misuse (a value where a
// key is due, unbalanced ends) is a programming error and asserts.

#include <string>
#include <string_view>
#include <vector>

namespace tandem {

class JsonWriter {
public:
    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    // The key of the next member; only inside an object.
    JsonWriter& key(std::string_view name);
    JsonWriter& string(std::string_view text);
    // Non-finite numbers are written as null, which JSON requires.
    JsonWriter& number(double value);
    JsonWriter& boolean(bool value);
    JsonWriter& null();

    // The text so far; complete once every begin has its end.
    const std::string& text() const { return out_; }
    // True when every object and array opened has been closed.
    bool complete() const { return stack_.empty() && !out_.empty(); }

private:
    enum class Scope { object_expect_key, object_expect_value, array };
    void before_value();
    void write_escaped(std::string_view text);

    std::string out_;
    std::vector<Scope> stack_;
    bool first_in_scope_ = true;
};

}  // namespace tandem
