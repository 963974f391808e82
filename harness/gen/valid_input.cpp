#include "harness/gen/valid_input.h"

#include "harness/gen/pattern_string.h"
#include "harness/gen/shape_value.h"
#include "harness/gen/utf8.h"

namespace conform::gen {

using spec::Json;

std::set<std::string> bound_members(const spec::Operation& op) {
  std::set<std::string> out;
  if (op.lifecycle && op.lifecycle->bind.is_object())
    for (auto it = op.lifecycle->bind.begin(); it != op.lifecycle->bind.end(); ++it) out.insert(it.key());
  return out;
}

std::set<std::string> omitted_members(const spec::Operation& op) {
  if (!op.lifecycle) return {};
  return std::set<std::string>(op.lifecycle->omit.begin(), op.lifecycle->omit.end());
}

std::set<std::string> left_out_members(const spec::Operation& op) {
  std::set<std::string> out = bound_members(op);
  if (op.lifecycle) out.insert(op.lifecycle->omit.begin(), op.lifecycle->omit.end());
  return out;
}

namespace {
rc::Gen<Json> input_gen(const spec::Operation& op, const std::set<std::string>& skip, bool all) {
  const spec::Operation* o = &op;
  return rc::gen::exec([o, skip, all]() {
    Json input = Json::object();
    for (const auto& m : o->input.members) {
      if (skip.count(m.name) || !m.shape) continue;
      bool present = m.required || all || *rc::gen::arbitrary<bool>();
      if (present) input[m.name] = *member_value(m);
    }
    return input;
  });
}
}  // namespace

rc::Gen<Json> valid_input(const spec::Operation& op, const std::set<std::string>& skip) { return input_gen(op, skip, false); }
rc::Gen<Json> valid_input(const spec::Operation& op) { return input_gen(op, left_out_members(op), false); }
rc::Gen<Json> valid_input_all_members(const spec::Operation& op) { return input_gen(op, left_out_members(op), true); }

namespace {
// A string of exactly `n` code points for the shape, trying the alphabet first.
std::optional<std::string> exact_string(const spec::Shape& s, size_t n, Alphabet alphabet) {
  if (!s.pattern && !(s.format && *s.format == "json") && s.enum_values.empty()) return *string_of_length(n, alphabet);
  return *string_of_exact_length(s, n);
}
}  // namespace

rc::Gen<Json> valid_input_at_bounds(const spec::Operation& op, Bound bound, Alphabet alphabet) {
  const spec::Operation* o = &op;
  auto skip = left_out_members(op);
  return rc::gen::exec([o, skip, bound, alphabet]() {
    Json input = Json::object();
    for (const auto& m : o->input.members) {
      if (skip.count(m.name) || !m.shape) continue;
      const spec::Shape& s = *m.shape;
      if (s.type == spec::ShapeType::String && s.length && s.enum_values.empty()) {
        auto limit = bound == Bound::Min ? s.length->min : s.length->max;
        if (limit) {
          size_t n = static_cast<size_t>(std::max<int64_t>(0, *limit));
          if (auto v = exact_string(s, n, alphabet)) {
            // Uri labels and headers cannot carry an empty value: leave those absent when optional.
            bool empty_label = n == 0 && m.location != spec::Location::Body && m.location != spec::Location::Payload;
            if (!empty_label && travels_intact(m, Json(*v))) { input[m.name] = *v; continue; }
            if (empty_label && !m.required) continue;
          }
        }
      }
      input[m.name] = *member_value(m);
    }
    return input;
  });
}

}  // namespace conform::gen
