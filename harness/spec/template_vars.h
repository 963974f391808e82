// The ${name} variables used by spec templates (see specs/README.md, "Templates").
//
// Promises: never throws. template_variables lists the names in order of appearance; an unterminated
// "${" or an empty name is reported through `problem`. for_each_string visits every string in a JSON
// value (keys excluded) with its JSON pointer, in document order.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace conform::spec {

std::vector<std::string> template_variables(const std::string& text, std::string* problem);

void for_each_string(const nlohmann::ordered_json& value, const std::string& pointer,
                     const std::function<void(const std::string& text, const std::string& pointer)>& visit);

// The builtins every template may use: run, seq, uuid, region, account.
const std::vector<std::string>& builtin_variables();
// Probe facts available in message templates: value, path, min, max, pattern, enum, count, *.
const std::vector<std::string>& probe_variables();

}  // namespace conform::spec
