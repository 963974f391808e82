#include "harness/gen/utf8.h"

namespace conform::gen {

bool is_scalar(char32_t c) { return c <= 0x10FFFF && !(c >= 0xD800 && c <= 0xDFFF); }

void append_utf8(std::string& out, char32_t c) {
  if (!is_scalar(c)) c = 0xFFFD;
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

std::string encode_utf8(const std::u32string& cps) {
  // Reserved exactly first (long generated strings reallocated many times while growing).
  size_t bytes = 0;
  for (char32_t c : cps) bytes += !is_scalar(c) ? 3 : c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  std::string out;
  out.reserve(bytes);
  for (char32_t c : cps) append_utf8(out, c);
  return out;
}

namespace {
// Decodes one scalar at `i`; returns bytes consumed, 0 if malformed.
size_t decode_one(std::string_view s, size_t i, char32_t& c) {
  auto b = static_cast<unsigned char>(s[i]);
  size_t n;
  char32_t min;
  if (b < 0x80) { c = b; return 1; }
  if ((b & 0xE0) == 0xC0) { n = 2; c = b & 0x1F; min = 0x80; }
  else if ((b & 0xF0) == 0xE0) { n = 3; c = b & 0x0F; min = 0x800; }
  else if ((b & 0xF8) == 0xF0) { n = 4; c = b & 0x07; min = 0x10000; }
  else return 0;
  if (i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    auto cb = static_cast<unsigned char>(s[i + k]);
    if ((cb & 0xC0) != 0x80) return 0;
    c = (c << 6) | (cb & 0x3F);
  }
  if (c < min || !is_scalar(c)) return 0;
  return n;
}
}  // namespace

std::optional<std::u32string> decode_utf8(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    char32_t c;
    size_t n = decode_one(s, i, c);
    if (n == 0) return std::nullopt;
    out.push_back(c);
    i += n;
  }
  return out;
}

size_t code_points(std::string_view s) {
  size_t count = 0;
  for (size_t i = 0; i < s.size(); ++count) {
    char32_t c;
    size_t n = decode_one(s, i, c);
    i += n == 0 ? 1 : n;
  }
  return count;
}

std::string utf8_prefix(std::string_view s, size_t n) {
  size_t i = 0;
  for (size_t k = 0; k < n && i < s.size(); ++k) {
    char32_t c;
    size_t len = decode_one(s, i, c);
    i += len == 0 ? 1 : len;
  }
  return std::string(s.substr(0, i));
}

}  // namespace conform::gen
