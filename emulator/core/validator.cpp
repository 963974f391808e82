#include "emulator/core/validator.h"

#include "harness/protocol/coral_text.h"

#include "emulator/core/base64.h"
#include "emulator/core/pattern_cache.h"
#include "emulator/core/utf8.h"
#include "emulator/core/validation_message.h"

namespace conform::emulator {
namespace {

using spec::Json;
using spec::ShapeType;

struct Context {
  const spec::Service& service;
  const FaultSet& faults;
  std::vector<std::string> out;
};

std::string segment(const Context& ctx, const std::string& name) {
  if (!ctx.service.validation.lower_camel_paths || name.empty()) return name;
  std::string s = name;
  if (s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s;
}

std::string join(const std::string& parent, const std::string& child) {
  return parent.empty() ? child : parent + "." + child;
}

std::string enum_text(const std::vector<std::string>& values) {
  std::string s = "[";
  for (size_t i = 0; i < values.size(); ++i) s += (i ? ", " : "") + values[i];
  return s + "]";
}

void report(Context& ctx, const spec::Shape& shape, const std::string& key, const std::string& path,
            const Json* value, std::optional<int64_t> min = std::nullopt, std::optional<int64_t> max = std::nullopt) {
  Violation v;
  v.key = key;
  v.path = path;
  v.value = value ? protocol::coral_value_text(*value) : "null";
  v.sensitive = shape.sensitive && !ctx.faults.has(Fault::SensitiveValueEchoed);
  v.min = min;
  v.max = max;
  v.pattern = shape.pattern_text.value_or(shape.pattern.value_or(""));
  v.enum_text = enum_text(shape.enum_values);
  ctx.out.push_back(render_violation(ctx.service.validation, v));
}

bool skip_pattern(const Context& ctx, const std::string& member_name) {
  return ctx.faults.has(Fault::DurableArnPatternNotEnforced) && ctx.service.name == "lambda" &&
         member_name == "DurableExecutionArn";
}

void check_length(Context& ctx, const spec::Shape& shape, const std::string& path, const Json& value, size_t length,
                  bool is_string) {
  if (!shape.length) return;
  const auto& r = *shape.length;
  if (r.min && static_cast<int64_t>(length) < *r.min) report(ctx, shape, "lengthMin", path, &value, r.min, r.max);
  bool max_enforced = !(is_string && ctx.faults.has(Fault::LengthMaxNotEnforced));
  if (r.max && max_enforced && static_cast<int64_t>(length) > *r.max)
    report(ctx, shape, "lengthMax", path, &value, r.min, r.max);
}

void check_value(Context& ctx, const spec::Shape& shape, const std::string& member_name, const std::string& path,
                 const Json& value);

void check_member(Context& ctx, const spec::Member& m, const std::string& parent, const Json& container) {
  if (!m.shape) return;
  std::string path = join(parent, segment(ctx, m.name));
  auto it = container.find(m.name);
  if (it == container.end() || it->is_null()) {
    if (m.required && !ctx.faults.has(Fault::RequiredNotEnforced)) report(ctx, *m.shape, "required", path, nullptr);
    return;
  }
  check_value(ctx, *m.shape, m.name, path, *it);
}

void check_value(Context& ctx, const spec::Shape& shape, const std::string& member_name, const std::string& path,
                 const Json& value) {
  switch (shape.type) {
    case ShapeType::String: {
      if (!value.is_string()) return;
      const std::string& s = value.get_ref<const std::string&>();
      if (!shape.enum_values.empty()) {
        bool found = false;
        for (const auto& e : shape.enum_values) found = found || e == s;
        if (!found) report(ctx, shape, "enum", path, &value);
      }
      if (shape.pattern && !skip_pattern(ctx, member_name) && !matches_whole(*shape.pattern, s))
        report(ctx, shape, "pattern", path, &value);
      size_t n = ctx.faults.has(Fault::LengthCountedInBytes) ? s.size() : code_points(s);
      check_length(ctx, shape, path, value, n, true);
      return;
    }
    case ShapeType::Blob: {
      if (!value.is_string()) return;
      auto bytes = base64_decode(value.get_ref<const std::string&>());
      check_length(ctx, shape, path, value, bytes ? bytes->size() : 0, false);
      return;
    }
    case ShapeType::Integer:
    case ShapeType::Long:
    case ShapeType::Double: {
      if (!value.is_number() || !shape.range) return;
      double d = value.get<double>();
      if (shape.range->min && d < static_cast<double>(*shape.range->min))
        report(ctx, shape, "rangeMin", path, &value, shape.range->min, shape.range->max);
      if (shape.range->max && d > static_cast<double>(*shape.range->max))
        report(ctx, shape, "rangeMax", path, &value, shape.range->min, shape.range->max);
      return;
    }
    case ShapeType::Structure:
      if (!value.is_object()) return;
      for (const auto& m : shape.members) check_member(ctx, m, path, value);
      return;
    case ShapeType::List: {
      if (!value.is_array()) return;
      check_length(ctx, shape, path, value, value.size(), false);
      if (!shape.element) return;
      size_t i = 0;
      for (const auto& e : value) {
        ++i;
        if (!e.is_null()) check_value(ctx, *shape.element, "", path + "." + std::to_string(i) + ".member", e);
      }
      return;
    }
    case ShapeType::Map: {
      if (!value.is_object()) return;
      check_length(ctx, shape, path, value, value.size(), false);
      if (!shape.element) return;
      for (const auto& [k, e] : value.items())
        if (!e.is_null()) check_value(ctx, *shape.element, "", path + "." + k, e);
      return;
    }
    default:
      return;
  }
}

}  // namespace

std::vector<std::string> validate_input(const spec::Service& service, const spec::Operation& op, const Json& input,
                                        const FaultSet& faults) {
  Context ctx{service, faults, {}};
  static const Json empty = Json::object();
  const Json& in = input.is_object() ? input : empty;
  for (const auto& m : op.input.members) check_member(ctx, m, "", in);
  return std::move(ctx.out);
}

}  // namespace conform::emulator
