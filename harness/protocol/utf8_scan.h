// Byte scanning shared by the JSON reader, the JSON writer and is_valid_utf8: eight bytes at a time for
// plain ASCII, and validation of one multibyte UTF-8 sequence.
//
// Promises: plain_ascii8(p) is true exactly when each of the 8 bytes at p is in 0x20..0x7F and is neither
// '"' nor '\\' (bytes a JSON string holds unescaped); ascii8(p) when none has the high bit set;
// utf8_sequence(p, end) is the length (2-4) of the well-formed sequence starting at p (no overlong form,
// surrogate or value over U+10FFFF, RFC 3629), or 0. Both read at most `end - p` bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace conform::protocol::scan {

inline uint64_t load8(const unsigned char* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}

inline bool ascii8(const unsigned char* p) { return (load8(p) & 0x8080808080808080ull) == 0; }

inline bool plain_ascii8(const unsigned char* p) {
  constexpr uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
  const uint64_t w = load8(p);
  auto has_zero_byte = [](uint64_t x) { return (x - ones) & ~x & highs; };
  uint64_t below_space = (w - ones * 0x20) & ~w & highs;  // exact once no byte has its high bit set
  return ((w & highs) | below_space | has_zero_byte(w ^ (ones * '"')) | has_zero_byte(w ^ (ones * '\\'))) == 0;
}

inline size_t utf8_sequence(const unsigned char* p, const unsigned char* end) {
  unsigned char b = *p;
  size_t n;
  uint32_t cp;
  if ((b & 0xE0) == 0xC0) n = 2, cp = b & 0x1F;
  else if ((b & 0xF0) == 0xE0) n = 3, cp = b & 0x0F;
  else if ((b & 0xF8) == 0xF0) n = 4, cp = b & 0x07;
  else return 0;
  if (static_cast<size_t>(end - p) < n) return 0;
  for (size_t k = 1; k < n; ++k) {
    if ((p[k] & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (p[k] & 0x3F);
  }
  static constexpr uint32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

}  // namespace conform::protocol::scan
