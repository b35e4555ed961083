#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "core/json_writer.hpp"
#include "core/result.hpp"

using namespace tandem;

TEST_CASE("Result holds a value or a typed error") {
    Result<int, std::string> good = 42;
    REQUIRE(good.ok());
    CHECK(good.value() == 42);

    Result<int, std::string> bad = fail(std::string("too long"));
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error() == "too long");

    Result<void, std::string> done;
    CHECK(done.ok());
    Result<void, std::string> refused = fail(std::string("no"));
    CHECK_FALSE(refused);
    CHECK(refused.error() == "no");
}

TEST_CASE("Result with the same value and error type keeps them apart") {
    Result<std::string, std::string> value = std::string("value");
    Result<std::string, std::string> error = fail(std::string("error"));
    CHECK(value.ok());
    CHECK_FALSE(error.ok());
    CHECK(std::move(value).value() == "value");
}

TEST_CASE("JsonWriter writes nested objects and arrays with commas") {
    JsonWriter json;
    json.begin_object();
    json.key("screen").string("today");
    json.key("sizes").begin_array().number(1).number(2.5).number(-3).end_array();
    json.key("ok").boolean(true);
    json.key("none").null();
    json.key("nested").begin_object().key("empty").begin_array().end_array().end_object();
    json.end_object();
    CHECK(json.complete());
    CHECK(json.text() == R"({"screen":"today","sizes":[1,2.5,-3],"ok":true,"none":null,"nested":{"empty":[]}})");
}

TEST_CASE("JsonWriter escapes quotes, backslashes and control characters") {
    JsonWriter json;
    json.string(std::string("say \"hi\"\\\n\t\x01", 12));
    CHECK(json.text() == R"("say \"hi\"\\\n\t\u0001")");
}

TEST_CASE("JsonWriter keeps valid UTF-8 and replaces invalid bytes") {
    JsonWriter valid;
    valid.string("élève – naïve 😀");
    CHECK(valid.text() == "\"élève – naïve 😀\"");

    JsonWriter invalid;
    // A lone continuation byte, an overlong '/', a UTF-16 surrogate and a truncated sequence.
    invalid.string("a\x80" "b\xC0\xAF" "c\xED\xA0\x80" "d\xE2\x82");
    const std::string r = "\xEF\xBF\xBD";
    CHECK(invalid.text() == "\"a" + r + "b" + r + r + "c" + r + r + r + "d" + r + r + "\"");
}

TEST_CASE("JsonWriter writes non-finite numbers as null") {
    JsonWriter json;
    json.begin_array().number(std::nan("")).number(INFINITY).number(0.1).end_array();
    CHECK(json.text() == "[null,null,0.1]");
}

TEST_CASE("JsonWriter is incomplete until every scope is closed") {
    JsonWriter json;
    CHECK_FALSE(json.complete());
    json.begin_array();
    CHECK_FALSE(json.complete());
    json.end_array();
    CHECK(json.complete());
}
