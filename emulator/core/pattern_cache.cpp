#include "emulator/core/pattern_cache.h"

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <regex>
#include <shared_mutex>

#include "harness/gen/regex.h"

namespace conform::emulator {
namespace {

struct Compiled {
  std::unique_ptr<std::regex> whole;   // null when the pattern does not compile
  std::optional<gen::Regex> nfa;       // the same pattern without backtracking, for long values
};

std::shared_ptr<const Compiled> compile(const std::string& pattern) {
  auto c = std::make_shared<Compiled>();
  try {
    c->whole = std::make_unique<std::regex>(pattern, std::regex::ECMAScript | std::regex::optimize);
  } catch (const std::exception&) {
    c->whole.reset();
  }
  c->nfa = gen::Regex::parse(pattern);
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
    if (c->nfa) return c->nfa->full_match(value);  // code points, as AWS counts {m,n}
    return value.size() <= kMaxPatternInput && std::regex_match(value, *c->whole);
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace conform::emulator
