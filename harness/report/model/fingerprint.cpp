#include "harness/report/model/fingerprint.h"

namespace conform::report {

uint64_t stable_hash64(std::string_view bytes, uint64_t basis) {
  uint64_t h = basis;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  return h;
}

uint64_t mix64(uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

std::string hex64(uint64_t value) {
  static const char* digits = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[static_cast<size_t>(i)] = digits[value & 0xf];
    value >>= 4;
  }
  return out;
}

std::string fingerprint(const std::string& operation, const std::string& check, const std::string& rule,
                        const std::string& facet, const std::string& expected) {
  // Unit separators keep ("ab","c") and ("a","bc") apart.
  std::string key;
  key.reserve(operation.size() + check.size() + rule.size() + facet.size() + expected.size() + 4);
  key += operation;
  key += '\x1f';
  key += check;
  key += '\x1f';
  key += rule;
  key += '\x1f';
  key += facet;
  key += '\x1f';
  key += expected;
  return hex64(mix64(stable_hash64(key)));
}

}  // namespace conform::report
