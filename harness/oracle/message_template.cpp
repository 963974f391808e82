#include "harness/oracle/message_template.h"

#include <vector>

namespace conform::oracle {

namespace {

// A template as a sequence of literal pieces separated by wildcards.
struct Parts {
  std::vector<std::string> literals;  // literals[0] * literals[1] * ... (a wildcard between each pair)
};

std::string text_of(const spec::Json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

Parts split(const std::string& tmpl, const fixture::Variables& vars) {
  Parts p;
  p.literals.emplace_back();
  size_t i = 0;
  while (i < tmpl.size()) {
    size_t open = tmpl.find("${", i);
    size_t close = open == std::string::npos ? std::string::npos : tmpl.find('}', open + 2);
    if (close == std::string::npos) {
      p.literals.back() += tmpl.substr(i);
      break;
    }
    p.literals.back() += tmpl.substr(i, open - i);
    std::string name = tmpl.substr(open + 2, close - open - 2);
    const spec::Json* v = name == "*" ? nullptr : vars.get(name);
    if (v) p.literals.back() += text_of(*v);
    else p.literals.emplace_back();  // wildcard
    i = close + 1;
  }
  return p;
}

}  // namespace

bool message_matches(const std::string& tmpl, const std::string& message, const fixture::Variables& vars) {
  Parts p = split(tmpl, vars);
  const auto& L = p.literals;
  if (L.size() == 1) return message == L[0];
  // Greedy leftmost matching is exact for "literal (* literal)*" patterns when the last literal is
  // anchored at the end.
  if (message.compare(0, L[0].size(), L[0]) != 0 || message.size() < L[0].size()) return false;
  size_t pos = L[0].size();
  for (size_t k = 1; k + 1 < L.size(); ++k) {
    size_t at = message.find(L[k], pos);
    if (at == std::string::npos) return false;
    pos = at + L[k].size();
  }
  const std::string& last = L.back();
  if (message.size() < pos + last.size()) return false;
  return message.compare(message.size() - last.size(), last.size(), last) == 0;
}

std::string render_template(const std::string& tmpl, const fixture::Variables& vars) {
  Parts p = split(tmpl, vars);
  std::string out;
  for (size_t k = 0; k < p.literals.size(); ++k) {
    if (k) out += "\u2026";
    out += p.literals[k];
  }
  return out;
}

}  // namespace conform::oracle
