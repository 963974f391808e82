#include "harness/gen/pattern_string.h"

#include <algorithm>
#include <array>
#include <unordered_map>

#include "harness/gen/utf8.h"

namespace conform::gen {

using Ranges = std::vector<std::pair<char32_t, char32_t>>;

namespace {

// The code points not in `r` (sorted, merged).
Ranges complement_of(Ranges r) {
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

Ranges intersection(const Ranges& a, const Ranges& b) {
  Ranges out;
  for (const auto& [alo, ahi] : a)
    for (const auto& [blo, bhi] : b) {
      char32_t lo = std::max(alo, blo), hi = std::min(ahi, bhi);
      if (lo <= hi) out.push_back({lo, hi});
    }
  return out;
}

// Whitespace outside ASCII: `\s` to ECMAScript and Python, not to Java (pattern_string.h).
const Ranges kContestedSpaces = {{0x85, 0x85},     {0xA0, 0xA0},     {0x1680, 0x1680}, {0x2000, 0x200A}, {0x2028, 0x2029},
                                 {0x202F, 0x202F}, {0x205F, 0x205F}, {0x3000, 0x3000}, {0xFEFF, 0xFEFF}};

// The positive, printable ranges of a set: controls, surrogates, U+FFFE/U+FFFF and the contested
// spaces removed.
Ranges printable_ranges(const CharSet& set) {
  Ranges pos = set.negated ? complement_of(set.ranges) : set.ranges;
  static const Ranges kNice = intersection(
      {{0x20, 0x7E}, {0xA0, 0xD7FF}, {0xE000, 0xFFFD}, {0x10000, 0x10FFFD}}, complement_of(kContestedSpaces));
  Ranges out = intersection(pos, kNice);
  if (out.empty()) {  // only controls allowed: use them
    for (const auto& [lo, hi] : pos) {
      char32_t a = lo, b = std::min<char32_t>(hi, 0xD7FF);
      if (a <= b) out.push_back({a, b});
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

Ranges zone(const Ranges& r, char32_t lo, char32_t hi) { return intersection(r, {{lo, hi}}); }

rc::Gen<char32_t> from_ranges(Ranges r) {
  if (r.empty()) return rc::gen::just(static_cast<char32_t>('a'));
  return rc::gen::mapcat(uniform_in<size_t>(0, r.size()), [r](size_t i) {
    return rc::gen::map(uniform_in<uint32_t>(r[i].first, r[i].second + 1), [](uint32_t c) { return static_cast<char32_t>(c); });
  });
}

// The character generator of one class of a cached pattern (compiled() keeps every AST alive, so the
// class's address names it): char_in() builds ranges and generators on every call, which cost more
// than the draw itself in long ARN-like patterns.
const rc::Gen<char32_t>& class_gen(const CharSet& set, Alphabet alphabet) {
  thread_local std::unordered_map<const CharSet*, std::array<std::optional<rc::Gen<char32_t>>, 4>> memo;
  auto& slot = memo[&set][static_cast<size_t>(alphabet) % 4];
  if (!slot) slot = char_in(set, alphabet);
  return *slot;
}

// A class of exactly one code point (a literal of the pattern) needs no draw.
std::optional<char32_t> single_code_point(const CharSet& set) {
  if (set.negated || set.ranges.size() != 1 || set.ranges[0].first != set.ranges[0].second) return std::nullopt;
  return set.ranges[0].first;
}

// A piece of a derivation: fixed text, or `count` characters of one class (stretchable within bounds).
struct Piece {
  std::u32string fixed;
  const CharSet* set = nullptr;
  size_t count = 0;
  size_t min = 0;
  long max = -1;  // -1 unbounded
};

// Walks the AST drawing choices (inside rc::gen::exec).
void derive(const RegexNode& n, std::vector<Piece>& out, Alphabet alphabet, int budget) {
  switch (n.kind) {
    case RegexNode::Empty: return;
    case RegexNode::Assert: return;  // zero-width: the finished string is checked against the whole pattern
    case RegexNode::Chars: {
      Piece p;
      if (auto literal = single_code_point(n.chars))
        p.fixed.push_back(*literal);
      else
        p.fixed.push_back(*class_gen(n.chars, alphabet));
      out.push_back(std::move(p));
      return;
    }
    case RegexNode::Concat:
      for (const auto& c : n.children) derive(c, out, alphabet, budget);
      return;
    case RegexNode::Alt: {
      size_t i = *uniform_in<size_t>(0, n.children.size());
      derive(n.children[i], out, alphabet, budget);
      return;
    }
    case RegexNode::Repeat: {
      const RegexNode& child = n.children[0];
      long hi = n.max < 0 ? n.min + 8 : n.max;
      if (child.kind == RegexNode::Chars) {
        Piece p;
        p.set = &child.chars;
        p.min = n.min;
        p.max = n.max;
        p.count = *uniform_in<long>(n.min, std::min<long>(hi, n.min + 8) + 1);
        out.push_back(std::move(p));
        return;
      }
      long count = *uniform_in<long>(n.min, std::min<long>(hi, n.min + (budget > 0 ? 3 : 0)) + 1);
      for (long k = 0; k < count; ++k) derive(child, out, alphabet, budget - 1);
      return;
    }
  }
}

size_t total(const std::vector<Piece>& ps) {
  size_t t = 0;
  for (const auto& p : ps) t += p.fixed.size() + p.count;
  return t;
}

// Stretches or shrinks elastic pieces toward `target`; returns the new total.
size_t fit(std::vector<Piece>& ps, size_t target) {
  size_t t = total(ps);
  for (auto& p : ps) {
    if (!p.set || t == target) continue;
    if (t < target) {
      size_t room = p.max < 0 ? target - t : std::min<size_t>(target - t, p.max - p.count);
      p.count += room;
      t += room;
    } else {
      size_t give = std::min(t - target, p.count - p.min);
      p.count -= give;
      t -= give;
    }
  }
  return t;
}

// Long runs come from a seeded PRNG over the class's ranges (one draw instead of one per character).
std::u32string bulk_from(const CharSet& set, Alphabet alphabet, size_t n, uint64_t seed);

// A class repeated more than this many times draws its characters from one seeded PRNG (bulk_from):
// one draw instead of one RapidCheck draw per character. (Lowering it from kBulkLength, 256, made no
// difference a full run could measure; per-character draws were mostly short pieces.) Such a piece
// still shrinks through its count.
constexpr size_t kBulkPieceLength = 24;

std::u32string materialize(const std::vector<Piece>& ps, Alphabet alphabet) {
  std::u32string s;
  for (const auto& p : ps) {
    s += p.fixed;
    if (p.set && p.count > kBulkPieceLength) {
      s += bulk_from(*p.set, alphabet, p.count, *rc::gen::arbitrary<uint64_t>());
    } else if (p.set && p.count > 0) {
      auto cps = *rc::gen::container<std::vector<char32_t>>(p.count, class_gen(*p.set, alphabet));
      s.append(cps.begin(), cps.end());
    }
  }
  return s;
}

// One attempt at a matching string of exactly `target` code points.
std::optional<std::string> attempt(const Regex& re, size_t target, Alphabet alphabet) {
  std::vector<Piece> pieces;
  derive(re.root(), pieces, alphabet, 3);
  if (fit(pieces, target) != target) return std::nullopt;
  std::u32string s = materialize(pieces, alphabet);
  if (!re.full_match(s)) return std::nullopt;
  return encode_utf8(s);
}

std::optional<std::string> exact(const Regex& re, size_t target) {
  // A few alphabets and derivations; deterministic for the seed.
  for (int k = 0; k < 6; ++k) {
    Alphabet a = k < 3 ? *any_alphabet() : Alphabet::Ascii;
    if (auto s = attempt(re, target, a)) return s;
  }
  return std::nullopt;
}

}  // namespace

namespace {
Ranges preferred_ranges(const CharSet& set, Alphabet alphabet, uint64_t r) {
  Ranges all = printable_ranges(set);
  Ranges ascii = zone(all, 0, 0x7F), bmp = zone(all, 0x80, 0xFFFF), astral = zone(all, 0x10000, 0x10FFFF);
  if (alphabet == Alphabet::Mixed) alphabet = static_cast<Alphabet>(r % 3);
  const Ranges* pick = alphabet == Alphabet::Ascii ? &ascii : alphabet == Alphabet::Bmp ? &bmp : &astral;
  return pick->empty() ? all : *pick;
}

std::u32string bulk_from(const CharSet& set, Alphabet alphabet, size_t n, uint64_t seed) {
  std::u32string out;
  out.reserve(n);
  uint64_t state = seed;
  auto next = [&state]() {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  };
  std::vector<Ranges> zones;
  for (int z = 0; z < 3; ++z) zones.push_back(preferred_ranges(set, alphabet == Alphabet::Mixed ? static_cast<Alphabet>(z) : alphabet, 0));
  for (size_t i = 0; i < n; ++i) {
    uint64_t r = next();
    const Ranges& rs = zones[alphabet == Alphabet::Mixed ? r % 3 : 0];
    if (rs.empty()) { out.push_back('a'); continue; }
    const auto& [lo, hi] = rs[(r >> 8) % rs.size()];
    out.push_back(static_cast<char32_t>(lo + (r >> 24) % (static_cast<uint64_t>(hi) - lo + 1)));
  }
  return out;
}
}  // namespace

bool contested_space(char32_t c) {
  for (const auto& [lo, hi] : kContestedSpaces)
    if (c >= lo && c <= hi) return true;
  return false;
}

bool has_contested_space(const std::string& utf8) {
  auto cps = decode_utf8(utf8);
  if (!cps) return false;
  for (char32_t c : *cps)
    if (contested_space(c)) return true;
  return false;
}

rc::Gen<char32_t> char_in(const CharSet& set, Alphabet alphabet) {
  Ranges all = printable_ranges(set);
  Ranges ascii = zone(all, 0, 0x7F), bmp = zone(all, 0x80, 0xFFFF), astral = zone(all, 0x10000, 0x10FFFF);
  Ranges pick = all;
  switch (alphabet) {
    case Alphabet::Ascii: if (!ascii.empty()) pick = ascii; break;
    case Alphabet::Bmp: if (!bmp.empty()) pick = bmp; break;
    case Alphabet::Astral: if (!astral.empty()) pick = astral; break;
    case Alphabet::Mixed: {
      std::vector<rc::Gen<char32_t>> zones;
      for (const Ranges* z : {&ascii, &bmp, &astral})
        if (!z->empty()) zones.push_back(from_ranges(*z));
      if (zones.size() > 1)
        return rc::gen::mapcat(uniform_in<size_t>(0, zones.size()), [zones](size_t i) { return zones[i]; });
      break;
    }
  }
  return from_ranges(pick);
}

rc::Gen<std::optional<std::string>> matching_string_of_length(const std::string& pattern, size_t length) {
  auto re = compiled(pattern);
  if (!re) {
    return rc::gen::exec([pattern, length]() -> std::optional<std::string> {
      for (int k = 0; k < 20; ++k) {
        auto s = *string_of_length(length, *any_alphabet());
        if (pattern_matches(pattern, s)) return s;
      }
      return std::nullopt;
    });
  }
  return rc::gen::exec([re, length]() { return exact(*re, length); });
}

rc::Gen<std::string> matching_string(const std::string& pattern, size_t min, size_t max) {
  auto re = compiled(pattern);
  if (!re) {
    return rc::gen::exec([pattern, min, max]() {
      std::string last;
      for (int k = 0; k < 50; ++k) {
        last = *unicode_string(min, max);
        if (pattern_matches(pattern, last)) return last;
      }
      return last;  // unsupported and unlucky: the caller verifies
    });
  }
  size_t lo = std::max(min, re->min_length());
  size_t hi = max;
  if (auto m = re->max_length()) hi = std::min(hi, *m);
  return rc::gen::exec([re, lo, hi, min, max]() {
    if (lo <= hi) {
      size_t target = *boundary_length(lo, hi, 24);
      if (auto s = exact(*re, target)) return *s;
      for (size_t t = lo; t <= std::min(hi, lo + 8); ++t)
        if (auto s = exact(*re, t)) return *s;
    }
    // No length in range worked: any matching string (the caller checks lengths).
    std::vector<Piece> pieces;
    derive(re->root(), pieces, Alphabet::Ascii, 3);
    fit(pieces, std::max(min, std::min(max, total(pieces))));
    return encode_utf8(materialize(pieces, Alphabet::Ascii));
  });
}

rc::Gen<std::optional<std::string>> mismatching_string(const std::string& pattern, size_t min, size_t max) {
  static const std::u32string kBad = U" !#%*/:<{~\t\u00e9\u4e2d\U0001F600aZ0-_.=";
  return rc::gen::exec([pattern, min, max]() -> std::optional<std::string> {
    for (int k = 0; k < 24; ++k) {
      std::string candidate;
      if (k % 2 == 0 && max >= 1) {
        // A matching string with one character replaced.
        std::string base = *matching_string(pattern, std::max<size_t>(min, 1), max);
        auto cps = decode_utf8(base);
        if (!cps || cps->empty()) continue;
        size_t pos = *uniform_in<size_t>(0, cps->size());
        (*cps)[pos] = kBad[*uniform_in<size_t>(0, kBad.size())];
        candidate = encode_utf8(*cps);
      } else {
        candidate = *unicode_string(min, max);
      }
      size_t n = code_points(candidate);
      if (n >= min && n <= max && !has_contested_space(candidate) && !pattern_matches(pattern, candidate))
        return candidate;
    }
    return std::nullopt;
  });
}

}  // namespace conform::gen
