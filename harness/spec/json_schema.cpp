// JSON Schema subset validator (see json_schema.h).
#include "harness/spec/json_schema.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <regex>
#include <set>

#include "harness/spec/json_pointer.h"
#include "harness/spec/suggest.h"

namespace conform::spec {

using Json = nlohmann::ordered_json;

namespace {

constexpr int kMaxDepth = 200;          // schema recursion without progress, or instance nesting
constexpr size_t kMaxPatternInput = 4096;  // longer strings are not matched (libstdc++ regex recursion)

enum class IssueKind { Other, Type, Const };

struct Issue {
  Issue(std::string p, std::string m, IssueKind k = IssueKind::Other, std::string e = "")
      : pointer(std::move(p)), message(std::move(m)), kind(k), expected(std::move(e)) {}
  std::string pointer;
  std::string message;
  IssueKind kind;
  std::string expected;  // Type: the type names; Const: the expected value's text
};

std::string text_of(const Json& v) {
  if (v.is_string()) {
    std::string s = v.get_ref<const std::string&>();
    if (s.size() > 60) s = s.substr(0, 57) + "...";
    return "'" + s + "'";
  }
  if (v.is_object()) return "an object";
  if (v.is_array()) return "an array";
  try {
    return v.dump();
  } catch (...) {
    return "a value";
  }
}

const char* type_name(const Json& v) {
  switch (v.type()) {
    case Json::value_t::null: return "null";
    case Json::value_t::boolean: return "boolean";
    case Json::value_t::object: return "object";
    case Json::value_t::array: return "array";
    case Json::value_t::string: return "string";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned: return "integer";
    case Json::value_t::number_float: return "number";
    default: return "value";
  }
}

std::string with_article(const std::string& type) {
  if (type == "null") return "null";
  if (type == "integer" || type == "object" || type == "array") return "an " + type;
  return "a " + type;
}

bool is_integral(const Json& v) {
  if (v.is_number_integer()) return true;
  if (v.is_number_float()) {
    double d = v.get<double>();
    return std::isfinite(d) && std::floor(d) == d;
  }
  return false;
}

bool has_type(const Json& v, const std::string& t) {
  if (t == "null") return v.is_null();
  if (t == "boolean") return v.is_boolean();
  if (t == "object") return v.is_object();
  if (t == "array") return v.is_array();
  if (t == "string") return v.is_string();
  if (t == "number") return v.is_number();
  if (t == "integer") return is_integral(v);
  return false;
}

size_t code_points(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80) ++n;
  }
  return n;
}

const std::set<std::string> kTypeNames = {"null", "boolean", "object", "array", "number", "integer", "string"};

}  // namespace

struct JsonSchema::Impl {
  Json root;
  std::vector<SchemaViolation> problems;
  std::map<const Json*, std::shared_ptr<std::regex>> regexes;  // pattern nodes and patternProperties keys
  std::map<std::string, std::shared_ptr<std::regex>> key_regexes;  // patternProperties keys
  std::map<std::string, const Json*> refs;                         // "$ref" value -> target

  void compile(const Json& node, const std::string& ptr, int depth);
  std::shared_ptr<std::regex> compile_regex(const std::string& pattern, const std::string& ptr);
  const Json* resolve(const std::string& ref) const;

  void check(const Json& s, const Json& v, const std::string& ptr, std::vector<Issue>& out, int depth) const;
  void check_object(const Json& s, const Json& v, const std::string& ptr, std::vector<Issue>& out, int depth) const;
  void check_array(const Json& s, const Json& v, const std::string& ptr, std::vector<Issue>& out, int depth) const;
  void check_scalar(const Json& s, const Json& v, const std::string& ptr, std::vector<Issue>& out) const;
  void check_branches(const Json& s, const Json& v, const std::string& ptr, std::vector<Issue>& out, int depth) const;
  bool matches(const Json& s, const Json& v, int depth) const {
    std::vector<Issue> issues;
    check(s, v, "", issues, depth);
    return issues.empty();
  }
};

std::shared_ptr<std::regex> JsonSchema::Impl::compile_regex(const std::string& pattern, const std::string& ptr) {
  try {
    return std::make_shared<std::regex>(pattern, std::regex::ECMAScript);
  } catch (const std::exception& e) {
    problems.push_back({ptr, "pattern '" + pattern + "' is not a valid ECMAScript regular expression (" + e.what() + ")"});
    return nullptr;
  }
}

const Json* JsonSchema::Impl::resolve(const std::string& ref) const {
  if (ref.empty() || ref[0] != '#') return nullptr;
  std::string pointer = ref.substr(1);
  if (!is_valid_pointer(pointer)) return nullptr;
  try {
    Json::json_pointer jp(pointer);
    if (!root.contains(jp)) return nullptr;
    return &root.at(jp);
  } catch (...) {
    return nullptr;
  }
}

void JsonSchema::Impl::compile(const Json& node, const std::string& ptr, int depth) {
  if (depth > kMaxDepth) {
    problems.push_back({ptr, "the schema is nested too deeply"});
    return;
  }
  if (node.is_boolean()) return;
  if (!node.is_object()) {
    problems.push_back({ptr, "a schema must be a JSON object (or true/false), found " + std::string(type_name(node))});
    return;
  }
  for (auto it = node.begin(); it != node.end(); ++it) {
    const std::string& key = it.key();
    const Json& value = it.value();
    const std::string child = pointer_append(ptr, key);
    if (key == "$ref") {
      if (!value.is_string()) {
        problems.push_back({child, "$ref must be a string such as '#/$defs/name'"});
      } else if (const Json* target = resolve(value.get<std::string>())) {
        refs[value.get<std::string>()] = target;
      } else {
        problems.push_back({child, "$ref '" + value.get<std::string>() + "' does not name a location in this schema"});
      }
    } else if (key == "pattern") {
      if (!value.is_string()) {
        problems.push_back({child, "pattern must be a string"});
      } else if (auto re = compile_regex(value.get<std::string>(), child)) {
        regexes[&value] = re;
      }
    } else if (key == "type") {
      bool ok = value.is_string() ? kTypeNames.count(value.get<std::string>()) > 0 : value.is_array();
      if (value.is_array()) {
        for (const Json& t : value) ok = ok && t.is_string() && kTypeNames.count(t.get<std::string>()) > 0;
      }
      if (!ok) problems.push_back({child, "type must be one of null, boolean, object, array, number, integer, string (or an array of them)"});
    } else if (key == "properties" || key == "$defs" || key == "definitions" || key == "patternProperties" ||
               key == "dependentSchemas") {
      if (!value.is_object()) {
        problems.push_back({child, key + " must be an object of schemas"});
        continue;
      }
      for (auto p = value.begin(); p != value.end(); ++p) {
        if (key == "patternProperties") {
          if (auto re = compile_regex(p.key(), pointer_append(child, p.key()))) key_regexes[p.key()] = re;
        }
        compile(p.value(), pointer_append(child, p.key()), depth + 1);
      }
    } else if (key == "allOf" || key == "anyOf" || key == "oneOf" || key == "prefixItems" ||
               (key == "items" && value.is_array())) {
      if (!value.is_array()) {
        problems.push_back({child, key + " must be an array of schemas"});
        continue;
      }
      for (size_t i = 0; i < value.size(); ++i) compile(value[i], pointer_append(child, i), depth + 1);
    } else if (key == "items" || key == "additionalProperties" || key == "not" || key == "if" || key == "then" ||
               key == "else" || key == "propertyNames" || key == "contains") {
      compile(value, child, depth + 1);
    } else if (key == "required" || key == "enum") {
      if (!value.is_array()) problems.push_back({child, key + " must be an array"});
    }
  }
}

void JsonSchema::Impl::check(const Json& s, const Json& v, const std::string& ptr, std::vector<Issue>& out,
                             int depth) const {
  if (depth > kMaxDepth) {
    out.push_back({ptr, "the value is nested too deeply to check (or the schema recurses without end)"});
    return;
  }
  if (s.is_boolean()) {
    if (!s.get<bool>()) out.push_back({ptr, "no value is allowed here"});
    return;
  }
  if (!s.is_object()) return;

  if (auto it = s.find("$ref"); it != s.end() && it->is_string()) {
    auto r = refs.find(it->get<std::string>());
    if (r != refs.end()) check(*r->second, v, ptr, out, depth + 1);
  }

  if (auto it = s.find("type"); it != s.end()) {
    std::vector<std::string> types;
    if (it->is_string()) types.push_back(it->get<std::string>());
    if (it->is_array()) {
      for (const Json& t : *it) {
        if (t.is_string()) types.push_back(t.get<std::string>());
      }
    }
    bool ok = types.empty();
    for (const std::string& t : types) ok = ok || has_type(v, t);
    if (!ok) {
      std::string expected;
      for (size_t i = 0; i < types.size(); ++i) {
        if (i) expected += i + 1 == types.size() ? " or " : ", ";
        expected += with_article(types[i]);
      }
      out.push_back({ptr, "expected " + expected + ", found " + with_article(type_name(v)) +
                              (v.is_object() || v.is_array() ? "" : " (" + text_of(v) + ")"),
                     IssueKind::Type, join_names(types, "/")});
      return;  // other keywords would only repeat the type mismatch
    }
  }

  if (auto it = s.find("const"); it != s.end() && v != *it) {
    out.push_back({ptr, "expected " + text_of(*it) + ", found " + text_of(v), IssueKind::Const, text_of(*it)});
  }
  if (auto it = s.find("enum"); it != s.end() && it->is_array()) {
    bool found = false;
    std::vector<std::string> names;
    for (const Json& e : *it) {
      found = found || e == v;
      names.push_back(e.is_string() ? e.get<std::string>() : text_of(e));
    }
    if (!found) {
      std::string hint = v.is_string() ? did_you_mean(v.get<std::string>(), names) : "";
      out.push_back({ptr, text_of(v) + " is not an allowed value" + hint + "; expected one of: " + join_names(names)});
    }
  }

  if (v.is_object()) check_object(s, v, ptr, out, depth);
  if (v.is_array()) check_array(s, v, ptr, out, depth);
  check_scalar(s, v, ptr, out);
  check_branches(s, v, ptr, out, depth);
}

void JsonSchema::Impl::check_object(const Json& s, const Json& v, const std::string& ptr, std::vector<Issue>& out,
                                    int depth) const {
  const Json* props = nullptr;
  if (auto it = s.find("properties"); it != s.end() && it->is_object()) props = &*it;
  const Json* pattern_props = nullptr;
  if (auto it = s.find("patternProperties"); it != s.end() && it->is_object()) pattern_props = &*it;

  std::vector<std::string> missing;
  if (auto it = s.find("required"); it != s.end() && it->is_array()) {
    for (const Json& r : *it) {
      if (r.is_string() && !v.contains(r.get<std::string>())) missing.push_back(r.get<std::string>());
    }
  }
  std::vector<std::string> misspelt;  // missing keys an unknown key is a likely typo of
  if (auto it = s.find("additionalProperties"); it != s.end() && it->is_boolean() && !it->get<bool>()) {
    for (auto k = v.begin(); k != v.end(); ++k) {
      if (props && props->contains(k.key())) continue;
      std::string near = closest_name(k.key(), missing);
      if (!near.empty()) misspelt.push_back(near);
    }
  }
  for (const std::string& m : missing) {
    if (std::find(misspelt.begin(), misspelt.end(), m) == misspelt.end()) {
      out.push_back({ptr, "missing required key '" + m + "'"});
    }
  }
  if (auto it = s.find("dependentRequired"); it != s.end() && it->is_object()) {
    for (auto d = it->begin(); d != it->end(); ++d) {
      if (!v.contains(d.key()) || !d.value().is_array()) continue;
      for (const Json& r : d.value()) {
        if (r.is_string() && !v.contains(r.get<std::string>())) {
          out.push_back({ptr, "key '" + d.key() + "' requires key '" + r.get<std::string>() + "' as well"});
        }
      }
    }
  }
  auto count_limit = [&](const char* key, bool is_min) {
    auto it = s.find(key);
    if (it == s.end() || !it->is_number()) return;
    double limit = it->get<double>();
    double n = static_cast<double>(v.size());
    if (is_min ? n < limit : n > limit) {
      out.push_back({ptr, std::string("the object must have ") + (is_min ? "at least " : "at most ") + it->dump() +
                              " key(s), found " + std::to_string(v.size())});
    }
  };
  count_limit("minProperties", true);
  count_limit("maxProperties", false);

  const Json* additional = nullptr;
  if (auto it = s.find("additionalProperties"); it != s.end()) additional = &*it;
  const Json* names = nullptr;
  if (auto it = s.find("propertyNames"); it != s.end()) names = &*it;

  for (auto it = v.begin(); it != v.end(); ++it) {
    const std::string child = pointer_append(ptr, it.key());
    bool known = false;
    if (props) {
      auto p = props->find(it.key());
      if (p != props->end()) {
        known = true;
        check(*p, it.value(), child, out, depth + 1);
      }
    }
    if (pattern_props) {
      for (auto p = pattern_props->begin(); p != pattern_props->end(); ++p) {
        auto re = key_regexes.find(p.key());
        if (re == key_regexes.end() || it.key().size() > kMaxPatternInput) continue;
        if (std::regex_search(it.key(), *re->second)) {
          known = true;
          check(p.value(), it.value(), child, out, depth + 1);
        }
      }
    }
    if (names) {
      std::vector<Issue> name_issues;
      check(*names, Json(it.key()), child, name_issues, depth + 1);
      for (Issue& i : name_issues) {
        out.push_back({child, "key '" + it.key() + "' is not an allowed name: " + i.message});
      }
    }
    if (!known && additional) {
      if (additional->is_boolean() && !additional->get<bool>()) {
        std::vector<std::string> allowed;
        if (props) {
          for (auto p = props->begin(); p != props->end(); ++p) allowed.push_back(p.key());
        }
        std::string message = "unknown key '" + it.key() + "'" + did_you_mean(it.key(), allowed);
        message += allowed.empty() ? "; no keys are allowed here" : "; allowed keys here: " + join_names(allowed);
        out.push_back({child, message});
      } else {
        check(*additional, it.value(), child, out, depth + 1);
      }
    }
  }
}

void JsonSchema::Impl::check_array(const Json& s, const Json& v, const std::string& ptr, std::vector<Issue>& out,
                                   int depth) const {
  size_t prefix = 0;
  const Json* prefix_items = nullptr;
  if (auto it = s.find("prefixItems"); it != s.end() && it->is_array()) prefix_items = &*it;
  const Json* items = nullptr;
  if (auto it = s.find("items"); it != s.end()) {
    if (it->is_array()) {
      prefix_items = &*it;  // draft-07 tuple form
    } else {
      items = &*it;
    }
  }
  if (prefix_items) {
    prefix = std::min(prefix_items->size(), v.size());
    for (size_t i = 0; i < prefix; ++i) check((*prefix_items)[i], v[i], pointer_append(ptr, i), out, depth + 1);
  }
  if (items) {
    for (size_t i = prefix; i < v.size(); ++i) check(*items, v[i], pointer_append(ptr, i), out, depth + 1);
  }
  if (auto it = s.find("minItems"); it != s.end() && it->is_number() && static_cast<double>(v.size()) < it->get<double>()) {
    out.push_back({ptr, "the array must have at least " + it->dump() + " element(s), found " + std::to_string(v.size())});
  }
  if (auto it = s.find("maxItems"); it != s.end() && it->is_number() && static_cast<double>(v.size()) > it->get<double>()) {
    out.push_back({ptr, "the array must have at most " + it->dump() + " element(s), found " + std::to_string(v.size())});
  }
  if (auto it = s.find("uniqueItems"); it != s.end() && it->is_boolean() && it->get<bool>()) {
    for (size_t i = 0; i < v.size(); ++i) {
      for (size_t j = 0; j < i; ++j) {
        if (v[i] == v[j]) {
          out.push_back({pointer_append(ptr, i), "duplicate of element " + std::to_string(j) + " (" + text_of(v[i]) +
                                                     "); elements must be unique"});
          j = i;
        }
      }
    }
  }
}

void JsonSchema::Impl::check_scalar(const Json& s, const Json& v, const std::string& ptr, std::vector<Issue>& out) const {
  if (v.is_number()) {
    const double x = v.get<double>();
    auto bound = [&](const char* key, bool is_min, bool exclusive) {
      auto it = s.find(key);
      if (it == s.end() || !it->is_number()) return;
      double limit = it->get<double>();
      bool bad = is_min ? (exclusive ? x <= limit : x < limit) : (exclusive ? x >= limit : x > limit);
      if (bad) {
        out.push_back({ptr, "value " + text_of(v) + " must be " + (is_min ? "greater than " : "less than ") +
                                (exclusive ? "" : "or equal to ") + it->dump()});
      }
    };
    bound("minimum", true, false);
    bound("maximum", false, false);
    bound("exclusiveMinimum", true, true);
    bound("exclusiveMaximum", false, true);
  }
  if (v.is_string()) {
    const std::string& str = v.get_ref<const std::string&>();
    const size_t n = code_points(str);
    if (auto it = s.find("minLength"); it != s.end() && it->is_number() && static_cast<double>(n) < it->get<double>()) {
      out.push_back({ptr, "the string must have at least " + it->dump() + " character(s), found " + std::to_string(n)});
    }
    if (auto it = s.find("maxLength"); it != s.end() && it->is_number() && static_cast<double>(n) > it->get<double>()) {
      out.push_back({ptr, "the string must have at most " + it->dump() + " character(s), found " + std::to_string(n)});
    }
    if (auto it = s.find("pattern"); it != s.end() && it->is_string()) {
      auto re = regexes.find(&*it);
      if (re != regexes.end()) {
        bool ok = false;
        if (str.size() <= kMaxPatternInput) {
          try {
            ok = std::regex_search(str, *re->second);
          } catch (...) {
            ok = false;
          }
        }
        if (!ok) out.push_back({ptr, text_of(v) + " does not match the pattern '" + it->get<std::string>() + "'"});
      }
    }
  }
}

void JsonSchema::Impl::check_branches(const Json& s, const Json& v, const std::string& ptr, std::vector<Issue>& out,
                                      int depth) const {
  if (auto it = s.find("allOf"); it != s.end() && it->is_array()) {
    for (const Json& branch : *it) check(branch, v, ptr, out, depth + 1);
  }
  if (auto it = s.find("not"); it != s.end() && matches(*it, v, depth + 1)) {
    out.push_back({ptr, "this value is explicitly not allowed here"});
  }
  if (auto it = s.find("if"); it != s.end()) {
    bool cond = matches(*it, v, depth + 1);
    auto branch = s.find(cond ? "then" : "else");
    if (branch != s.end()) check(*branch, v, ptr, out, depth + 1);
  }
  for (const char* key : {"anyOf", "oneOf"}) {
    auto it = s.find(key);
    if (it == s.end() || !it->is_array() || it->empty()) continue;
    const bool one = std::string(key) == "oneOf";
    std::vector<std::vector<Issue>> results(it->size());
    std::vector<size_t> passing;
    for (size_t i = 0; i < it->size(); ++i) {
      check((*it)[i], v, ptr, results[i], depth + 1);
      if (results[i].empty()) passing.push_back(i);
    }
    if (one && passing.size() > 1) {
      out.push_back({ptr, "the value matches more than one of the allowed forms (" + std::to_string(passing[0]) +
                              " and " + std::to_string(passing[1]) + "); the schema is ambiguous here"});
    }
    if (!passing.empty()) continue;
    // A branch is set aside when it fails on the value's type or on a const discriminator of a key.
    auto set_aside = [&](const std::vector<Issue>& issues) {
      for (const Issue& i : issues) {
        if (i.kind == IssueKind::Type && i.pointer == ptr) return true;
        if (i.kind == IssueKind::Const && (i.pointer == ptr || (i.pointer.rfind(ptr + "/", 0) == 0 &&
                                                                i.pointer.find('/', ptr.size() + 1) == std::string::npos))) {
          return true;
        }
      }
      return false;
    };
    size_t best = results.size();
    for (size_t i = 0; i < results.size(); ++i) {
      if (set_aside(results[i])) continue;
      if (best == results.size() || results[i].size() < results[best].size()) best = i;
    }
    if (best != results.size()) {
      for (Issue& issue : results[best]) out.push_back(issue);
      continue;
    }
    // Every branch was set aside: say which types or discriminator values would have been accepted.
    std::map<std::string, std::vector<std::string>> consts;  // pointer -> expected values
    std::vector<std::string> types;
    for (const auto& r : results) {
      for (const Issue& i : r) {
        if (i.kind == IssueKind::Const) consts[i.pointer].push_back(i.expected);
        if (i.kind == IssueKind::Type && i.pointer == ptr) types.push_back(i.expected);
      }
    }
    if (!consts.empty()) {
      const auto& [where, values] = *consts.begin();
      std::string found = "the value";
      try {
        if (v.contains(Json::json_pointer(where.substr(ptr.size())))) found = text_of(v.at(Json::json_pointer(where.substr(ptr.size()))));
      } catch (...) {
      }
      out.push_back({where, found + " is not an allowed value; expected one of: " + join_names(values)});
    } else {
      out.push_back({ptr, "expected " + join_names(types, " or ") + ", found " + with_article(type_name(v))});
    }
  }
}

JsonSchema::JsonSchema(const Json& schema) {
  auto impl = std::make_shared<Impl>();
  try {
    impl->root = schema;
    if (!schema.is_object() && !schema.is_boolean()) {
      impl->problems.push_back({"", "a schema must be a JSON object (or true/false)"});
    } else {
      impl->compile(impl->root, "", 0);
    }
  } catch (const std::exception& e) {
    impl->problems.push_back({"", std::string("the schema could not be read: ") + e.what()});
  }
  impl_ = impl;
}

const std::vector<SchemaViolation>& JsonSchema::problems() const { return impl_->problems; }

std::vector<SchemaViolation> JsonSchema::validate(const Json& instance) const {
  std::vector<Issue> issues;
  std::vector<SchemaViolation> out;
  try {
    impl_->check(impl_->root, instance, "", issues, 0);
  } catch (const std::exception& e) {
    issues.push_back({"", std::string("the document could not be checked: ") + e.what()});
  }
  std::set<std::pair<std::string, std::string>> seen;
  for (Issue& i : issues) {
    if (seen.insert({i.pointer, i.message}).second) out.push_back({std::move(i.pointer), std::move(i.message)});
  }
  return out;
}

}  // namespace conform::spec
