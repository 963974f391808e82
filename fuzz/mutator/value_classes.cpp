#include "fuzz/mutator/value_classes.h"

namespace conform::fuzz {
namespace {

size_t pick(Rng& rng, size_t n) { return n == 0 ? 0 : std::uniform_int_distribution<size_t>(0, n - 1)(rng); }

}  // namespace

std::string repeat_char(size_t code_points, int cls) {
  static const char* chars[] = {"a", "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80"};
  const char* c = chars[cls & 3];
  std::string out;
  out.reserve(code_points * 4);
  for (size_t i = 0; i < code_points; ++i) out += c;
  return out;
}

spec::Json boundary_value(const spec::Member& member, Rng& rng) {
  const spec::Shape* shape = member.shape.get();
  if (!shape) return "";
  if (shape->type == spec::ShapeType::String) {
    int64_t lo = shape->length && shape->length->min ? *shape->length->min : 0;
    int64_t hi = shape->length && shape->length->max ? *shape->length->max : lo + 64;
    int64_t candidates[] = {lo - 1, lo, hi, hi + 1, 0, 1};
    int64_t n = candidates[pick(rng, 6)];
    if (n < 0) n = 0;
    if (n > static_cast<int64_t>(kMaxBoundary)) n = kMaxBoundary;
    return repeat_char(static_cast<size_t>(n), static_cast<int>(pick(rng, 4)));
  }
  if (shape->type == spec::ShapeType::Integer || shape->type == spec::ShapeType::Long ||
      shape->type == spec::ShapeType::Double) {
    int64_t lo = shape->range && shape->range->min ? *shape->range->min : 0;
    int64_t hi = shape->range && shape->range->max ? *shape->range->max : 2147483647;
    int64_t candidates[] = {lo - 1, lo, hi, hi + 1, -2147483648LL, 9007199254740993LL};
    return candidates[pick(rng, 6)];
  }
  if (shape->type == spec::ShapeType::List) {
    spec::Json list = spec::Json::array();
    size_t n = pick(rng, 8);
    for (size_t i = 0; i < n; ++i) list.push_back(repeat_char(1 + pick(rng, 3), 0));
    return list;
  }
  return plain_value(member, rng);
}

spec::Json wrong_type_value(const spec::Member& member, Rng& rng) {
  bool is_string = member.shape && member.shape->type == spec::ShapeType::String;
  switch (pick(rng, 7)) {
    case 0: return is_string ? spec::Json(42) : spec::Json("42");
    case 1: return true;
    case 2: return nullptr;
    case 3: return spec::Json::array({1, "x"});
    case 4: return spec::Json::object({{"a", spec::Json::object()}});
    case 5: return 1.5e308;
    default: return -0.0;
  }
}

spec::Json plain_value(const spec::Member& member, Rng& rng) {
  const spec::Shape* shape = member.shape.get();
  if (!shape) return "x";
  if (!shape->enum_values.empty()) return shape->enum_values[pick(rng, shape->enum_values.size())];
  switch (shape->type) {
    case spec::ShapeType::String:
      if (shape->format && *shape->format == "json") return "{}";
      if (member.name == "domain") return "fz-dom-" + std::to_string(1 + pick(rng, 5));
      return "fz-" + member.name;
    case spec::ShapeType::Integer:
    case spec::ShapeType::Long:
      return shape->range && shape->range->min ? *shape->range->min : 1;
    case spec::ShapeType::Double: return 1.5;
    case spec::ShapeType::Boolean: return pick(rng, 2) == 0;
    case spec::ShapeType::Timestamp: return 1700000000;
    case spec::ShapeType::Blob: return "ZnV6eg==";
    case spec::ShapeType::Structure: {
      spec::Json obj = spec::Json::object();
      for (const auto& m : shape->members)
        if (m.required || pick(rng, 2) == 0) obj[m.name] = plain_value(m, rng);
      return obj;
    }
    case spec::ShapeType::List: return spec::Json::array();
    case spec::ShapeType::Map: return spec::Json::object();
  }
  return "x";
}

spec::Json identifier_value(const spec::Member& member, const std::string& placeholder, Rng& rng) {
  switch (pick(rng, 6)) {
    case 0:
    case 1: return "{{" + placeholder + "}}";  // live (or closed, when an earlier step closed it)
    case 2: return "FakeTaskToken";
    case 3:
      if (placeholder == "X-Amz-Durable-Execution-Arn")
        return "arn:aws:lambda:us-east-1:123456789012:function:fz-fn-1:$LATEST/durable-execution/fz-dx-1/"
               "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
      return "arn:aws:states:us-east-1:123456789012:execution:fz-sm-1:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
    case 4: return "{{" + placeholder + "}}x";  // a live value with a forged suffix
    default: return repeat_char(1 + pick(rng, 3), 0) + ":" + repeat_char(1, 3);
  }
}

}  // namespace conform::fuzz
