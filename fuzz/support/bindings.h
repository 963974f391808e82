// Values learned from the emulator's answers for a request script's placeholders (request_script.h):
// `{{name}}` / `{{name%}}` in a step's target, header values or body are replaced by the latest value
// seen for `name` in an earlier answer (a response header, or any JSON key at depth <= 8 whose value is
// a string or a number); `{{name%}}` inserts it percent-encoded; unknown names stay as they are.
//
// Only the names a script's steps use are learned (Bindings(steps)): an answer's body is parsed only
// when it spells one of them as a JSON key (`"name"`) or has an escape (`\`, which could spell a key
// differently). Substitution is the same as learning every name (tests/fuzz/bindings_test.cpp);
// parsing every answer was the largest single share of an execution without sanitizers.
//
// Promises: never throws for any bytes; substitute() is one pass (inserted values are not rescanned).
#pragma once

#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "harness/http/message.h"

namespace conform::fuzz {

struct ScriptStep;

// Calls `each(name)` for every placeholder of `text` in the order substitute() meets them (the name
// without a trailing '%').
void for_each_placeholder(std::string_view text, const std::function<void(std::string_view name)>& each);

class Bindings {
 public:
  // Learns every name (the reference the filtered form is tested against).
  Bindings() = default;
  // Learns only the names the steps' placeholders use.
  explicit Bindings(const std::vector<ScriptStep>& steps);

  bool learns_nothing() const { return filtered_ && wanted_.empty(); }
  void learn(const http::Response& response);
  std::string substitute(std::string_view text) const;
  const std::map<std::string, std::string>& values() const { return values_; }

 private:
  bool wanted(const std::string& name) const { return !filtered_ || wanted_.count(name) > 0; }
  bool body_may_name_a_wanted_key(const std::string& body) const;

  bool filtered_ = false;
  std::set<std::string, std::less<>> wanted_;
  std::map<std::string, std::string> values_;
};

}  // namespace conform::fuzz
