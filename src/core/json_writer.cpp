#include "core/json_writer.hpp"

#include "core/text_symbols.hpp"
#include "core/utf8.hpp"

#include <cassert>
#include <cmath>
#include <cstdio>

namespace tandem {


void JsonWriter::before_value() {
    if (stack_.empty()) {
        assert(out_.empty() && "a JSON text has one top-level value");
        return;
    }
    switch (stack_.back()) {
    case Scope::object_expect_key:
        assert(false && "a member needs key() before its value");
        break;
    case Scope::object_expect_value:
        stack_.back() = Scope::object_expect_key;
        break;
    case Scope::array:
        if (!first_in_scope_) out_ += ',';
        first_in_scope_ = false;
        break;
    }
}

JsonWriter& JsonWriter::begin_object() {
    before_value();
    out_ += '{';
    stack_.push_back(Scope::object_expect_key);
    first_in_scope_ = true;
    return *this;
}

JsonWriter& JsonWriter::end_object() {
    assert(!stack_.empty() && stack_.back() == Scope::object_expect_key);
    stack_.pop_back();
    out_ += '}';
    first_in_scope_ = false;
    return *this;
}

JsonWriter& JsonWriter::begin_array() {
    before_value();
    out_ += '[';
    stack_.push_back(Scope::array);
    first_in_scope_ = true;
    return *this;
}

JsonWriter& JsonWriter::end_array() {
    assert(!stack_.empty() && stack_.back() == Scope::array);
    stack_.pop_back();
    out_ += ']';
    first_in_scope_ = false;
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
    assert(!stack_.empty() && stack_.back() == Scope::object_expect_key);
    if (!first_in_scope_) out_ += ',';
    first_in_scope_ = false;
    write_escaped(name);
    out_ += ':';
    stack_.back() = Scope::object_expect_value;
    return *this;
}

JsonWriter& JsonWriter::string(std::string_view text) {
    before_value();
    write_escaped(text);
    return *this;
}

JsonWriter& JsonWriter::number(double value) {
    if (!std::isfinite(value)) return null();
    before_value();
    char buffer[32];
    const int n = std::snprintf(buffer, sizeof buffer, "%.10g", value);
    assert(n > 0 && static_cast<size_t>(n) < sizeof buffer);
    out_.append(buffer, static_cast<size_t>(n));
    return *this;
}

JsonWriter& JsonWriter::boolean(bool value) {
    before_value();
    out_ += value ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::null() {
    before_value();
    out_ += "null";
    return *this;
}

void JsonWriter::write_escaped(std::string_view text) {
    out_ += '"';
    for (size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        const size_t length = utf8_sequence_length(text, i);
        if (length == 0) {
            out_ += symbols::replacement;  // for a byte that is not valid UTF-8
            ++i;
            continue;
        }
        if (length > 1) {
            out_.append(text.substr(i, length));
            i += length;
            continue;
        }
        switch (c) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
        default:
            if (c < 0x20) {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
                out_ += buffer;
            } else {
                out_ += static_cast<char>(c);
            }
        }
        ++i;
    }
    out_ += '"';
}

}  // namespace tandem
