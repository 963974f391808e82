#include "harness/diff/rules.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace conform::diff {

namespace {

bool is_name_char(char c) { return c != '.' && c != '['; }

}  // namespace

std::optional<JsonPath> JsonPath::parse(const std::string& text, std::string* error) {
  JsonPath p;
  p.text_ = text;
  if (text.empty() || text[0] != '$') {
    *error = "JSON path '" + text + "' must start with $";
    return std::nullopt;
  }
  size_t i = 1;
  while (i < text.size()) {
    Step step;
    if (text.compare(i, 2, "..") == 0) {
      step.descendant = true;
      i += 2;
    } else if (text[i] == '.') {
      ++i;
    } else if (text[i] != '[') {
      *error = "JSON path '" + text + "': unexpected '" + std::string(1, text[i]) + "' at " + std::to_string(i);
      return std::nullopt;
    }
    if (i < text.size() && text[i] == '[') {
      size_t close = text.find(']', i);
      if (close == std::string::npos) {
        *error = "JSON path '" + text + "': unclosed [";
        return std::nullopt;
      }
      std::string inner = text.substr(i + 1, close - i - 1);
      if (inner.size() >= 2 && (inner.front() == '\'' || inner.front() == '"') && inner.back() == inner.front())
        inner = inner.substr(1, inner.size() - 2);
      step.name = inner;
      i = close + 1;
    } else {
      size_t start = i;
      while (i < text.size() && is_name_char(text[i])) ++i;
      step.name = text.substr(start, i - start);
    }
    if (step.name.empty()) {
      *error = "JSON path '" + text + "': empty step";
      return std::nullopt;
    }
    p.steps_.push_back(step);
  }
  return p;
}

bool JsonPath::match_from(size_t s, const std::vector<std::string>& location, size_t at) const {
  if (s == steps_.size()) return at == location.size();
  const Step& step = steps_[s];
  auto name_ok = [&](size_t k) { return step.name == "*" || step.name == location[k]; };
  if (!step.descendant) return at < location.size() && name_ok(at) && match_from(s + 1, location, at + 1);
  for (size_t k = at; k < location.size(); ++k)
    if (name_ok(k) && match_from(s + 1, location, k + 1)) return true;
  return false;
}

bool JsonPath::matches(const std::vector<std::string>& location) const { return match_from(0, location, 0); }

bool glob_match(const std::string& pattern, const std::string& text) {
  size_t p = 0, t = 0, star = std::string::npos, mark = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = t;
    } else if (p < pattern.size() && pattern[p] == text[t]) {
      ++p;
      ++t;
    } else if (star != std::string::npos) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

std::optional<Rules> rules_from_text(const std::string& text, std::string* error) {
  using Json = nlohmann::json;
  Json doc = Json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    *error = "not a JSON object";
    return std::nullopt;
  }
  Rules rules;
  for (auto it = doc.begin(); it != doc.end(); ++it)
    if (it.key() != "normalise" && it.key() != "accept" && it.key() != "comment") {
      *error = "unknown member '" + it.key() + "' (expected normalise, accept, comment)";
      return std::nullopt;
    }
  auto string_of = [](const Json& j, const char* key, std::string fallback) {
    return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : fallback;
  };
  if (doc.contains("normalise")) {
    if (!doc["normalise"].is_array()) {
      *error = "normalise must be an array";
      return std::nullopt;
    }
    for (const auto& n : doc["normalise"]) {
      if (!n.is_object()) {
        *error = "each normalise entry must be an object";
        return std::nullopt;
      }
      std::string kind = string_of(n, "kind", "value");
      bool kind_ok = !kind.empty() && std::isalpha(static_cast<unsigned char>(kind[0]));
      for (char c : kind) kind_ok = kind_ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '-');
      if (!kind_ok) {
        *error = "normalise kind '" + kind + "' must be letters, digits and '-'";
        return std::nullopt;
      }
      if (n.contains("path") == n.contains("regex")) {
        *error = "each normalise entry needs exactly one of path or regex";
        return std::nullopt;
      }
      if (n.contains("path")) {
        auto path = JsonPath::parse(string_of(n, "path", ""), error);
        if (!path) return std::nullopt;
        rules.paths.push_back({*path, kind});
      } else {
        std::string pattern = string_of(n, "regex", "");
        try {
          rules.regexes.push_back({pattern, std::make_shared<std::regex>(pattern), kind});
        } catch (const std::regex_error& e) {
          *error = "normalise regex '" + pattern + "': " + e.what();
          return std::nullopt;
        }
        if (pattern.empty()) {
          *error = "normalise regex is empty";
          return std::nullopt;
        }
      }
    }
  }
  if (doc.contains("accept")) {
    if (!doc["accept"].is_array()) {
      *error = "accept must be an array";
      return std::nullopt;
    }
    for (const auto& a : doc["accept"]) {
      if (!a.is_object()) {
        *error = "each accept entry must be an object";
        return std::nullopt;
      }
      for (auto it = a.begin(); it != a.end(); ++it) {
        static const std::vector<std::string> known = {"operation", "check", "call", "kind", "path", "reason", "step"};
        if (std::find(known.begin(), known.end(), it.key()) == known.end()) {
          *error = "accept: unknown member '" + it.key() + "'";
          return std::nullopt;
        }
      }
      AcceptedDifference d;
      d.operation = string_of(a, "operation", "*");
      d.check = string_of(a, "check", "*");
      d.call = string_of(a, "call", "*");
      d.kind = string_of(a, "kind", "*");
      d.path = string_of(a, "path", "*");
      d.reason = string_of(a, "reason", "");
      if (a.contains("step")) {
        if (!a["step"].is_number_integer()) {
          *error = "accept: step must be a number";
          return std::nullopt;
        }
        d.step = a["step"].get<int>();
      }
      rules.accepted.push_back(d);
    }
  }
  return rules;
}

std::optional<Rules> load_rules(const std::string& file, std::string* error) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    *error = "--normalise: cannot read " + file;
    return std::nullopt;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  auto rules = rules_from_text(buffer.str(), error);
  if (!rules) *error = "--normalise " + file + ": " + *error;
  return rules;
}

}  // namespace conform::diff
