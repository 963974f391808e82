// Valid requests for an operation.
//
// Promises: members bound by the lifecycle (lifecycle.bind keys) are left out: the check fills them from
// a live fixture; so are the lifecycle's `omit` members (references no recipe made, page tokens); every other required member is present and optional members are sometimes absent
// (shrinking toward fewer members and shorter strings). at_bounds() puts every free length-constrained
// string exactly at its min or max length in a chosen alphabet (multibyte included), with every optional
// member present. Values satisfy their shapes (validate.h). The operation must outlive the Gen.
// Deterministic for a seed.
#pragma once

#include <rapidcheck.h>
#include <set>
#include <string>

#include "harness/gen/unicode_string.h"
#include "harness/spec/model.h"

namespace conform::gen {

std::set<std::string> bound_members(const spec::Operation& op);
// What valid inputs leave out: the bound members and the lifecycle's `omit` list.
std::set<std::string> left_out_members(const spec::Operation& op);
// The lifecycle's `omit` list alone (members that are never sent with a made-up value).
std::set<std::string> omitted_members(const spec::Operation& op);

// A valid input object; `skip` members are omitted.
rc::Gen<spec::Json> valid_input(const spec::Operation& op, const std::set<std::string>& skip);
rc::Gen<spec::Json> valid_input(const spec::Operation& op);  // skips left_out_members(op)
// As valid_input(op), with every optional top-level member present.
rc::Gen<spec::Json> valid_input_all_members(const spec::Operation& op);

enum class Bound { Min, Max };
// Every free string member with a length constraint at exactly `bound`, in `alphabet` where the
// member's pattern allows it; other members as valid_input.
rc::Gen<spec::Json> valid_input_at_bounds(const spec::Operation& op, Bound bound, Alphabet alphabet);

}  // namespace conform::gen
