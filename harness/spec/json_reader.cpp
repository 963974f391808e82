// Typed access to spec documents (see json_reader.h).
#include "harness/spec/json_reader.h"

#include <limits>

#include "harness/spec/json_pointer.h"
#include "harness/spec/suggest.h"

namespace conform::spec {

const Json* JsonReader::find(const Json& obj, const std::string& key) const {
  if (!obj.is_object()) return nullptr;
  auto it = obj.find(key);
  return it == obj.end() ? nullptr : &*it;
}

void JsonReader::wrong_type(const std::string& ptr, const std::string& key, const char* expected,
                            const Json& found) const {
  diag_.add(pointer_append(ptr, key), std::string("expected ") + expected + ", found " + found.type_name());
}

std::optional<std::string> JsonReader::string(const Json& obj, const std::string& key, const std::string& ptr) const {
  const Json* v = find(obj, key);
  if (!v || v->is_null()) return std::nullopt;
  if (!v->is_string()) {
    wrong_type(ptr, key, "a string", *v);
    return std::nullopt;
  }
  return v->get<std::string>();
}

std::string JsonReader::string_or(const Json& obj, const std::string& key, const std::string& ptr,
                                  const std::string& def) const {
  return string(obj, key, ptr).value_or(def);
}

bool JsonReader::boolean_or(const Json& obj, const std::string& key, const std::string& ptr, bool def) const {
  const Json* v = find(obj, key);
  if (!v || v->is_null()) return def;
  if (!v->is_boolean()) {
    wrong_type(ptr, key, "true or false", *v);
    return def;
  }
  return v->get<bool>();
}

std::optional<int64_t> JsonReader::integer(const Json& obj, const std::string& key, const std::string& ptr) const {
  const Json* v = find(obj, key);
  if (!v || v->is_null()) return std::nullopt;
  if (v->is_number_unsigned()) {
    if (v->get<uint64_t>() > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
      diag_.add(pointer_append(ptr, key), "the number is too large (the largest allowed is 2^63-1)");
      return std::nullopt;
    }
    return static_cast<int64_t>(v->get<uint64_t>());
  }
  if (v->is_number_integer()) return v->get<int64_t>();
  wrong_type(ptr, key, "an integer", *v);
  return std::nullopt;
}

std::vector<std::string> JsonReader::strings(const Json& obj, const std::string& key, const std::string& ptr) const {
  std::vector<std::string> out;
  const Json* v = array(obj, key, ptr);
  if (!v) return out;
  for (size_t i = 0; i < v->size(); ++i) {
    if ((*v)[i].is_string()) {
      out.push_back((*v)[i].get<std::string>());
    } else {
      diag_.add(pointer_append(pointer_append(ptr, key), i), std::string("expected a string, found ") + (*v)[i].type_name());
    }
  }
  return out;
}

const Json* JsonReader::object(const Json& obj, const std::string& key, const std::string& ptr) const {
  const Json* v = find(obj, key);
  if (!v || v->is_null()) return nullptr;
  if (!v->is_object()) {
    wrong_type(ptr, key, "an object", *v);
    return nullptr;
  }
  return v;
}

const Json* JsonReader::array(const Json& obj, const std::string& key, const std::string& ptr) const {
  const Json* v = find(obj, key);
  if (!v || v->is_null()) return nullptr;
  if (!v->is_array()) {
    wrong_type(ptr, key, "an array", *v);
    return nullptr;
  }
  return v;
}

Provenance JsonReader::provenance_or(const Json& obj, const std::string& key, const std::string& ptr,
                                     Provenance def) const {
  std::optional<std::string> s = string(obj, key, ptr);
  if (!s) return def;
  if (auto p = provenance_from_string(*s)) return *p;
  const std::vector<std::string> names = {"model", "documented", "measured", "emulator", "inferred"};
  diag_.add(pointer_append(ptr, key), "unknown provenance '" + *s + "'" + did_you_mean(*s, names) +
                                          "; expected one of: " + join_names(names));
  return def;
}

}  // namespace conform::spec
