#include "harness/gen/regex.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <regex>

#include "harness/gen/utf8.h"

namespace conform::gen {

using Ranges = std::vector<std::pair<char32_t, char32_t>>;

bool CharSet::contains(char32_t c) const {
  bool in = false;
  for (const auto& [lo, hi] : ranges)
    if (c >= lo && c <= hi) { in = true; break; }
  return in != negated;
}

namespace {

Ranges complement(Ranges r) {
  std::sort(r.begin(), r.end());
  Ranges out;
  char32_t next = 0;
  for (const auto& [lo, hi] : r) {
    if (lo > next) out.push_back({next, lo - 1});
    if (hi + 1 > next) next = hi + 1;
  }
  if (next <= 0x10FFFF) out.push_back({next, 0x10FFFF});
  return out;
}

const Ranges kDigit = {{'0', '9'}};
const Ranges kWord = {{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}};
// \s as Java reads it (the services behind AWS APIs) and std::regex over bytes: ASCII whitespace only.
// ECMAScript and Python add the Unicode spaces; the generators never use those (pattern_string.h).
const Ranges kSpace = {{'\t', '\r'}, {' ', ' '}};

class Parser {
 public:
  explicit Parser(std::u32string p) : p_(std::move(p)) {}

  std::optional<RegexNode> run(std::string* error) {
    auto node = alt();
    if (!error_.empty() || i_ != p_.size()) {
      if (error) *error = error_.empty() ? "unexpected ')' at " + std::to_string(i_) : error_;
      return std::nullopt;
    }
    return node;
  }

 private:
  std::u32string p_;
  size_t i_ = 0;
  std::string error_;

  bool at_end() const { return i_ >= p_.size(); }
  char32_t peek() const { return at_end() ? 0 : p_[i_]; }
  void fail(const std::string& why) {
    if (error_.empty()) error_ = why + " at " + std::to_string(i_);
  }

  RegexNode alt() {
    RegexNode first = concat();
    if (peek() != '|') return first;
    RegexNode node;
    node.kind = RegexNode::Alt;
    node.children.push_back(std::move(first));
    while (!at_end() && peek() == '|') {
      ++i_;
      node.children.push_back(concat());
    }
    return node;
  }

  RegexNode concat() {
    RegexNode node;
    node.kind = RegexNode::Concat;
    while (!at_end() && peek() != '|' && peek() != ')' && error_.empty()) {
      if (peek() == '^' || peek() == '$') {
        // At the ends of the pattern an anchor is implied (the match is always whole-value); elsewhere
        // it asserts the start or the end of the value.
        bool start = peek() == '^';
        bool implied = (start && i_ == 0) || (!start && i_ + 1 == p_.size());
        ++i_;
        if (implied) continue;
        RegexNode a;
        a.kind = RegexNode::Assert;
        a.assertion = start ? RegexNode::Assertion::Start : RegexNode::Assertion::End;
        node.children.push_back(std::move(a));
        continue;
      }
      RegexNode a = atom();
      node.children.push_back(quantified(std::move(a)));
    }
    if (node.children.size() == 1) return std::move(node.children[0]);
    return node;
  }

  std::optional<int> number() {
    size_t start = i_;
    long v = 0;
    while (!at_end() && peek() >= '0' && peek() <= '9') {
      v = v * 10 + (peek() - '0');
      if (v > 100000) v = 100000;
      ++i_;
    }
    if (i_ == start) return std::nullopt;
    return static_cast<int>(v);
  }

  RegexNode quantified(RegexNode a) {
    while (!at_end()) {
      int mn, mx;
      char32_t c = peek();
      if (c == '*') { mn = 0; mx = -1; ++i_; }
      else if (c == '+') { mn = 1; mx = -1; ++i_; }
      else if (c == '?') { mn = 0; mx = 1; ++i_; }
      else if (c == '{') {
        size_t save = i_;
        ++i_;
        auto lo = number();
        if (!lo) { i_ = save; return a; }  // a literal '{'
        mn = *lo;
        mx = mn;
        if (peek() == ',') {
          ++i_;
          auto hi = number();
          mx = hi ? *hi : -1;
        }
        if (peek() != '}') { i_ = save; return a; }
        ++i_;
        if (mx != -1 && mx < mn) { fail("quantifier {n,m} with m < n"); return a; }
      } else {
        return a;
      }
      if (peek() == '?') ++i_;  // lazy: same language
      RegexNode r;
      r.kind = RegexNode::Repeat;
      r.min = mn;
      r.max = mx;
      r.children.push_back(std::move(a));
      a = std::move(r);
    }
    return a;
  }

  static RegexNode chars(Ranges r, bool negated = false) {
    RegexNode n;
    n.kind = RegexNode::Chars;
    n.chars.ranges = std::move(r);
    n.chars.negated = negated;
    return n;
  }

  std::optional<char32_t> hex(size_t digits) {
    char32_t v = 0;
    for (size_t k = 0; k < digits; ++k) {
      if (at_end() || !isxdigit(static_cast<int>(peek() < 128 ? peek() : 0))) return std::nullopt;
      char32_t c = peek();
      v = v * 16 + (c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
      ++i_;
    }
    return v;
  }

  // Parses an escape after '\'; returns the set it denotes (a single code point is a one-range set).
  std::optional<Ranges> escape(bool in_class) {
    if (at_end()) { fail("trailing backslash"); return std::nullopt; }
    char32_t c = p_[i_++];
    switch (c) {
      case 'd': return kDigit;
      case 'D': return complement(kDigit);
      case 'w': return kWord;
      case 'W': return complement(kWord);
      case 's': return kSpace;
      case 'S': return complement(kSpace);
      case 'n': return Ranges{{'\n', '\n'}};
      case 'r': return Ranges{{'\r', '\r'}};
      case 't': return Ranges{{'\t', '\t'}};
      case 'f': return Ranges{{'\f', '\f'}};
      case 'v': return Ranges{{'\v', '\v'}};
      case '0': return Ranges{{0, 0}};
      case 'b':
        if (in_class) return Ranges{{'\b', '\b'}};
        fail("word boundary \\b is not supported");
        return std::nullopt;
      case 'x': {
        auto v = hex(2);
        if (!v) { fail("bad \\x escape"); return std::nullopt; }
        return Ranges{{*v, *v}};
      }
      case 'u': {
        if (peek() == '{') {
          ++i_;
          char32_t v = 0;
          size_t n = 0;
          while (!at_end() && peek() != '}') {
            auto d = hex(1);
            if (!d) { fail("bad \\u{} escape"); return std::nullopt; }
            v = v * 16 + *d;
            ++n;
          }
          if (at_end() || n == 0 || !is_scalar(v)) { fail("bad \\u{} escape"); return std::nullopt; }
          ++i_;
          return Ranges{{v, v}};
        }
        auto v = hex(4);
        if (!v) { fail("bad \\u escape"); return std::nullopt; }
        return Ranges{{*v, *v}};
      }
      case 'p':
      case 'P': {
        if (peek() != '{') { fail("bad \\p escape"); return std::nullopt; }
        size_t close = p_.find('}', i_);
        if (close == std::u32string::npos) { fail("bad \\p escape"); return std::nullopt; }
        std::u32string name32 = p_.substr(i_ + 1, close - i_ - 1);
        std::string name(name32.begin(), name32.end());
        i_ = close + 1;
        Ranges r;
        if (name == "ASCII") r = {{0, 0x7F}};
        else if (name == "Alpha") r = {{'A', 'Z'}, {'a', 'z'}};  // POSIX classes (ASCII)
        else if (name == "Digit") r = kDigit;
        else if (name == "Alnum") r = {{'0', '9'}, {'A', 'Z'}, {'a', 'z'}};
        else if (name == "Print") r = {{0x20, 0x7E}};
        else { fail("unsupported \\p{" + name + "}"); return std::nullopt; }
        return c == 'P' ? complement(r) : r;
      }
      default:
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '1' && c <= '9')) {
          fail("unsupported escape");
          return std::nullopt;
        }
        return Ranges{{c, c}};
    }
  }

  // "[:name:]" inside a bracket expression, at i_; ASCII, as std::regex reads it in the C locale.
  std::optional<Ranges> posix_class() {
    size_t close = p_.find(U":]", i_ + 2);
    if (close == std::u32string::npos) { fail("unterminated [: class"); return std::nullopt; }
    std::u32string name32 = p_.substr(i_ + 2, close - i_ - 2);
    std::string name(name32.begin(), name32.end());
    i_ = close + 2;
    static const std::map<std::string, Ranges> classes = {
        {"alpha", {{'A', 'Z'}, {'a', 'z'}}},
        {"digit", {{'0', '9'}}},
        {"alnum", {{'0', '9'}, {'A', 'Z'}, {'a', 'z'}}},
        {"upper", {{'A', 'Z'}}},
        {"lower", {{'a', 'z'}}},
        {"space", {{'\t', '\r'}, {' ', ' '}}},
        {"blank", {{'\t', '\t'}, {' ', ' '}}},
        {"punct", {{'!', '/'}, {':', '@'}, {'[', '`'}, {'{', '~'}}},
        {"xdigit", {{'0', '9'}, {'A', 'F'}, {'a', 'f'}}},
        {"cntrl", {{0, 0x1F}, {0x7F, 0x7F}}},
        {"print", {{0x20, 0x7E}}},
        {"graph", {{0x21, 0x7E}}},
    };
    auto it = classes.find(name);
    if (it == classes.end()) { fail("unknown class [:" + name + ":]"); return std::nullopt; }
    return it->second;
  }

  RegexNode char_class() {
    // after '['
    bool negated = false;
    if (peek() == '^') { negated = true; ++i_; }
    Ranges r;
    bool first = true;
    while (!at_end() && (peek() != ']' || first) && error_.empty()) {
      first = false;
      Ranges lo_set;
      if (peek() == '[' && i_ + 1 < p_.size() && p_[i_ + 1] == ':') {
        auto posix = posix_class();
        if (!posix) break;
        r.insert(r.end(), posix->begin(), posix->end());
        continue;
      }
      if (peek() == '\\') {
        ++i_;
        auto e = escape(true);
        if (!e) break;
        lo_set = *e;
      } else {
        char32_t c = p_[i_++];
        lo_set = {{c, c}};
      }
      bool single = lo_set.size() == 1 && lo_set[0].first == lo_set[0].second;
      if (single && peek() == '-' && i_ + 1 < p_.size() && p_[i_ + 1] != ']') {
        ++i_;
        Ranges hi_set;
        if (peek() == '\\') {
          ++i_;
          auto e = escape(true);
          if (!e) break;
          hi_set = *e;
        } else {
          char32_t c = p_[i_++];
          hi_set = {{c, c}};
        }
        if (hi_set.size() != 1 || hi_set[0].first != hi_set[0].second || hi_set[0].first < lo_set[0].first) {
          fail("bad class range");
          break;
        }
        r.push_back({lo_set[0].first, hi_set[0].first});
      } else {
        r.insert(r.end(), lo_set.begin(), lo_set.end());
      }
    }
    if (at_end() || peek() != ']') { fail("unterminated character class"); return chars({}); }
    ++i_;
    return chars(std::move(r), negated);
  }

  RegexNode atom() {
    char32_t c = p_[i_++];
    switch (c) {
      case '(': {
        if (peek() == '?') {
          char32_t kind = i_ + 1 < p_.size() ? p_[i_ + 1] : 0;
          if (kind == '=' || kind == '!') {
            i_ += 2;
            RegexNode a;
            a.kind = RegexNode::Assert;
            a.assertion = kind == '=' ? RegexNode::Assertion::Ahead : RegexNode::Assertion::NotAhead;
            a.children.push_back(alt());
            if (peek() != ')') { fail("unterminated lookahead"); return {}; }
            ++i_;
            return a;
          }
          if (kind == ':') i_ += 2;
          else { fail("lookbehind/named groups are not supported"); return {}; }
        }
        RegexNode inner = alt();
        if (peek() != ')') { fail("unterminated group"); return {}; }
        ++i_;
        return inner;
      }
      case '[': return char_class();
      case '.': return chars({{'\n', '\n'}, {'\r', '\r'}, {0x2028, 0x2029}}, true);
      case '\\': {
        auto e = escape(false);
        if (!e) return {};
        return chars(*e);
      }
      case '*': case '+': case '?':
        fail("nothing to repeat");
        return {};
      default:
        return chars({{c, c}});
    }
  }
};

size_t min_len(const RegexNode& n) {
  switch (n.kind) {
    case RegexNode::Empty: return 0;
    case RegexNode::Chars: return 1;
    case RegexNode::Concat: {
      size_t s = 0;
      for (const auto& c : n.children) s += min_len(c);
      return s;
    }
    case RegexNode::Alt: {
      size_t best = SIZE_MAX;
      for (const auto& c : n.children) best = std::min(best, min_len(c));
      return best == SIZE_MAX ? 0 : best;
    }
    case RegexNode::Repeat: return static_cast<size_t>(n.min) * min_len(n.children[0]);
    case RegexNode::Assert: return 0;
  }
  return 0;
}

std::optional<size_t> max_len(const RegexNode& n) {
  switch (n.kind) {
    case RegexNode::Empty: return 0;
    case RegexNode::Assert: return 0;
    case RegexNode::Chars: return 1;
    case RegexNode::Concat: {
      size_t s = 0;
      for (const auto& c : n.children) {
        auto m = max_len(c);
        if (!m) return std::nullopt;
        s += *m;
      }
      return s;
    }
    case RegexNode::Alt: {
      size_t best = 0;
      for (const auto& c : n.children) {
        auto m = max_len(c);
        if (!m) return std::nullopt;
        best = std::max(best, *m);
      }
      return best;
    }
    case RegexNode::Repeat: {
      auto m = max_len(n.children[0]);
      if (!m) return std::nullopt;
      if (*m == 0) return 0;
      if (n.max < 0) return std::nullopt;
      return static_cast<size_t>(n.max) * *m;
    }
  }
  return 0;
}

}  // namespace

// Thompson NFA: states with at most one character transition and any number of epsilon edges. An
// assertion state passes its epsilon edges on only where its condition holds; a lookahead runs its own
// NFA from that position (prefix semantics), so matching stays free of backtracking.
struct Regex::Nfa {
  enum class Cond { None, Start, End, Ahead, NotAhead };
  struct State {
    const CharSet* set = nullptr;
    int next = -1;
    std::vector<int> eps;
    Cond cond = Cond::None;
    std::shared_ptr<const Nfa> sub;  // Ahead / NotAhead
  };
  std::vector<State> states;
  int start = 0, accept = 0;
  bool too_big = false;

  int add() {
    states.emplace_back();
    if (states.size() > 400000) too_big = true;
    return static_cast<int>(states.size() - 1);
  }

  static std::shared_ptr<const Nfa> build(const RegexNode& n, bool* too_big) {
    auto nfa = std::make_shared<Nfa>();
    nfa->start = nfa->add();
    nfa->accept = nfa->compile(n, nfa->start);
    if (nfa->too_big) *too_big = true;
    return nfa;
  }

  int compile(const RegexNode& n, int in) {
    if (too_big) return in;
    switch (n.kind) {
      case RegexNode::Empty: return in;
      case RegexNode::Chars: {
        int mid = add(), end = add();
        states[in].eps.push_back(mid);
        states[mid].set = &n.chars;
        states[mid].next = end;
        return end;
      }
      case RegexNode::Concat: {
        int cur = in;
        for (const auto& c : n.children) cur = compile(c, cur);
        return cur;
      }
      case RegexNode::Alt: {
        int end = add();
        for (const auto& c : n.children) {
          int s = add();
          states[in].eps.push_back(s);
          int e = compile(c, s);
          states[e].eps.push_back(end);
        }
        return end;
      }
      case RegexNode::Repeat: {
        int cur = in;
        for (int k = 0; k < n.min && !too_big; ++k) cur = compile(n.children[0], cur);
        if (n.max < 0) {
          int s = add();
          states[cur].eps.push_back(s);
          int e = compile(n.children[0], s);
          states[e].eps.push_back(s);
          int end = add();
          states[s].eps.push_back(end);
          return end;
        }
        int end = add();
        for (int k = n.min; k < n.max && !too_big; ++k) {
          states[cur].eps.push_back(end);
          cur = compile(n.children[0], cur);
        }
        states[cur].eps.push_back(end);
        return end;
      }
      case RegexNode::Assert: {
        int gate = add(), end = add();
        states[in].eps.push_back(gate);
        using A = RegexNode::Assertion;
        states[gate].cond = n.assertion == A::Start ? Cond::Start : n.assertion == A::End ? Cond::End
                          : n.assertion == A::Ahead ? Cond::Ahead : Cond::NotAhead;
        if (!n.children.empty()) states[gate].sub = build(n.children[0], &too_big);
        states[gate].eps.push_back(end);
        return end;
      }
    }
    return in;
  }

  bool holds(const State& st, const std::u32string& s, size_t pos) const {
    switch (st.cond) {
      case Cond::None: return true;
      case Cond::Start: return pos == 0;
      case Cond::End: return pos == s.size();
      case Cond::Ahead: return st.sub && st.sub->prefix_match(s, pos);
      case Cond::NotAhead: return !(st.sub && st.sub->prefix_match(s, pos));
    }
    return true;
  }

  void closure(std::vector<int>& set, std::vector<unsigned>& mark, unsigned stamp, const std::u32string& s,
               size_t pos) const {
    for (size_t k = 0; k < set.size(); ++k) {
      const State& st = states[set[k]];
      if (st.cond != Cond::None && !holds(st, s, pos)) continue;
      for (int e : st.eps) {
        if (mark[e] != stamp) {
          mark[e] = stamp;
          set.push_back(e);
        }
      }
    }
  }

  // Runs from `from`; whole: the accept state must be reached at the end of `s`; else at any position.
  bool run(const std::u32string& s, size_t from, bool whole) const {
    std::vector<unsigned> mark(states.size(), 0);
    unsigned stamp = 1;
    std::vector<int> cur{start}, next;
    mark[start] = stamp;
    closure(cur, mark, stamp, s, from);
    auto accepting = [&] { return std::find(cur.begin(), cur.end(), accept) != cur.end(); };
    if (!whole && accepting()) return true;
    for (size_t pos = from; pos < s.size(); ++pos) {
      const char32_t c = s[pos];
      ++stamp;
      next.clear();
      for (int st : cur) {
        const auto& S = states[st];
        if (S.set && S.set->contains(c) && mark[S.next] != stamp) {
          mark[S.next] = stamp;
          next.push_back(S.next);
        }
      }
      closure(next, mark, stamp, s, pos + 1);
      std::swap(cur, next);
      if (cur.empty()) return false;
      if (!whole && accepting()) return true;
    }
    return accepting();
  }

  bool match(const std::u32string& s) const { return run(s, 0, true); }
  bool prefix_match(const std::u32string& s, size_t from) const { return run(s, from, false); }
};

std::optional<Regex> Regex::parse(const std::string& pattern, std::string* error) {
  auto cps = decode_utf8(pattern);
  if (!cps) {
    if (error) *error = "pattern is not UTF-8";
    return std::nullopt;
  }
  Parser parser(*cps);
  auto root = parser.run(error);
  if (!root) return std::nullopt;
  Regex r;
  r.source_ = pattern;
  r.root_ = std::make_shared<const RegexNode>(std::move(*root));
  bool too_big = false;
  auto nfa = Nfa::build(*r.root_, &too_big);
  if (too_big) {
    if (error) *error = "pattern expands to too many states";
    return std::nullopt;
  }
  r.nfa_ = std::move(nfa);
  return r;
}

bool Regex::full_match(const std::u32string& cps) const { return nfa_->match(cps); }

bool Regex::full_match(const std::string& utf8) const {
  auto cps = decode_utf8(utf8);
  return cps && full_match(*cps);
}

size_t Regex::min_length() const { return min_len(*root_); }
std::optional<size_t> Regex::max_length() const { return max_len(*root_); }

std::shared_ptr<const Regex> compiled(const std::string& pattern) {
  static std::mutex mu;
  static std::map<std::string, std::shared_ptr<const Regex>> cache;
  std::lock_guard<std::mutex> lock(mu);
  auto it = cache.find(pattern);
  if (it != cache.end()) return it->second;
  auto r = Regex::parse(pattern);
  std::shared_ptr<const Regex> p = r ? std::make_shared<const Regex>(std::move(*r)) : nullptr;
  cache.emplace(pattern, p);
  return p;
}

bool pattern_matches(const std::string& pattern, const std::string& value) {
  if (auto r = compiled(pattern)) return r->full_match(value);
  try {
    return std::regex_match(value, std::regex(pattern, std::regex::ECMAScript));
  } catch (const std::exception&) {
    return true;  // cannot judge: never report a mismatch we cannot establish
  }
}

}  // namespace conform::gen
