#include "harness/gen/shape_value.h"

#include "harness/gen/enum_value.h"
#include "harness/gen/json_text.h"
#include "harness/gen/number.h"
#include "harness/gen/pattern_string.h"
#include "harness/gen/unicode_string.h"
#include "harness/gen/utf8.h"

namespace conform::gen {

using spec::Json;
using spec::ShapeType;

namespace {
size_t min_of(const spec::Shape& s) { return s.length && s.length->min ? static_cast<size_t>(std::max<int64_t>(0, *s.length->min)) : 0; }
size_t max_of(const spec::Shape& s, size_t dflt) {
  return s.length && s.length->max ? static_cast<size_t>(std::max<int64_t>(0, *s.length->max)) : std::max(dflt, min_of(s));
}

const char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
std::string base64(const std::vector<uint8_t>& b) {
  std::string out;
  for (size_t i = 0; i < b.size(); i += 3) {
    uint32_t v = b[i] << 16 | (i + 1 < b.size() ? b[i + 1] << 8 : 0) | (i + 2 < b.size() ? b[i + 2] : 0);
    out += kB64[(v >> 18) & 63];
    out += kB64[(v >> 12) & 63];
    out += i + 1 < b.size() ? kB64[(v >> 6) & 63] : '=';
    out += i + 2 < b.size() ? kB64[v & 63] : '=';
  }
  return out;
}
}  // namespace

rc::Gen<std::string> string_value(const spec::Shape& shape) {
  if (!shape.enum_values.empty()) return enum_value(shape.enum_values);
  size_t min = min_of(shape), max = max_of(shape, kDefaultMaxLength);
  if (shape.pattern) return matching_string(*shape.pattern, min, max);
  if (shape.format && *shape.format == "json") return json_text(min, max);
  return unicode_string(min, max);
}

rc::Gen<std::optional<std::string>> string_of_exact_length(const spec::Shape& shape, size_t length) {
  if (!shape.enum_values.empty()) {
    std::vector<std::string> fit;
    for (const auto& v : shape.enum_values)
      if (code_points(v) == length) fit.push_back(v);
    if (fit.empty()) return rc::gen::just(std::optional<std::string>());
    return rc::gen::map(rc::gen::elementOf(fit), [](const std::string& s) { return std::optional<std::string>(s); });
  }
  if (shape.pattern) return matching_string_of_length(*shape.pattern, length);
  if (shape.format && *shape.format == "json") {
    if (length == 0) return rc::gen::just(std::optional<std::string>());
    return rc::gen::map(json_text(length, length), [](const std::string& s) { return std::optional<std::string>(s); });
  }
  return rc::gen::map(rc::gen::mapcat(any_alphabet(), [length](Alphabet a) { return string_of_length(length, a); }),
                      [](const std::string& s) { return std::optional<std::string>(s); });
}

rc::Gen<Json> shape_value(const spec::Shape& shape, int depth) {
  switch (shape.type) {
    case ShapeType::String:
      return rc::gen::map(string_value(shape), [](const std::string& s) { return Json(s); });
    case ShapeType::Integer:
    case ShapeType::Long: {
      auto r = shape.range.value_or(spec::Range{});
      return rc::gen::map(integer_in(r.min, r.max, shape.type == ShapeType::Long), [](int64_t v) { return Json(v); });
    }
    case ShapeType::Double: {
      auto r = shape.range.value_or(spec::Range{});
      return rc::gen::map(double_in(r.min, r.max), [](double v) { return Json(v); });
    }
    case ShapeType::Boolean:
      return rc::gen::map(rc::gen::arbitrary<bool>(), [](bool b) { return Json(b); });
    case ShapeType::Timestamp:
      return rc::gen::map(epoch_seconds(), [](double v) { return Json(v); });
    case ShapeType::Blob: {
      size_t min = min_of(shape), max = max_of(shape, 48);
      return rc::gen::mapcat(boundary_length(min, max, 48), [](size_t n) {
        return rc::gen::map(rc::gen::container<std::vector<uint8_t>>(n, rc::gen::arbitrary<uint8_t>()),
                            [](const std::vector<uint8_t>& b) { return Json(base64(b)); });
      });
    }
    case ShapeType::Structure: {
      const spec::Shape* s = &shape;
      return rc::gen::exec([s, depth]() {
        Json o = Json::object();
        for (const auto& m : s->members) {
          if (!m.shape) continue;
          bool present = m.required || (depth < 3 && *rc::gen::arbitrary<bool>());
          if (present) o[m.name] = *shape_value(*m.shape, depth + 1);
        }
        return o;
      });
    }
    case ShapeType::List:
    case ShapeType::Map: {
      const spec::Shape* s = &shape;
      size_t min = min_of(shape), max = max_of(shape, 3);
      return rc::gen::exec([s, depth, min, max]() {
        size_t n = *boundary_length(min, max, 3);
        Json out = s->type == ShapeType::List ? Json::array() : Json::object();
        for (size_t k = 0; k < n; ++k) {
          Json v = s->element ? *shape_value(*s->element, depth + 1) : Json("x");
          if (s->type == ShapeType::List) out.push_back(std::move(v));
          else out["key" + std::to_string(k)] = std::move(v);
        }
        return out;
      });
    }
  }
  return rc::gen::just(Json());
}

bool travels_intact(const spec::Member& m, const Json& value) {
  // A query list with no element puts nothing on the wire: the service sees the member absent.
  if (m.location == spec::Location::Query && value.is_array() && value.empty()) return false;
  if (m.location != spec::Location::Header || !value.is_string()) return true;
  const std::string& s = value.get_ref<const std::string&>();
  if (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.back() == ' ' || s.back() == '\t')) return false;
  for (unsigned char c : s)
    if (c < 0x20 || c == 0x7f) return false;
  return true;
}

rc::Gen<Json> member_value(const spec::Member& member) {
  if (!member.shape) return rc::gen::just(Json());
  if (member.location != spec::Location::Header && member.location != spec::Location::Query) return shape_value(*member.shape);
  const spec::Member* m = &member;
  return rc::gen::suchThat(shape_value(*member.shape), [m](const Json& v) { return travels_intact(*m, v); });
}

}  // namespace conform::gen
