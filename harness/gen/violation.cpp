#include "harness/gen/violation.h"

#include <algorithm>
#include <memory>

#include "harness/gen/enum_value.h"
#include "harness/gen/pattern_string.h"
#include "harness/gen/shape_value.h"
#include "harness/gen/unicode_string.h"
#include "harness/gen/utf8.h"
#include "harness/gen/valid_input.h"
#include "harness/gen/validate.h"

namespace conform::gen {

using spec::Json;
using spec::ShapeType;
using spec::Situation;

std::string ViolationSpec::path() const {
  std::string p;
  for (const auto& k : keys) p += (p.empty() ? "" : ".") + k;
  return p;
}

namespace {

using Offending = rc::Gen<std::optional<Json>>;

Offending some_string(rc::Gen<std::optional<std::string>> g) {
  return rc::gen::map(std::move(g), [](const std::optional<std::string>& s) {
    return s ? std::optional<Json>(Json(*s)) : std::optional<Json>();
  });
}

// The value that breaks `v` (nullopt: no such value for this draw). Missing-required has none.
Offending offending(const ViolationSpec& v) {
  const spec::Shape& s = *v.target->shape;
  const std::string& c = v.constraint;
  if (c == "required") return rc::gen::just(std::optional<Json>());
  if (c == "type") {
    bool scalar = s.type != ShapeType::Structure && s.type != ShapeType::List && s.type != ShapeType::Map;
    return rc::gen::just(std::optional<Json>(scalar ? Json{{"conform", 1}} : Json("conform")));
  }
  if (c == "range.min") return rc::gen::just(std::optional<Json>(Json(*v.limit - 1)));
  if (c == "range.max") return rc::gen::just(std::optional<Json>(Json(*v.limit + 1)));
  if (s.type == ShapeType::List || s.type == ShapeType::Map) {
    int64_t n = c == "length.min" ? *v.limit - 1 : *v.limit + 1;
    const spec::Shape* sp = &s;
    return rc::gen::exec([sp, n]() {
      Json out = sp->type == ShapeType::List ? Json::array() : Json::object();
      for (int64_t k = 0; k < n; ++k) {
        Json e = sp->element ? *shape_value(*sp->element, 2) : Json("x");
        if (sp->type == ShapeType::List) out.push_back(e);
        else out["key" + std::to_string(k)] = e;
      }
      return std::optional<Json>(out);
    });
  }
  if (c == "length.min") return some_string(string_of_exact_length(s, static_cast<size_t>(*v.limit - 1)));
  if (c == "length.max") return some_string(string_of_exact_length(s, static_cast<size_t>(*v.limit + 1)));
  size_t min = s.length && s.length->min ? static_cast<size_t>(*s.length->min) : 0;
  size_t max = s.length && s.length->max ? static_cast<size_t>(*s.length->max) : kDefaultMaxLength;
  if (c == "pattern") return some_string(mismatching_string(*s.pattern, min, max));
  if (c == "enum") {
    return rc::gen::map(enum_near_miss(s.enum_values), [](const std::string& x) { return std::optional<Json>(Json(x)); });
  }
  return rc::gen::just(std::optional<Json>());
}

bool single_violation(const ViolationSpec& v, const Json& value) {
  if (v.constraint == "type" || v.constraint == "required") return true;
  auto found = validate_value(*v.target->shape, value, v.path());
  return found.size() == 1 && found[0].constraint == v.constraint;
}

// Finds an example for a fixed seed; nullopt when this violation cannot be produced alone.
std::optional<Json> probe(const ViolationSpec& v) {
  auto g = offending(v);
  for (uint64_t seed = 1; seed <= 4; ++seed) {
    try {
      auto value = g(rc::Random(seed), 30).value();
      if (value && single_violation(v, *value)) return value;
    } catch (const std::exception&) {
    }
  }
  return std::nullopt;
}

bool is_label(const spec::Member& m) { return m.location == spec::Location::Uri || m.location == spec::Location::Header || m.location == spec::Location::Query; }

void add(std::vector<ViolationSpec>& out, const ViolationSpec& base, Situation sit, const std::string& constraint,
         const std::string& tmpl, std::optional<int64_t> limit, bool needs_example) {
  ViolationSpec v = base;
  v.situation = sit;
  v.constraint = constraint;
  v.template_key = tmpl;
  v.limit = limit;
  if (needs_example) {
    v.example = probe(v);
    if (!v.example) return;
    // A label cannot be empty on the wire (the request would go elsewhere).
    if (is_label(*v.target) && v.example->is_string() && v.example->get_ref<const std::string&>().empty()) return;
    // Nor can a query list be empty (nothing travels: the service sees the member absent).
    if (!travels_intact(*v.target, *v.example)) return;
  }
  out.push_back(std::move(v));
}

void collect(const std::vector<spec::Member>& members, const std::vector<std::string>& prefix, const std::string& top,
             std::vector<ViolationSpec>& out, int depth) {
  for (const auto& m : members) {
    if (!m.shape) continue;
    const spec::Shape& s = *m.shape;
    ViolationSpec base;
    base.member = top.empty() ? m.name : top;
    base.keys = prefix;
    base.keys.push_back(m.name);
    base.target = &m;
    if (m.required && m.location != spec::Location::Uri) add(out, base, Situation::MissingRequired, "required", "required", std::nullopt, false);
    bool stringy = s.type == ShapeType::String && s.enum_values.empty();
    bool counted = stringy || s.type == ShapeType::List || s.type == ShapeType::Map;
    if (counted && s.length) {
      if (s.length->min && *s.length->min > 0)
        add(out, base, Situation::LengthBelowMin, "length.min", "lengthMin", *s.length->min, true);
      if (s.length->max) add(out, base, Situation::LengthAboveMax, "length.max", "lengthMax", *s.length->max, true);
    }
    if (stringy && s.pattern) add(out, base, Situation::PatternMismatch, "pattern", "pattern", std::nullopt, true);
    if (s.type == ShapeType::String && !s.enum_values.empty()) add(out, base, Situation::EnumMismatch, "enum", "enum", std::nullopt, true);
    bool numeric = s.type == ShapeType::Integer || s.type == ShapeType::Long || s.type == ShapeType::Double;
    if (numeric && s.range) {
      if (s.range->min) add(out, base, Situation::RangeViolation, "range.min", "rangeMin", *s.range->min, false);
      if (s.range->max) add(out, base, Situation::RangeViolation, "range.max", "rangeMax", *s.range->max, false);
    }
    if (m.location == spec::Location::Body && prefix.empty()) add(out, base, Situation::WrongType, "type", "type", std::nullopt, false);
    if (s.type == ShapeType::Structure && depth < 3) collect(s.members, base.keys, base.member, out, depth + 1);
  }
}

// Returns the object that holds the last key, creating valid parents on the way.
Json* parent_of(Json& input, const spec::Shape& root, const std::vector<std::string>& keys) {
  Json* cur = &input;
  const spec::Shape* shape = &root;
  for (size_t i = 0; i + 1 < keys.size(); ++i) {
    const spec::Member* m = shape->find_member(keys[i]);
    if (!m || !m->shape) return nullptr;
    if (!cur->contains(keys[i]) || !(*cur)[keys[i]].is_object()) (*cur)[keys[i]] = *shape_value(*m->shape, 1);
    cur = &(*cur)[keys[i]];
    shape = m->shape.get();
  }
  return cur;
}

}  // namespace

std::vector<ViolationSpec> violations_of(const spec::Operation& op) {
  std::vector<ViolationSpec> out;
  collect(op.input.members, {}, "", out, 0);
  return out;
}

namespace {
// The case generator over a shared ViolationSpec: drawing copies neither the spec nor its example
// (which can be a payload-sized string).
rc::Gen<Json> shared_violation_case(const spec::Operation* o, std::shared_ptr<const std::vector<ViolationSpec>> list,
                                    size_t index) {
  return rc::gen::exec([o, list, index]() {
    const ViolationSpec& v = (*list)[index];
    Json input = *valid_input(*o, {});
    std::optional<Json> value = *offending(v);
    if (value && (!single_violation(v, *value) || !travels_intact(*v.target, *value))) value.reset();
    if (!value && v.constraint != "required") value = v.example;
    Json* parent = parent_of(input, o->input, v.keys);
    if (parent) {
      if (v.constraint == "required") parent->erase(v.keys.back());
      else (*parent)[v.keys.back()] = *value;
    }
    Json c = Json::object();
    c["situation"] = spec::to_string(v.situation);
    c["member"] = v.member;
    c["path"] = v.path();
    c["constraint"] = v.constraint;
    c["template"] = v.template_key;
    c["sensitive"] = v.target->shape->sensitive;
    c["location"] = spec::to_string(v.target->location);
    if (v.limit) c["limit"] = *v.limit;
    c["value"] = value ? std::move(*value) : Json(nullptr);
    c["input"] = std::move(input);
    return c;
  });
}
}  // namespace

rc::Gen<Json> violation_case(const spec::Operation& op, const ViolationSpec& v) {
  return shared_violation_case(&op, std::make_shared<const std::vector<ViolationSpec>>(1, v), 0);
}

int64_t offending_length(const ViolationSpec& v) {
  if (!v.limit) return 0;
  if (v.constraint == "length.max") return *v.limit + 1;
  if (v.constraint == "length.min") return *v.limit - 1;
  return 0;
}

std::shared_ptr<const std::vector<ViolationSpec>> ViolationMemo::of(const spec::Operation& op) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (auto it = lists_.find(&op); it != lists_.end()) return it->second;
  }
  auto list = std::make_shared<const std::vector<ViolationSpec>>(violations_of(op));  // outside the lock
  std::lock_guard<std::mutex> lock(mu_);
  return lists_.emplace(&op, std::move(list)).first->second;
}

std::shared_ptr<const std::vector<ViolationSpec>> violations_of(const spec::Operation& op, ViolationMemo* memo) {
  return memo ? memo->of(op) : std::make_shared<const std::vector<ViolationSpec>>(violations_of(op));
}

std::optional<rc::Gen<Json>> any_violation_case(const spec::Operation& op, std::optional<int64_t> max_length,
                                                ViolationMemo* memo) {
  auto list = violations_of(op, memo);
  std::vector<size_t> chosen;
  for (size_t i = 0; i < list->size(); ++i)
    if (!max_length || offending_length((*list)[i]) <= *max_length) chosen.push_back(i);
  if (chosen.empty()) return std::nullopt;
  const spec::Operation* o = &op;
  return rc::gen::mapcat(uniform_in<size_t>(0, chosen.size()),
                         [o, list, chosen](size_t i) { return shared_violation_case(o, list, chosen[i]); });
}

}  // namespace conform::gen
