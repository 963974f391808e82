#include "fuzz/support/bindings.h"

#include <nlohmann/json.hpp>

#include "fuzz/support/request_script.h"

namespace conform::fuzz {
namespace {

template <typename Keep>
void learn_json(const nlohmann::json& j, std::map<std::string, std::string>& out, int depth, const Keep& keep) {
  if (depth > 8) return;
  if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it) {
      if (keep(it.key())) {
        if (it.value().is_string()) out[it.key()] = it.value().get<std::string>();
        else if (it.value().is_number()) out[it.key()] = it.value().dump();
      }
      learn_json(it.value(), out, depth + 1, keep);
    }
  } else if (j.is_array()) {
    for (const auto& e : j) learn_json(e, out, depth + 1, keep);
  }
}

// Finds the placeholders of `text` as substitute() does: `{{`, then the next `}}`.
template <typename Each>
void scan(std::string_view text, const Each& each) {
  size_t i = 0;
  while (i < text.size()) {
    size_t open = text.find("{{", i);
    if (open == std::string_view::npos) return;
    size_t close = text.find("}}", open + 2);
    if (close == std::string_view::npos) return;
    each(open, close);
    i = close + 2;
  }
}

std::string_view name_of(std::string_view text, size_t open, size_t close, bool* encode) {
  std::string_view name = text.substr(open + 2, close - open - 2);
  *encode = !name.empty() && name.back() == '%';
  if (*encode) name.remove_suffix(1);
  return name;
}

}  // namespace

void for_each_placeholder(std::string_view text, const std::function<void(std::string_view name)>& each) {
  scan(text, [&](size_t open, size_t close) {
    bool encode = false;
    each(name_of(text, open, close, &encode));
  });
}

Bindings::Bindings(const std::vector<ScriptStep>& steps) : filtered_(true) {
  auto add = [this](std::string_view name) { wanted_.emplace(name); };
  for (const auto& step : steps) {
    if (step.is_advance) continue;
    for_each_placeholder(step.target, add);
    for (const auto& [k, v] : step.headers) for_each_placeholder(v, add);
    for_each_placeholder(step.body, add);
  }
}

bool Bindings::body_may_name_a_wanted_key(const std::string& body) const {
  if (!filtered_ || body.find('\\') != std::string::npos) return true;
  for (const auto& name : wanted_) {
    std::string key = "\"" + name + "\"";
    if (body.find(key) != std::string::npos) return true;
  }
  return false;
}

void Bindings::learn(const http::Response& response) {
  if (learns_nothing()) return;
  for (const auto& [k, v] : response.headers.all())
    if (wanted(k)) values_[k] = v;
  if (!body_may_name_a_wanted_key(response.body)) return;
  auto j = nlohmann::json::parse(response.body, nullptr, /*allow_exceptions=*/false);
  if (!j.is_discarded()) learn_json(j, values_, 0, [this](const std::string& key) { return wanted(key); });
}

std::string Bindings::substitute(std::string_view text) const {
  std::string out;
  size_t i = 0;
  scan(text, [&](size_t open, size_t close) {
    out.append(text.substr(i, open - i));
    bool encode = false;
    std::string name(name_of(text, open, close, &encode));
    auto it = values_.find(name);
    if (it != values_.end()) out += encode ? http::percent_encode(it->second) : it->second;
    else out.append(text.substr(open, close + 2 - open));
    i = close + 2;
  });
  out.append(text.substr(i));
  return out;
}

}  // namespace conform::fuzz
