#include "harness/gen/unicode_string.h"

#include <algorithm>

#include "harness/gen/utf8.h"

namespace conform::gen {

const char* to_string(Alphabet a) {
  switch (a) {
    case Alphabet::Ascii: return "ascii";
    case Alphabet::Bmp: return "bmp";
    case Alphabet::Astral: return "astral";
    case Alphabet::Mixed: return "mixed";
  }
  return "?";
}

rc::Gen<Alphabet> any_alphabet() {
  return rc::gen::element(Alphabet::Ascii, Alphabet::Bmp, Alphabet::Astral, Alphabet::Mixed);
}

namespace {
rc::Gen<char32_t> ascii_cp() {
  // Shrinks toward 'a' (the first element of the mapped range).
  return rc::gen::map(uniform_in<int>(0, 95), [](int i) { return static_cast<char32_t>(0x61 + i <= 0x7E ? 0x61 + i : 0x20 + (i - 30)); });
}
rc::Gen<char32_t> bmp_cp() {
  return rc::gen::map(uniform_in<uint32_t>(0, 0xFFFE - 0xA0 - 0x800), [](uint32_t i) {
    char32_t c = 0xA0 + i;                    // skips C0/C1 controls
    if (c >= 0xD800) c += 0x800;              // skips the surrogate block
    return c;
  });
}
rc::Gen<char32_t> astral_cp() {
  return rc::gen::map(uniform_in<uint32_t>(0x10000, 0x10FFFE), [](uint32_t c) { return static_cast<char32_t>(c); });
}
}  // namespace

rc::Gen<char32_t> code_point(Alphabet a) {
  switch (a) {
    case Alphabet::Ascii: return ascii_cp();
    case Alphabet::Bmp: return bmp_cp();
    case Alphabet::Astral: return astral_cp();
    case Alphabet::Mixed: break;
  }
  return rc::gen::oneOf(ascii_cp(), bmp_cp(), astral_cp());
}

rc::Gen<size_t> boundary_length(size_t min, size_t max, size_t soft_cap) {
  if (max < min) max = min;
  size_t cap = std::max(min, std::min(max, min + soft_cap));
  bool large = max - min > kLargeSpan;
  // The choice itself shrinks: toward 0 = the minimum. Of 32 draws: 8 the minimum, 8 the maximum (1 when
  // the range is large), the rest anything up to the soft cap.
  return rc::gen::mapcat(uniform_in<int>(0, 32), [min, max, cap, large](int mode) {
    if (mode < 8) return rc::gen::just(min);
    if (mode == 31 || (!large && mode >= 24)) return rc::gen::just(max);
    return rc::gen::inRange<size_t>(min, cap + 1);
  });
}

namespace {
uint64_t splitmix(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}
}  // namespace

char32_t code_point_from(Alphabet a, uint64_t r) {
  if (a == Alphabet::Mixed) {
    a = static_cast<Alphabet>(r % 3);
    r /= 3;
  }
  switch (a) {
    case Alphabet::Ascii: return static_cast<char32_t>(0x20 + r % 95);
    case Alphabet::Bmp: {
      char32_t c = static_cast<char32_t>(0xA0 + r % (0xFFFE - 0xA0 - 0x800));
      return c >= 0xD800 ? c + 0x800 : c;
    }
    default: return static_cast<char32_t>(0x10000 + r % (0x10FFFE - 0x10000));
  }
}

std::string bulk_utf8(size_t n, Alphabet a, uint64_t seed, bool literal_safe) {
  // Written through a pointer into a buffer sized for the worst case (4 bytes per code point), then
  // trimmed: payload-sized strings (256 Ki code points) are generated on every at-bounds case.
  std::string out(n * 4, '\0');
  char* p = out.data();
  uint64_t state = seed;
  for (size_t i = 0; i < n; ++i) {
    char32_t c = code_point_from(a, splitmix(state));
    if (c < 0x80) {
      *p++ = static_cast<char>(literal_safe && (c == '"' || c == '\\') ? 'x' : c);
    } else if (c < 0x800) {
      *p++ = static_cast<char>(0xC0 | (c >> 6));
      *p++ = static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      *p++ = static_cast<char>(0xE0 | (c >> 12));
      *p++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      *p++ = static_cast<char>(0x80 | (c & 0x3F));
    } else {
      *p++ = static_cast<char>(0xF0 | (c >> 18));
      *p++ = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      *p++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      *p++ = static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  out.resize(static_cast<size_t>(p - out.data()));
  return out;
}

rc::Gen<std::string> string_of_length(size_t length, Alphabet a) {
  if (length > kBulkLength)
    return rc::gen::map(rc::gen::arbitrary<uint64_t>(), [length, a](uint64_t seed) { return bulk_utf8(length, a, seed); });
  return rc::gen::map(rc::gen::container<std::vector<char32_t>>(length, code_point(a)), [](const std::vector<char32_t>& cps) {
    std::string s;
    for (char32_t c : cps) append_utf8(s, c);
    return s;
  });
}

rc::Gen<std::string> unicode_string(size_t min, size_t max, Alphabet a) {
  return rc::gen::mapcat(boundary_length(min, max), [a](size_t n) { return string_of_length(n, a); });
}

rc::Gen<std::string> unicode_string(size_t min, size_t max) {
  return rc::gen::mapcat(any_alphabet(), [min, max](Alphabet a) { return unicode_string(min, max, a); });
}

}  // namespace conform::gen
