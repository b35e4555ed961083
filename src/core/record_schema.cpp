// The spec table of every kind, generated from the field lists in records.hpp.

#include <cassert>

#include "core/field_spec.hpp"
#include "core/records.hpp"

namespace tandem {

namespace {

using namespace field_flags;
using namespace shape;

template <class E>
constexpr FieldShape choice_of(unsigned flags = 0) {
    return choice(ChoiceRange<E>::min, ChoiceRange<E>::max, flags);
}

#define TANDEM_FIELD_SPEC(T, name, type, shape_expr, init) FieldSpec{T::fields::name, #name, shape_expr},
#define TANDEM_KIND_FIELDS(Type, kind_value, FIELDS) \
    constexpr FieldSpec kind_value##_fields[] = {FIELDS(TANDEM_FIELD_SPEC, Type)};
TANDEM_RECORD_TYPES(TANDEM_KIND_FIELDS)
#undef TANDEM_KIND_FIELDS
#undef TANDEM_FIELD_SPEC

#define TANDEM_KIND_SPEC(Type, kind_value, FIELDS) \
    KindSpec{Kind::kind_value, kind_value##_fields, Kind::kind_value == Kind::pairing_checkin},
const KindSpec kind_specs[] = {TANDEM_RECORD_TYPES(TANDEM_KIND_SPEC)};
#undef TANDEM_KIND_SPEC

}  // namespace

const KindSpec& kind_spec(Kind kind) {
    const auto number = static_cast<std::size_t>(kind);
    assert(number >= 1 && number <= std::size(kind_specs));
    const KindSpec& spec = kind_specs[number - 1];
    assert(spec.kind == kind);
    return spec;
}

const FieldSpec& KindSpec::field(FieldIndex index) const {
    assert(index >= 1 && index <= fields.size());
    return fields[index - 1u];
}

int cadence_days(Cadence cadence) {
    switch (cadence) {
    case Cadence::weekly: return 7;
    case Cadence::fortnightly: return 14;
    case Cadence::three_weekly: return 21;
    case Cadence::flexible: return 0;
    }
    return 0;
}

}  // namespace tandem
