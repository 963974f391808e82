#include "emulator/core/pattern_cache.h"

#include <array>
#include <map>
#include <memory>
#include <mutex>
#include <regex>
#include <shared_mutex>

namespace conform::emulator {
namespace {

struct Compiled {
  std::unique_ptr<std::regex> whole;   // null when the pattern does not compile
  bool has_class = false;                // the pattern is one "[...]+" / "[...]*" class
  std::array<bool, 256> in_class{};       // bytes that class accepts, for long values
};

std::shared_ptr<const Compiled> compile(const std::string& pattern) {
  auto c = std::make_shared<Compiled>();
  try {
    c->whole = std::make_unique<std::regex>(pattern, std::regex::ECMAScript | std::regex::optimize);
  } catch (const std::exception&) {
    c->whole.reset();
  }
  std::string p = pattern;
  if (!p.empty() && p.front() == '^') p.erase(0, 1);
  if (!p.empty() && p.back() == '$') p.pop_back();
  bool repeated = p.size() >= 2 && (p.back() == '+' || p.back() == '*');
  bool bracket = p.size() > 2 && p.front() == '[' && p[p.size() - 2] == ']' && p.find(']', 1) == p.size() - 2;
  bool dot = p.size() == 2 && p.front() == '.';
  if (repeated && (bracket || dot)) {
    try {
      std::regex one(p.substr(0, p.size() - 1), std::regex::ECMAScript);
      for (int b = 0; b < 256; ++b) c->in_class[b] = std::regex_match(std::string(1, static_cast<char>(b)), one);
      c->has_class = true;
    } catch (const std::exception&) {
      c->has_class = false;
    }
  }
  return c;
}

std::shared_ptr<const Compiled> lookup(const std::string& pattern) {
  static std::shared_mutex mutex;
  static std::map<std::string, std::shared_ptr<const Compiled>> cache;
  {
    std::shared_lock lock(mutex);
    auto it = cache.find(pattern);
    if (it != cache.end()) return it->second;
  }
  auto compiled = compile(pattern);
  std::unique_lock lock(mutex);
  return cache.emplace(pattern, compiled).first->second;
}

}  // namespace

bool matches_whole(const std::string& pattern, const std::string& value) {
  auto c = lookup(pattern);
  if (!c->whole) return true;
  try {
    if (value.size() <= kMaxPatternInput) return std::regex_match(value, *c->whole);
    if (!c->has_class) return false;
    // Long value: every byte must match the repeated class on its own (ASCII classes in practice).
    for (char ch : value)
      if (!c->in_class[static_cast<unsigned char>(ch)]) return false;
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace conform::emulator
