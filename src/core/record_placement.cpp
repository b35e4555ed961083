#include "core/record_placement.hpp"

namespace tandem {

std::optional<FieldIndex> pairing_field(Kind kind) {
    for (const FieldSpec& field : kind_spec(kind).fields)
        if (field.shape.type == FieldType::reference && field.shape.target == Kind::pairing) return field.index;
    return std::nullopt;
}

std::optional<FieldIndex> parent_field(Kind kind) {
    if (pairing_field(kind)) return std::nullopt;
    for (const FieldSpec& field : kind_spec(kind).fields)
        if (field.is_anchor() && field.shape.target != Kind::person) return field.index;
    return std::nullopt;
}

bool pairing_bound(Kind kind) { return kind == Kind::pairing || pairing_field(kind) || parent_field(kind); }

}  // namespace tandem
