#include "emulator/core/shape_conformance.h"

#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <limits>

#include "emulator/core/base64.h"
#include "emulator/core/utf8.h"

namespace conform::emulator {
namespace {

using spec::Json;
using spec::ShapeType;

const char* json_kind(const Json& v) {
  switch (v.type()) {
    case Json::value_t::null: return "null";
    case Json::value_t::object: return "an object";
    case Json::value_t::array: return "an array";
    case Json::value_t::string: return "a string";
    case Json::value_t::boolean: return "a boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned: return "an integer";
    case Json::value_t::number_float: return "a number";
    default: return "an unsupported value";
  }
}

std::nullopt_t fail(TypeProblem& problem, const std::string& path, const std::string& message) {
  problem.path = path;
  problem.message = message;
  return std::nullopt;
}

std::nullopt_t mismatch(TypeProblem& problem, const std::string& path, const char* expected, const Json& v) {
  return fail(problem, path, std::string("expected ") + expected + " but got " + json_kind(v));
}

bool fits_integer(const Json& v, ShapeType type) {
  if (v.is_number_unsigned()) {
    uint64_t u = v.get<uint64_t>();
    return type == ShapeType::Long ? u <= static_cast<uint64_t>(std::numeric_limits<int64_t>::max())
                                   : u <= static_cast<uint64_t>(std::numeric_limits<int32_t>::max());
  }
  if (v.is_number_integer()) {
    int64_t i = v.get<int64_t>();
    return type == ShapeType::Long ||
           (i >= std::numeric_limits<int32_t>::min() && i <= std::numeric_limits<int32_t>::max());
  }
  return false;
}

// "2025-01-02T03:04:05Z" / "...05.123Z" / "...05+01:00" -> epoch seconds.
std::optional<double> parse_iso8601(const std::string& s) {
  int y, mo, d, h, mi;
  double sec;
  int consumed = 0;
  if (std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d:%lf%n", &y, &mo, &d, &h, &mi, &sec, &consumed) != 6) return std::nullopt;
  std::string rest = s.substr(static_cast<size_t>(consumed));
  int offset = 0;
  if (rest == "Z" || rest == "z") {
    offset = 0;
  } else if (rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':') {
    int oh = std::atoi(rest.substr(1, 2).c_str()), om = std::atoi(rest.substr(4, 2).c_str());
    offset = (rest[0] == '+' ? 1 : -1) * (oh * 3600 + om * 60);
  } else {
    return std::nullopt;
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec < 0 || sec >= 61) return std::nullopt;
  // days from civil (Howard Hinnant's algorithm)
  int yy = y - (mo <= 2);
  int era = (yy >= 0 ? yy : yy - 399) / 400;
  unsigned yoe = static_cast<unsigned>(yy - era * 400);
  unsigned doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  long days = static_cast<long>(era) * 146097 + static_cast<long>(doe) - 719468;
  return static_cast<double>(days) * 86400.0 + h * 3600 + mi * 60 + sec - offset;
}

}  // namespace

std::optional<Json> conform_members(const std::vector<spec::Member>& members, const Json& value,
                                    const std::string& path, TypeProblem& problem) {
  if (!value.is_object()) return mismatch(problem, path, "an object", value);
  Json out = Json::object();
  for (const auto& m : members) {
    auto it = value.find(m.name);
    if (it == value.end() || it->is_null() || !m.shape) continue;
    auto v = conform_to_shape(*m.shape, *it, path.empty() ? m.name : path + "." + m.name, problem);
    if (!v) return std::nullopt;
    out[m.name] = std::move(*v);
  }
  return out;
}

std::optional<Json> conform_to_shape(const spec::Shape& shape, const Json& value, const std::string& path,
                                     TypeProblem& problem) {
  switch (shape.type) {
    case ShapeType::String:
      if (!value.is_string()) return mismatch(problem, path, "a string", value);
      return value;
    case ShapeType::Integer:
    case ShapeType::Long:
      if (!fits_integer(value, shape.type))
        return value.is_number() ? fail(problem, path, "number out of range or not integral")
                                 : mismatch(problem, path, "an integer", value);
      return value;
    case ShapeType::Double:
      if (!value.is_number()) return mismatch(problem, path, "a number", value);
      return value;
    case ShapeType::Boolean:
      if (!value.is_boolean()) return mismatch(problem, path, "a boolean", value);
      return value;
    case ShapeType::Timestamp:
      if (!value.is_number()) return mismatch(problem, path, "a timestamp (epoch seconds)", value);
      return value;
    case ShapeType::Blob:
      if (!value.is_string()) return mismatch(problem, path, "a base64 string", value);
      if (!base64_decode(value.get_ref<const std::string&>())) return fail(problem, path, "invalid base64 text");
      return value;
    case ShapeType::Structure:
      return conform_members(shape.members, value, path, problem);
    case ShapeType::List: {
      if (!value.is_array()) return mismatch(problem, path, "an array", value);
      Json out = Json::array();
      size_t index = 0;
      for (const auto& e : value) {
        ++index;
        if (e.is_null() || !shape.element) {
          out.push_back(e);
          continue;
        }
        auto v = conform_to_shape(*shape.element, e, path + "." + std::to_string(index) + ".member", problem);
        if (!v) return std::nullopt;
        out.push_back(std::move(*v));
      }
      return out;
    }
    case ShapeType::Map: {
      if (!value.is_object()) return mismatch(problem, path, "an object", value);
      Json out = Json::object();
      for (const auto& [k, e] : value.items()) {
        if (e.is_null() || !shape.element) {
          out[k] = e;
          continue;
        }
        auto v = conform_to_shape(*shape.element, e, path + "." + k, problem);
        if (!v) return std::nullopt;
        out[k] = std::move(*v);
      }
      return out;
    }
  }
  return fail(problem, path, "unsupported shape");
}

std::optional<Json> from_text(const spec::Shape& shape, const std::string& text, const std::string& path,
                              TypeProblem& problem) {
  if (!valid_utf8(text)) return fail(problem, path, "invalid UTF-8");
  switch (shape.type) {
    case ShapeType::String: return Json(text);
    case ShapeType::Integer:
    case ShapeType::Long: {
      if (text.empty()) return fail(problem, path, "expected an integer but got ''");
      errno = 0;
      char* end = nullptr;
      long long v = std::strtoll(text.c_str(), &end, 10);
      if (errno != 0 || end != text.c_str() + text.size() || text[0] == ' ' || text[0] == '+')
        return fail(problem, path, "expected an integer but got '" + text + "'");
      Json j = static_cast<int64_t>(v);
      if (!fits_integer(j, shape.type)) return fail(problem, path, "integer out of range: " + text);
      return j;
    }
    case ShapeType::Double: {
      errno = 0;
      char* end = nullptr;
      double v = std::strtod(text.c_str(), &end);
      if (text.empty() || errno != 0 || end != text.c_str() + text.size() || !std::isfinite(v))
        return fail(problem, path, "expected a number but got '" + text + "'");
      return Json(v);
    }
    case ShapeType::Boolean:
      if (text == "true") return Json(true);
      if (text == "false") return Json(false);
      return fail(problem, path, "expected true or false but got '" + text + "'");
    case ShapeType::Timestamp: {
      char* end = nullptr;
      double v = std::strtod(text.c_str(), &end);
      if (!text.empty() && end == text.c_str() + text.size() && std::isfinite(v)) return Json(v);
      if (auto t = parse_iso8601(text)) return Json(*t);
      return fail(problem, path, "expected a timestamp but got '" + text + "'");
    }
    case ShapeType::Blob:
      if (!base64_decode(text)) return fail(problem, path, "invalid base64 text");
      return Json(text);
    default:
      return fail(problem, path, "a " + std::string(spec::to_string(shape.type)) + " cannot travel as text");
  }
}

}  // namespace conform::emulator
