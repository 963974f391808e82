// parse_json (json_reader.h): a recursive-descent reader that bails out (nullopt) at the first thing
// outside its subset, so that nlohmann decides every hard or malformed case.
#include "harness/protocol/json_reader.h"

#include "harness/protocol/safe_json.h"
#include "harness/protocol/utf8_scan.h"

#include <charconv>
#include <cstring>
#include <unordered_map>

namespace conform::protocol {

namespace {

class FastReader {
 public:
  explicit FastReader(std::string_view text)
      : p_(reinterpret_cast<const unsigned char*>(text.data())), end_(p_ + text.size()) {}

  std::optional<spec::Json> document() {
    spec::Json out;
    skip_space();
    if (!value(out, 0)) return std::nullopt;
    skip_space();
    if (p_ != end_) return std::nullopt;
    return out;
  }

 private:
  void skip_space() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
  }

  bool literal(const char* word, size_t n) {
    if (static_cast<size_t>(end_ - p_) < n || std::memcmp(p_, word, n) != 0) return false;
    p_ += n;
    return true;
  }

  bool value(spec::Json& out, int depth) {
    if (p_ == end_) return false;
    switch (*p_) {
      case '{': return object(out, depth + 1);
      case '[': return array(out, depth + 1);
      case '"': {
        std::string s;
        if (!string(s)) return false;
        out = std::move(s);
        return true;
      }
      case 't': out = true; return literal("true", 4);
      case 'f': out = false; return literal("false", 5);
      case 'n': out = nullptr; return literal("null", 4);
      default: return number(out);
    }
  }

  // What follows an element of an object or array: ',' (`more`) or the closing bracket; false otherwise.
  bool separator(char close, bool& more) {
    skip_space();
    if (p_ == end_ || (*p_ != ',' && *p_ != close)) return false;
    more = *p_++ == ',';
    return true;
  }

  bool object(spec::Json& out, int depth) {
    if (depth > kMaxFastDepth) return false;
    ++p_;  // '{'
    out = spec::Json::object();
    auto& members = static_cast<spec::Json::object_t::Container&>(out.get_ref<spec::Json::object_t&>());
    // ordered_map finds keys by a linear scan: past kIndexedFrom members a hash index keeps a large
    // object linear (80k keys took 12 s without it).
    std::unordered_map<std::string, size_t> index;
    skip_space();
    if (p_ < end_ && *p_ == '}') {
      ++p_;
      return true;
    }
    while (true) {
      skip_space();
      if (p_ == end_ || *p_ != '"') return false;
      std::string key;
      if (!string(key)) return false;
      skip_space();
      if (p_ == end_ || *p_ != ':') return false;
      ++p_;
      skip_space();
      spec::Json member;
      if (!value(member, depth)) return false;
      // A repeated key keeps its first position and takes the last value (as nlohmann).
      if (members.size() < kIndexedFrom) {
        out[key] = std::move(member);
      } else {
        if (index.empty())
          for (size_t i = 0; i < members.size(); ++i) index.emplace(members[i].first, i);
        auto [it, fresh] = index.emplace(key, members.size());
        if (fresh) members.emplace_back(std::move(key), std::move(member));
        else members[it->second].second = std::move(member);
      }
      bool more = false;
      if (!separator('}', more)) return false;
      if (!more) return true;
    }
  }

  bool array(spec::Json& out, int depth) {
    if (depth > kMaxFastDepth) return false;
    ++p_;  // '['
    out = spec::Json::array();
    skip_space();
    if (p_ < end_ && *p_ == ']') {
      ++p_;
      return true;
    }
    while (true) {
      skip_space();
      spec::Json element;
      if (!value(element, depth)) return false;
      out.push_back(std::move(element));
      bool more = false;
      if (!separator(']', more)) return false;
      if (!more) return true;
    }
  }

  // Integers only: -?(0|[1-9][0-9]*) that fit int64 (negative) or uint64; fractions and exponents bail.
  bool number(spec::Json& out) {
    const unsigned char* start = p_;
    bool negative = p_ < end_ && *p_ == '-';
    if (negative) ++p_;
    if (p_ == end_ || *p_ < '0' || *p_ > '9') return false;
    if (*p_ == '0' && p_ + 1 < end_ && p_[1] >= '0' && p_[1] <= '9') return false;
    while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    if (p_ < end_ && (*p_ == '.' || *p_ == 'e' || *p_ == 'E')) return false;
    const char* first = reinterpret_cast<const char*>(start);
    const char* last = reinterpret_cast<const char*>(p_);
    if (negative) {
      int64_t v = 0;
      auto r = std::from_chars(first, last, v);
      if (r.ec != std::errc() || r.ptr != last) return false;
      out = v;
    } else {
      uint64_t v = 0;
      auto r = std::from_chars(first, last, v);
      if (r.ec != std::errc() || r.ptr != last) return false;
      out = v;
    }
    return true;
  }

  bool string(std::string& out) {
    ++p_;  // '"'
    while (true) {
      // One run of bytes copied as they are: printable ASCII but '"' and '\\', and whole valid UTF-8
      // sequences.
      const unsigned char* run = p_;
      while (p_ < end_) {
        // Eight plain ASCII bytes at a time (no quote, backslash, control or high bit).
        while (end_ - p_ >= 8 && scan::plain_ascii8(p_)) p_ += 8;
        if (p_ == end_) break;
        unsigned char b = *p_;
        if (b >= 0x80) {
          size_t n = scan::utf8_sequence(p_, end_);
          if (n == 0) return false;
          p_ += n;
        } else if (b >= 0x20 && b != '"' && b != '\\') {
          ++p_;
        } else {
          break;
        }
      }
      out.append(reinterpret_cast<const char*>(run), static_cast<size_t>(p_ - run));
      if (p_ == end_ || *p_ < 0x20) return false;
      if (*p_ == '"') {
        ++p_;
        return true;
      }
      // '\\'
      if (p_ + 1 == end_) return false;
      char c;
      switch (p_[1]) {
        case '"': c = '"'; break;
        case '\\': c = '\\'; break;
        case '/': c = '/'; break;
        case 'b': c = '\b'; break;
        case 'f': c = '\f'; break;
        case 'n': c = '\n'; break;
        case 'r': c = '\r'; break;
        case 't': c = '\t'; break;
        default: return false;  // \u and malformed escapes: nlohmann
      }
      out.push_back(c);
      p_ += 2;
    }
  }

  static constexpr size_t kIndexedFrom = 32;
  const unsigned char* p_;
  const unsigned char* end_;
};

}  // namespace

std::optional<spec::Json> parse_json_fast_path(std::string_view text) {
  try {
    return FastReader(text).document();
  } catch (...) {
    return std::nullopt;
  }
}

spec::Json parse_json(std::string_view text, size_t max_depth) {
  if (max_depth >= static_cast<size_t>(kMaxFastDepth))
    if (auto fast = parse_json_fast_path(text)) return std::move(*fast);
  if (json_nesting_depth(text, max_depth) > max_depth) return spec::Json(spec::Json::value_t::discarded);
  try {
    return spec::Json::parse(text.begin(), text.end(), nullptr, false);
  } catch (...) {
    return spec::Json(spec::Json::value_t::discarded);
  }
}

}  // namespace conform::protocol
