// Test helper: judges an SWF answer against the shipped spec (spec::builtin_specs()): a success body
// against the operation's output shape (required members present, JSON types right, enum values,
// timestamps as epoch-second numbers, no undeclared member), an error against the operation's declared
// errors. Each returns the problems found, empty when the answer conforms.
#pragma once

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "harness/spec/loader.h"
#include "tests/emulator_swf/swf_http.h"

namespace conform::emulator::swf_test {

inline void shape_problems(const spec::Shape& shape, const Json& v, const std::string& path,
                           std::vector<std::string>& out) {
  auto bad = [&](const std::string& what) { out.push_back(path + ": " + what + " (" + v.dump().substr(0, 80) + ")"); };
  switch (shape.type) {
    case spec::ShapeType::String:
      if (!v.is_string()) return bad("not a string");
      if (!shape.enum_values.empty() &&
          std::find(shape.enum_values.begin(), shape.enum_values.end(), v.get<std::string>()) == shape.enum_values.end())
        bad("not in the enum");
      return;
    case spec::ShapeType::Integer:
    case spec::ShapeType::Long:
      if (!v.is_number_integer()) return bad("not an integer");
      if (shape.range && shape.range->min && v.get<int64_t>() < *shape.range->min) bad("below the minimum");
      if (shape.range && shape.range->max && v.get<int64_t>() > *shape.range->max) bad("above the maximum");
      return;
    case spec::ShapeType::Double:
    case spec::ShapeType::Timestamp:
      if (!v.is_number()) bad("not a number");
      return;
    case spec::ShapeType::Boolean:
      if (!v.is_boolean()) bad("not a boolean");
      return;
    case spec::ShapeType::Blob:
      if (!v.is_string()) bad("not base64 text");
      return;
    case spec::ShapeType::List:
      if (!v.is_array()) return bad("not a list");
      for (size_t i = 0; i < v.size(); ++i) shape_problems(*shape.element, v[i], path + "[" + std::to_string(i) + "]", out);
      return;
    case spec::ShapeType::Map:
      if (!v.is_object()) return bad("not a map");
      for (auto it = v.begin(); it != v.end(); ++it) shape_problems(*shape.element, it.value(), path + "." + it.key(), out);
      return;
    case spec::ShapeType::Structure:
      if (!v.is_object()) return bad("not a structure");
      for (const auto& m : shape.members)
        if (m.required && !v.contains(m.name)) out.push_back(path + "." + m.name + ": required member missing");
      for (auto it = v.begin(); it != v.end(); ++it) {
        const spec::Member* m = shape.find_member(it.key());
        if (!m) out.push_back(path + "." + it.key() + ": not a member of the shape");
        else shape_problems(*m->shape, it.value(), path + "." + it.key(), out);
      }
      return;
  }
}

inline const spec::Operation& swf_operation(const std::string& name) {
  const spec::Operation* op = spec::builtin_specs().find_operation("swf", name);
  if (!op) throw std::runtime_error("no spec for swf." + name);
  return *op;
}

// Problems of a 200 answer of `op` (an empty body for an operation without output).
inline std::vector<std::string> output_problems(const std::string& op_name, const HttpAnswer& a) {
  std::vector<std::string> out;
  if (a.status != 200) return {"status " + std::to_string(a.status) + ": " + a.raw.substr(0, 200)};
  const spec::Operation& op = swf_operation(op_name);
  if (!op.output) {
    if (!a.raw.empty() && a.raw != "{}") out.push_back("body of an operation without output: " + a.raw.substr(0, 80));
    return out;
  }
  shape_problems(*op.output, a.body, op_name, out);
  return out;
}

// Problems of an error answer of `op`: status 400, the error declared by the operation (or the service)
// and sent with the service's wire identity.
inline std::vector<std::string> error_problems(const std::string& op_name, const HttpAnswer& a) {
  std::vector<std::string> out;
  if (a.status != 400) out.push_back("status " + std::to_string(a.status));
  std::string type = a.error_type();
  std::string name = type.substr(type.find('#') == std::string::npos ? 0 : type.find('#') + 1);
  if (!spec::builtin_specs().find_error(swf_operation(op_name), name))
    out.push_back(op_name + " does not declare " + type);
  if (a.message().empty() && name != "WorkflowExecutionAlreadyStartedFault") out.push_back("no message");
  return out;
}

}  // namespace conform::emulator::swf_test
