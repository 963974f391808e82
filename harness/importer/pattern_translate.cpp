// Java regex -> ECMAScript (see pattern_translate.h).
#include "harness/importer/pattern_translate.h"

#include <map>
#include <regex>

namespace conform::importer {

namespace {

// Java \p{Name} -> POSIX class name (used as [:name:] inside a bracket expression).
std::optional<std::string> posix_class(const std::string& name) {
  static const std::map<std::string, std::string> names = {
      {"L", "alpha"},      {"Alpha", "alpha"},     {"IsAlphabetic", "alpha"}, {"IsLetter", "alpha"},
      {"Lu", "upper"},     {"Upper", "upper"},     {"IsUppercase", "upper"},  {"Ll", "lower"},
      {"Lower", "lower"},  {"IsLowercase", "lower"}, {"N", "digit"},          {"Nd", "digit"},
      {"Digit", "digit"},  {"IsDigit", "digit"},   {"Alnum", "alnum"},        {"Punct", "punct"},
      {"P", "punct"},      {"IsPunctuation", "punct"}, {"Space", "space"},    {"Z", "space"},
      {"Zs", "space"},     {"IsWhite_Space", "space"}, {"XDigit", "xdigit"},  {"Cntrl", "cntrl"},
      {"Cc", "cntrl"},     {"Print", "print"},     {"Graph", "graph"},        {"Blank", "blank"},
  };
  auto it = names.find(name);
  if (it == names.end()) return std::nullopt;
  return it->second;
}

class Translator {
 public:
  explicit Translator(const std::string& in) : in_(in) {}

  PatternTranslation run() {
    while (i_ < in_.size() && problem_.empty()) {
      if (in_class_) {
        class_char();
      } else {
        plain_char();
      }
    }
    if (problem_.empty() && in_class_) problem_ = "a character class is not closed";
    if (!problem_.empty()) return {std::nullopt, problem_};
    std::string out = strip_anchors(out_);
    try {
      std::regex re(out, std::regex::ECMAScript);
    } catch (const std::exception& e) {
      return {std::nullopt, std::string("the translated pattern does not compile as std::regex: ") + e.what()};
    }
    return {out, ""};
  }

 private:
  // Reads "\p{Name}" / "\pL" at i_ (pointing after the 'p'); returns the class name.
  std::optional<std::string> read_property() {
    std::string name;
    if (i_ < in_.size() && in_[i_] == '{') {
      size_t end = in_.find('}', i_);
      if (end == std::string::npos) return std::nullopt;
      name = in_.substr(i_ + 1, end - i_ - 1);
      i_ = end + 1;
    } else if (i_ < in_.size()) {
      name = std::string(1, in_[i_++]);
    }
    if (name == "ASCII") return std::string("ascii");
    if (name.rfind("Is", 0) == 0 && !posix_class(name) && posix_class(name.substr(2))) name = name.substr(2);
    return posix_class(name);
  }

  void plain_char() {
    const char c = in_[i_];
    if (c == '\\' && i_ + 1 < in_.size()) {
      const char e = in_[i_ + 1];
      i_ += 2;
      last_quantifier_ = false;
      if (e == 'p' || e == 'P') {
        auto cls = read_property();
        if (!cls) {
          problem_ = "unknown character property in '" + in_ + "'";
          return;
        }
        std::string body = *cls == "ascii" ? "\\x00-\\x7F" : "[:" + *cls + ":]";
        out_ += e == 'p' ? "[" + body + "]" : "[^" + body + "]";
      } else if (e == 'A') {
        out_ += "^";
      } else if (e == 'z' || e == 'Z') {
        out_ += "$";
      } else if (e == 'h') {
        out_ += "[ \\t]";
      } else if (e == 'Q') {
        size_t end = in_.find("\\E", i_);
        std::string quoted = in_.substr(i_, end == std::string::npos ? std::string::npos : end - i_);
        for (char q : quoted) {
          if (std::string("\\^$.|?*+()[]{}/").find(q) != std::string::npos) out_ += '\\';
          out_ += q;
        }
        i_ = end == std::string::npos ? in_.size() : end + 2;
      } else {
        out_ += '\\';
        out_ += e;
      }
      return;
    }
    if (c == '(' && in_.compare(i_, 3, "(?<") == 0 && i_ + 3 < in_.size() && (in_[i_ + 3] == '=' || in_[i_ + 3] == '!')) {
      problem_ = "lookbehind ((?<= or (?<!) has no std::regex equivalent";
      return;
    }
    if (c == '(' && in_.compare(i_, 3, "(?<") == 0) {  // named group
      size_t end = in_.find('>', i_);
      if (end == std::string::npos) {
        problem_ = "a named group is not closed";
        return;
      }
      out_ += "(";
      i_ = end + 1;
      last_quantifier_ = false;
      return;
    }
    if (c == '(' && in_.compare(i_, 3, "(?>") == 0) {  // atomic group
      out_ += "(?:";
      i_ += 3;
      last_quantifier_ = false;
      return;
    }
    if (c == '(' && i_ + 2 < in_.size() && in_[i_ + 1] == '?' && std::string(":=!").find(in_[i_ + 2]) == std::string::npos) {
      problem_ = "inline flags ((?i) and the like) have no std::regex equivalent";
      return;
    }
    if (c == '+' && last_quantifier_) {  // possessive quantifier: drop the '+'
      ++i_;
      last_quantifier_ = false;
      return;
    }
    if (c == '[') {
      in_class_ = true;
      class_start_ = true;
      last_was_range_ = false;
      out_ += '[';
      ++i_;
      if (i_ < in_.size() && in_[i_] == '^') {
        out_ += '^';
        ++i_;
      }
      last_quantifier_ = false;
      return;
    }
    last_quantifier_ = c == '*' || c == '+' || c == '?' || c == '}';
    out_ += c;
    ++i_;
  }

  void class_char() {
    const char c = in_[i_];
    const bool at_start = class_start_;
    class_start_ = false;
    if (c == ']' && !at_start) {
      in_class_ = false;
      out_ += ']';
      ++i_;
      return;
    }
    if (c == ']') {  // Java: ']' first in a class is a literal
      out_ += "\\]";
      ++i_;
      return;
    }
    if (c == '[' || (c == '&' && i_ + 1 < in_.size() && in_[i_ + 1] == '&')) {
      problem_ = "character class union or intersection has no std::regex equivalent";
      return;
    }
    if (c == '\\' && i_ + 1 < in_.size()) {
      const char e = in_[i_ + 1];
      i_ += 2;
      if (e == 'p') {
        auto cls = read_property();
        if (!cls) {
          problem_ = "unknown character property in '" + in_ + "'";
          return;
        }
        out_ += *cls == "ascii" ? "\\x00-\\x7F" : "[:" + *cls + ":]";
        last_was_range_ = true;  // a class: a following '-' is literal
        return;
      }
      if (e == 'P') {
        problem_ = "a negated property (\\P) inside a character class has no std::regex equivalent";
        return;
      }
      out_ += '\\';
      out_ += e;
      last_was_range_ = std::string("dDwWsS").find(e) != std::string::npos;
      pending_range_start_ = !last_was_range_;
      return;
    }
    if (c == '-') {
      const bool next_is_end = i_ + 1 < in_.size() && in_[i_ + 1] == ']';
      if (at_start || next_is_end) {  // literal, and fine as it is in ECMAScript
        out_ += '-';
        last_was_range_ = false;
        pending_range_start_ = false;
      } else if (last_was_range_ || !pending_range_start_) {
        out_ += "\\-";
        last_was_range_ = false;
        pending_range_start_ = false;
      } else {
        out_ += '-';
        in_range_ = true;
      }
      ++i_;
      return;
    }
    out_ += c;
    ++i_;
    if (in_range_) {
      in_range_ = false;
      last_was_range_ = true;
      pending_range_start_ = false;
    } else {
      last_was_range_ = false;
      pending_range_start_ = true;
    }
  }

  static std::string strip_anchors(std::string p) {
    if (!p.empty() && p[0] == '^') p.erase(0, 1);
    if (!p.empty() && p.back() == '$') {
      size_t backslashes = 0;
      for (size_t k = p.size() - 1; k > 0 && p[k - 1] == '\\'; --k) ++backslashes;
      if (backslashes % 2 == 0) p.pop_back();
    }
    return p;
  }

  const std::string& in_;
  std::string out_;
  std::string problem_;
  size_t i_ = 0;
  bool in_class_ = false;
  bool class_start_ = false;
  bool last_was_range_ = false;       // the previous class item was a range or a class escape
  bool pending_range_start_ = false;  // the previous class item was a single char that can start a range
  bool in_range_ = false;
  bool last_quantifier_ = false;
};

}  // namespace

PatternTranslation translate_pattern(const std::string& model_pattern) {
  try {
    return Translator(model_pattern).run();
  } catch (const std::exception& e) {
    return {std::nullopt, std::string("the pattern could not be translated: ") + e.what()};
  }
}

}  // namespace conform::importer
