#pragma once
// cereal serialization of records: the generic Record (what bundles carry)
// and every typed struct. Each type is versioned with CEREAL_CLASS_VERSION;
// loaders take the version and refuse what they do not know by throwing
// cereal::Exception, which callers catch at the format boundary (bundle
// parsing). Bytes reach a loader only after they have been authenticated.

#include <cereal/cereal.hpp>
#include <cereal/types/array.hpp>
#include <cereal/types/optional.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/variant.hpp>

#include <concepts>

#include "core/record.hpp"

namespace tandem {

// Fields per record are few; a count above this is a damaged or hostile input.
inline constexpr std::size_t max_serialized_fields = 64;

template <class Archive>
void serialize(Archive& archive, RecordId& id, std::uint32_t /*version*/) {
    archive(id.bytes);
}

template <class Archive>
void serialize(Archive& archive, Stamp& stamp, std::uint32_t /*version*/) {
    archive(stamp.hlc, stamp.site);
}

template <class Archive>
void serialize(Archive& archive, CalendarDate& date, std::uint32_t /*version*/) {
    archive(date.days);
}

template <class Archive>
void save(Archive& archive, const FieldState& field, std::uint32_t /*version*/) {
    archive(field.value, field.stamp, field.base);
}

// Reads what save wrote (cereal's variant layout: an int32 index, then the
// value) itself, so that a text's declared size is checked before any memory
// is set aside for it: no text of any field can be longer than this.
inline constexpr std::uint64_t max_serialized_text_bytes = 4 * static_cast<std::uint64_t>(text_limits::note);

template <class Archive>
void load(Archive& archive, FieldState& field, std::uint32_t /*version*/) {
    std::int32_t index = -1;
    archive(index);
    switch (index) {
        case 0: field.value = std::monostate{}; break;
        case 1: {
            std::int64_t number = 0;
            archive(number);
            field.value = number;
            break;
        }
        case 2: {
            cereal::size_type size = 0;
            archive(cereal::make_size_tag(size));
            if (size > max_serialized_text_bytes) throw cereal::Exception("text too long");
            std::string text(static_cast<std::size_t>(size), '\0');
            archive(cereal::binary_data(text.data(), text.size()));
            field.value = std::move(text);
            break;
        }
        case 3: {
            RecordId id;
            archive(id);
            field.value = id;
            break;
        }
        default: throw cereal::Exception("unknown field value type");
    }
    archive(field.stamp, field.base);
}

template <class Archive>
void serialize(Archive& archive, RecordMeta& meta, std::uint32_t /*version*/) {
    archive(meta.id, meta.created_by, meta.created_at_ms, meta.visibility, meta.deleted);
}

template <class Archive>
void save(Archive& archive, const Record& record, std::uint32_t /*version*/) {
    archive(static_cast<std::uint8_t>(record.kind), record.id, record.created_by, record.created_at_ms,
            static_cast<std::uint8_t>(record.visibility));
    archive(cereal::make_size_tag(static_cast<cereal::size_type>(record.fields.size())));
    for (const FieldState& field : record.fields) archive(field);
}

// Loads a record written by this or another version of Tandem. Fields this
// version does not know are dropped; fields it knows but the writer did not
// are left at their defaults with zero stamps, so any real edit wins over them.
template <class Archive>
void load(Archive& archive, Record& record, std::uint32_t /*version*/) {
    std::uint8_t kind_number = 0, visibility = 0;
    RecordId id, created_by;
    std::int64_t created_at_ms = 0;
    archive(kind_number, id, created_by, created_at_ms, visibility);
    const auto kind = kind_from_number(kind_number);
    if (!kind) throw cereal::Exception("unknown record kind");
    if (visibility > 1) throw cereal::Exception("unknown visibility");
    cereal::size_type count = 0;
    archive(cereal::make_size_tag(count));
    if (count == 0 || count > max_serialized_fields) throw cereal::Exception("bad field count");

    record = Record::blank(*kind);
    record.id = id;
    record.created_by = created_by;
    record.created_at_ms = created_at_ms;
    record.visibility = static_cast<Visibility>(visibility);
    for (cereal::size_type i = 0; i < count; ++i) {
        FieldState field;
        archive(field);
        if (i < record.fields.size()) record.fields[static_cast<std::size_t>(i)] = std::move(field);
    }
}

// Any typed record struct (records.hpp).
template <class T>
concept TypedRecord = requires(T& record) {
    { T::kind } -> std::convertible_to<Kind>;
    record.meta;
};

template <class Archive, TypedRecord T>
void serialize(Archive& archive, T& record, std::uint32_t /*version*/) {
    archive(record.meta);
    T::visit(record, [&](FieldIndex, auto& member) { archive(member); });
}

}  // namespace tandem

CEREAL_CLASS_VERSION(tandem::RecordId, 1)
CEREAL_CLASS_VERSION(tandem::Stamp, 1)
CEREAL_CLASS_VERSION(tandem::CalendarDate, 1)
CEREAL_CLASS_VERSION(tandem::FieldState, 1)
CEREAL_CLASS_VERSION(tandem::RecordMeta, 1)
CEREAL_CLASS_VERSION(tandem::Record, 1)
#define TANDEM_RECORD_VERSION(Type, kind_value, FIELDS) CEREAL_CLASS_VERSION(tandem::Type, 1)
TANDEM_RECORD_TYPES(TANDEM_RECORD_VERSION)
#undef TANDEM_RECORD_VERSION
