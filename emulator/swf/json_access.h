// Tolerant readers for validated SWF input: a member that is absent, null or of another type reads as
// "not sent", so handlers never throw on unexpected JSON.
#pragma once

#include <optional>
#include <string>

#include "harness/spec/model.h"

namespace conform::emulator::swf {

using Json = spec::Json;

inline std::optional<std::string> opt_string(const Json& j, const char* key) {
  if (!j.is_object()) return std::nullopt;
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

inline std::string get_string(const Json& j, const char* key) { return opt_string(j, key).value_or(""); }

inline const Json& member(const Json& j, const char* key) {
  static const Json kNull;
  if (!j.is_object()) return kNull;
  auto it = j.find(key);
  return it == j.end() ? kNull : *it;
}

inline std::optional<int64_t> opt_integer(const Json& j, const char* key) {
  const Json& v = member(j, key);
  if (v.is_number_integer()) return v.get<int64_t>();
  if (v.is_number()) return static_cast<int64_t>(v.get<double>());
  return std::nullopt;
}

inline bool get_bool(const Json& j, const char* key) {
  const Json& v = member(j, key);
  return v.is_boolean() && v.get<bool>();
}

// The `name` of a TaskList structure member ({"name": ...}), if sent.
inline std::optional<std::string> task_list_name(const Json& j, const char* key) {
  return opt_string(member(j, key), "name");
}

}  // namespace conform::emulator::swf
