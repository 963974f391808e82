// A small ECMAScript-subset regex: the parser, a whole-string matcher over code points, and the AST the
// pattern generator walks. Supported: literals, '.', escapes (\d \w \s \D \W \S \xHH \uHHHH \u{H..}
// \p{ASCII} \p{Alpha} \p{Digit} \p{Alnum} \p{Print} and escaped punctuation), classes [...] / [^...]
// with ranges and POSIX classes ([:alpha:] [:digit:] [:alnum:] [:upper:] [:lower:] [:space:] [:punct:]
// [:xdigit:] [:cntrl:] [:print:] [:graph:] [:blank:], ASCII as std::regex reads them), groups (...) and
// (?:...), lookaheads (?=...) (?!...), alternation, quantifiers * + ? {n} {n,} {n,m} (a lazy '?'
// suffix is accepted), and the anchors ^ $ (at the ends they are implied: patterns always match the
// whole value; elsewhere they assert the start or end of the value). Classes read as Java reads them
// (the services behind AWS APIs): \d \w \s are ASCII; quantifiers count code points, not bytes.
//
// Promises: parse() never throws; it returns nullopt with a reason for anything outside the subset
// (callers then fall back to filtering). full_match() runs in O(length x states) (Thompson NFA), no
// backtracking, so long probe strings are safe.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace conform::gen {

// A set of code points: union of inclusive ranges, optionally negated.
struct CharSet {
  std::vector<std::pair<char32_t, char32_t>> ranges;
  bool negated = false;
  bool contains(char32_t c) const;
};

struct RegexNode {
  enum Kind { Empty, Chars, Concat, Alt, Repeat, Assert } kind = Empty;
  // Assert: a zero-width condition at its position; Ahead/NotAhead have one child, matched from there.
  enum class Assertion { Start, End, Ahead, NotAhead } assertion = Assertion::Start;
  CharSet chars;                     // Chars
  std::vector<RegexNode> children;   // Concat, Alt; Repeat has one child
  int min = 0, max = -1;             // Repeat; max -1 = unbounded
};

class Regex {
 public:
  static std::optional<Regex> parse(const std::string& pattern, std::string* error = nullptr);
  bool full_match(const std::string& utf8) const;       // malformed UTF-8 never matches
  bool full_match(const std::u32string& cps) const;
  const RegexNode& root() const { return *root_; }
  const std::string& source() const { return source_; }
  // Shortest and longest (nullopt = unbounded) match lengths in code points.
  size_t min_length() const;
  std::optional<size_t> max_length() const;

 private:
  struct Nfa;
  std::string source_;
  std::shared_ptr<const RegexNode> root_;  // shared: the NFA points into it
  std::shared_ptr<const Nfa> nfa_;
};

// Cached parse of a pattern (thread-safe); nullptr if unsupported.
std::shared_ptr<const Regex> compiled(const std::string& pattern);
// Whole-value match with the subset engine; falls back to std::regex (bytes) for unsupported patterns.
bool pattern_matches(const std::string& pattern, const std::string& value);

}  // namespace conform::gen
