#include "harness/gen/validate.h"

#include <algorithm>

#include "harness/gen/regex.h"
#include "harness/protocol/json_reader.h"
#include "harness/gen/utf8.h"

namespace conform::gen {

using spec::Json;
using spec::ShapeType;

namespace {

std::string join(const std::string& path, const std::string& key) { return path.empty() ? key : path + "." + key; }

// nlohmann's verdict; the reader's fast path first (format-json members carry payloads of up to 1 MB).
bool is_json_text(const std::string& text) { return protocol::parse_json_fast_path(text) || Json::accept(text); }

void check_length(const spec::Shape& s, size_t n, const std::string& path, std::vector<ConstraintViolation>& out) {
  if (!s.length) return;
  if (s.length->min && static_cast<int64_t>(n) < *s.length->min)
    out.push_back({path, "length.min", std::to_string(n) + " < " + std::to_string(*s.length->min)});
  if (s.length->max && static_cast<int64_t>(n) > *s.length->max)
    out.push_back({path, "length.max", std::to_string(n) + " > " + std::to_string(*s.length->max)});
}

void check_range(const spec::Shape& s, double v, const std::string& path, std::vector<ConstraintViolation>& out) {
  if (!s.range) return;
  if (s.range->min && v < static_cast<double>(*s.range->min)) out.push_back({path, "range.min", std::to_string(v)});
  if (s.range->max && v > static_cast<double>(*s.range->max)) out.push_back({path, "range.max", std::to_string(v)});
}

void walk(const spec::Shape& s, const Json& v, const std::string& path, const ValidateOptions& o,
          std::vector<ConstraintViolation>& out) {
  auto type_error = [&](const char* want) { out.push_back({path, "type", std::string("expected ") + want}); };
  switch (s.type) {
    case ShapeType::String: {
      if (!v.is_string()) return type_error("string");
      if (!o.constraints) return;
      const std::string& str = v.get_ref<const std::string&>();
      if (!s.enum_values.empty() && std::find(s.enum_values.begin(), s.enum_values.end(), str) == s.enum_values.end())
        out.push_back({path, "enum", str});
      check_length(s, code_points(str), path, out);
      if (s.pattern && !pattern_matches(*s.pattern, str)) out.push_back({path, "pattern", *s.pattern});
      if (s.format && *s.format == "json" && !is_json_text(str)) out.push_back({path, "format", "not a JSON text"});
      return;
    }
    case ShapeType::Integer:
    case ShapeType::Long: {
      if (o.numbers_as_strings && v.is_string()) return;
      if (!v.is_number_integer()) return type_error("integer");
      if (o.constraints) check_range(s, v.get<double>(), path, out);
      return;
    }
    case ShapeType::Double: {
      if (o.numbers_as_strings && v.is_string()) return;
      if (!v.is_number()) return type_error("number");
      if (o.constraints) check_range(s, v.get<double>(), path, out);
      return;
    }
    case ShapeType::Boolean:
      if (o.numbers_as_strings && v.is_string()) return;
      if (!v.is_boolean()) type_error("boolean");
      return;
    case ShapeType::Timestamp:
      if (!v.is_number() && !v.is_string()) type_error("timestamp (number)");
      return;
    case ShapeType::Blob:
      if (!v.is_string()) type_error("blob (base64 string)");
      return;
    case ShapeType::Structure: {
      if (!v.is_object()) return type_error("object");
      for (const auto& m : s.members) {
        auto it = v.find(m.name);
        bool present = it != v.end() && !it->is_null();
        if (!present) {
          if (m.required) out.push_back({join(path, m.name), "required", "missing"});
          continue;
        }
        if (m.shape) walk(*m.shape, *it, join(path, m.name), o, out);
      }
      return;
    }
    case ShapeType::List: {
      if (!v.is_array()) return type_error("array");
      if (o.constraints) check_length(s, v.size(), path, out);
      for (size_t i = 0; i < v.size() && s.element; ++i)
        walk(*s.element, v[i], path + "[" + std::to_string(i) + "]", o, out);
      return;
    }
    case ShapeType::Map: {
      if (!v.is_object()) return type_error("object (map)");
      if (o.constraints) check_length(s, v.size(), path, out);
      for (auto it = v.begin(); it != v.end() && s.element; ++it) walk(*s.element, it.value(), path + "[" + it.key() + "]", o, out);
      return;
    }
  }
}

}  // namespace

std::vector<ConstraintViolation> validate_value(const spec::Shape& shape, const Json& value, const std::string& path,
                                                ValidateOptions options) {
  std::vector<ConstraintViolation> out;
  walk(shape, value, path, options, out);
  return out;
}

std::vector<ConstraintViolation> validate_input(const spec::Operation& op, const Json& input, ValidateOptions options) {
  return validate_value(op.input, input, "", options);
}

}  // namespace conform::gen
