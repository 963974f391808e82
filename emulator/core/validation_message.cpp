#include "emulator/core/validation_message.h"

#include <map>

namespace conform::emulator {
namespace {

const std::map<std::string, std::string>& coral_templates() {
  static const std::map<std::string, std::string> t = {
      {"required", "Value null at '${path}' failed to satisfy constraint: Member must not be null"},
      {"required.sensitive", "Value at '${path}' failed to satisfy constraint: Member must not be null"},
      {"lengthMin",
       "Value '${value}' at '${path}' failed to satisfy constraint: Member must have length greater than or equal to ${min}"},
      {"lengthMax",
       "Value '${value}' at '${path}' failed to satisfy constraint: Member must have length less than or equal to ${max}"},
      {"pattern",
       "Value '${value}' at '${path}' failed to satisfy constraint: Member must satisfy regular expression pattern: ${pattern}"},
      {"enum", "Value '${value}' at '${path}' failed to satisfy constraint: Member must satisfy enum value set: ${enum}"},
      {"rangeMin",
       "Value '${value}' at '${path}' failed to satisfy constraint: Member must have value greater than or equal to ${min}"},
      {"rangeMax",
       "Value '${value}' at '${path}' failed to satisfy constraint: Member must have value less than or equal to ${max}"},
  };
  return t;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  if (from.empty()) return s;
  size_t pos = 0;
  while ((pos = s.find(from, pos)) != std::string::npos) {
    s.replace(pos, from.size(), to);
    pos += to.size();
  }
  return s;
}

std::string redact(const std::string& text) {
  std::string out = replace_all(text, "Value '${value}' at", "Value at");
  out = replace_all(out, "Value null at", "Value at");
  return out;
}

std::string template_for(const spec::ValidationStyle& style, const Violation& v) {
  if (v.sensitive) {
    auto it = style.templates.find(v.key + ".sensitive");
    if (it != style.templates.end()) return it->second.text;
    auto plain = style.templates.find(v.key);
    if (plain != style.templates.end()) return redact(plain->second.text);
    auto coral = coral_templates().find(v.key + ".sensitive");
    if (coral != coral_templates().end()) return coral->second;
    auto coral_plain = coral_templates().find(v.key);
    return coral_plain != coral_templates().end() ? redact(coral_plain->second) : "Value at '${path}' is invalid";
  }
  auto it = style.templates.find(v.key);
  if (it != style.templates.end()) return it->second.text;
  auto coral = coral_templates().find(v.key);
  return coral != coral_templates().end() ? coral->second : "Value '${value}' at '${path}' is invalid";
}

// Single pass so substituted text (a value containing "${path}") is never expanded again.
std::string expand(const std::string& tpl, const std::map<std::string, std::string>& vars) {
  std::string out;
  size_t i = 0;
  while (i < tpl.size()) {
    if (tpl[i] == '$' && i + 1 < tpl.size() && tpl[i + 1] == '{') {
      size_t close = tpl.find('}', i + 2);
      if (close != std::string::npos) {
        std::string name = tpl.substr(i + 2, close - i - 2);
        auto it = vars.find(name);
        if (it != vars.end()) {
          out += it->second;
          i = close + 1;
          continue;
        }
        if (name == "*") {
          i = close + 1;
          continue;
        }
      }
    }
    out += tpl[i++];
  }
  return out;
}

}  // namespace

std::string render_violation(const spec::ValidationStyle& style, const Violation& v) {
  std::map<std::string, std::string> vars = {
      {"value", v.value}, {"path", v.path}, {"pattern", v.pattern}, {"enum", v.enum_text}};
  if (v.min) vars["min"] = std::to_string(*v.min);
  if (v.max) vars["max"] = std::to_string(*v.max);
  return expand(template_for(style, v), vars);
}

std::string validation_message(const spec::ValidationStyle& style, const std::vector<std::string>& violations) {
  std::string header = violations.size() == 1 ? style.header_one : style.header_many;
  if (header.empty())
    header = violations.size() == 1 ? "1 validation error detected: " : "${count} validation errors detected: ";
  std::string out = expand(header, {{"count", std::to_string(violations.size())}});
  std::string sep = style.separator.empty() ? "; " : style.separator;
  for (size_t i = 0; i < violations.size(); ++i) {
    if (i) out += sep;
    out += violations[i];
  }
  return out;
}

}  // namespace conform::emulator
