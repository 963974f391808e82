// User rules for differential runs (`--normalise FILE`): extra normalisers (values at a JSON path, or
// text matching a regex, become numbered references of a kind) and accepted differences (reported,
// but they do not fail the run or lower the parity score).
//
// File (JSON):
//   {"normalise": [{"path": "$..executionArn", "kind": "arn"}, {"regex": "req-[0-9a-f]{8}", "kind": "id"}],
//    "accept": [{"operation": "lambda.*", "check": "*", "call": "*", "kind": "message", "path": "*",
//                "reason": "wording differs"}]}
// JSON paths: `$` the exchange; `.name` or `['name']` a member; `[n]` an element; `*` any member or
// element; `..name` a member at any depth. Locations start with request|response, then body, headers,
// path or query: `$.response.body.taskToken`, `$..startDate`. Accept fields are globs (`*` = anything),
// all optional; `path` matches the difference's JSON pointer ("/stopDate"; "" for status/error/message);
// `step` (a number) restricts to one exchange.
//
// Promises: load_rules never throws; an unreadable file, bad JSON, an unknown member, a bad regex or a
// bad JSON path is an error naming it.
#pragma once

#include <memory>
#include <optional>
#include <regex>
#include <string>
#include <vector>

namespace conform::diff {

// A parsed JSON path; matches a location given as its segments (member names, array indices as text).
class JsonPath {
 public:
  static std::optional<JsonPath> parse(const std::string& text, std::string* error);
  bool matches(const std::vector<std::string>& location) const;
  const std::string& text() const { return text_; }

 private:
  struct Step {
    bool descendant = false;
    std::string name;  // "*" = any
  };
  bool match_from(size_t step, const std::vector<std::string>& location, size_t at) const;
  std::vector<Step> steps_;
  std::string text_;
};

struct PathNormaliser {
  JsonPath path;
  std::string kind;
};

struct RegexNormaliser {
  std::string pattern;
  std::shared_ptr<std::regex> regex;
  std::string kind;
};

struct AcceptedDifference {
  std::string operation = "*", check = "*", call = "*", kind = "*", path = "*", reason;
  std::optional<int> step;
};

struct Rules {
  std::vector<PathNormaliser> paths;
  std::vector<RegexNormaliser> regexes;
  std::vector<AcceptedDifference> accepted;
};

std::optional<Rules> load_rules(const std::string& file, std::string* error);
std::optional<Rules> rules_from_text(const std::string& text, std::string* error);

// '*' matches any run of characters.
bool glob_match(const std::string& pattern, const std::string& text);

}  // namespace conform::diff
