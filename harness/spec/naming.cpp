// Naming conventions of AWS models (see naming.h).
#include "harness/spec/naming.h"

#include <algorithm>
#include <cctype>
#include <regex>

namespace conform::spec::naming {

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string lower_first(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
  return s;
}

bool same_name(const std::string& a, const std::string& b) { return !a.empty() && lower_first(a) == lower_first(b); }

std::pair<std::string, std::string> verb_and_noun(const std::string& operation) {
  if (operation.empty()) return {"", ""};
  size_t i = 1;
  while (i < operation.size() && !std::isupper(static_cast<unsigned char>(operation[i]))) ++i;
  return {operation.substr(0, i), operation.substr(i)};
}

std::string singular(const std::string& noun) {
  std::string n = noun;
  // "DurableExecutionsByFunction": the qualifier after the plural goes.
  for (size_t at = n.find("By"); at != std::string::npos; at = n.find("By", at + 1)) {
    if (at > 0 && n[at - 1] == 's' && at + 2 < n.size() && std::isupper(static_cast<unsigned char>(n[at + 2]))) {
      n.resize(at);
      break;
    }
  }
  if (ends_with(n, "ies")) return n.substr(0, n.size() - 3) + "y";
  if (ends_with(n, "sses")) return n.substr(0, n.size() - 2);
  if (ends_with(n, "s") && !ends_with(n, "ss")) return n.substr(0, n.size() - 1);
  return n;
}

std::string resource_of(const std::string& member) {
  for (const char* suffix : {"Arn", "ARN", "Name", "Id"}) {
    const std::string s = suffix;
    if (ends_with(member, s) && member.size() > s.size()) return lower_first(member.substr(0, member.size() - s.size()));
  }
  return lower_first(member);
}

bool is_identifier_name(const std::string& member) {
  for (const char* suffix : {"Arn", "ARN", "Name", "Id", "Token"})
    if (ends_with(member, suffix)) return true;
  const std::string l = lower_first(member);
  return l == "domain" || l == "name";
}

bool is_page_token_name(const std::string& member) {
  const std::string l = lower_first(member);
  return l == "nextToken" || l == "nextPageToken" || l == "marker";
}

bool is_producer_verb(const std::string& verb) {
  static const std::vector<std::string> verbs = {"Create", "Register", "Start", "Put", "Publish"};
  return std::find(verbs.begin(), verbs.end(), verb) != verbs.end();
}

bool is_not_found_error(const std::string& error) {
  return error.find("DoesNotExist") != std::string::npos || error.find("NotFound") != std::string::npos ||
         error.rfind("UnknownResource", 0) == 0 || error.rfind("NoSuch", 0) == 0;
}

std::vector<const ErrorSpec*> not_found_errors(const Operation& op) {
  std::vector<const ErrorSpec*> out;
  for (const auto& e : op.errors)
    if (is_not_found_error(e.name)) out.push_back(&e);
  return out;
}

const ErrorSpec* not_found_for(const Operation& op, const std::string& member) {
  auto errors = not_found_errors(op);
  if (errors.empty()) return nullptr;
  const std::string resource = resource_of(member);
  for (const auto* e : errors)
    if (lower_first(e->name).rfind(resource, 0) == 0) return e;
  return errors.size() == 1 ? errors.front() : nullptr;
}

std::vector<std::string> referenced_variables(const Json& tmpl) {
  std::vector<std::string> out;
  if (tmpl.is_string()) {
    static const std::regex var(R"(\$\{([A-Za-z][A-Za-z0-9]*)\})");
    const std::string& s = tmpl.get_ref<const std::string&>();
    for (auto it = std::sregex_iterator(s.begin(), s.end(), var); it != std::sregex_iterator(); ++it)
      out.push_back((*it)[1].str());
  } else if (tmpl.is_structured()) {
    for (const auto& e : tmpl) {
      auto more = referenced_variables(e);
      out.insert(out.end(), more.begin(), more.end());
    }
  }
  return out;
}

}  // namespace conform::spec::naming
