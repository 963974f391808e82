// Template variable extraction (see template_vars.h).
#include "harness/spec/template_vars.h"

#include "harness/spec/json_pointer.h"

namespace conform::spec {

std::vector<std::string> template_variables(const std::string& text, std::string* problem) {
  std::vector<std::string> names;
  size_t pos = 0;
  while ((pos = text.find("${", pos)) != std::string::npos) {
    size_t end = text.find('}', pos + 2);
    if (end == std::string::npos) {
      if (problem) *problem = "'${' is not closed by '}'";
      break;
    }
    std::string name = text.substr(pos + 2, end - pos - 2);
    if (name.empty()) {
      if (problem) *problem = "'${}' names no variable";
    } else {
      names.push_back(name);
    }
    pos = end + 1;
  }
  return names;
}

void for_each_string(const nlohmann::ordered_json& value, const std::string& pointer,
                     const std::function<void(const std::string& text, const std::string& pointer)>& visit) {
  if (value.is_string()) {
    visit(value.get_ref<const std::string&>(), pointer);
  } else if (value.is_array()) {
    for (size_t i = 0; i < value.size(); ++i) for_each_string(value[i], pointer_append(pointer, i), visit);
  } else if (value.is_object()) {
    for (auto it = value.begin(); it != value.end(); ++it) {
      for_each_string(it.value(), pointer_append(pointer, it.key()), visit);
    }
  }
}

const std::vector<std::string>& builtin_variables() {
  static const std::vector<std::string> names = {"run", "seq", "uuid", "region", "account"};
  return names;
}

const std::vector<std::string>& probe_variables() {
  static const std::vector<std::string> names = {"value", "path", "min", "max", "pattern", "enum", "count", "*"};
  return names;
}

}  // namespace conform::spec
