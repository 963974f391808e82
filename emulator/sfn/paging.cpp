// Page tokens and slices (see paging.h). Token: base64 of
// "<digest of the listing>|<issue time in ms>|<start key>|<checksum of what precedes>".
#include "emulator/sfn/paging.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "emulator/core/base64.h"

namespace conform::emulator::sfn {
namespace {

constexpr const char* kChecksumSalt = "conform-sfn-page-token/1";

uint64_t fnv1a(const std::string& a, const std::string& b = "") {
  uint64_t h = 1469598103934665603ull;
  for (const std::string* s : {&a, &b})
    for (unsigned char c : *s) {
      h ^= c;
      h *= 1099511628211ull;
    }
  return h;
}

std::string hex16(uint64_t v) {
  static const char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4) out[static_cast<size_t>(i)] = kHex[v & 15];
  return out;
}

std::optional<long long> parse_millis(const std::string& s) {
  if (s.empty() || s.size() > 18) return std::nullopt;
  long long v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

}  // namespace

size_t page_size(const spec::Json* max_results) {
  if (!max_results || !max_results->is_number_integer()) return kDefaultPageSize;
  auto n = max_results->get<long long>();
  return n <= 0 ? kDefaultPageSize : static_cast<size_t>(n);
}

std::string make_page_token(const std::string& listing, const std::string& start_key, double now) {
  auto millis = static_cast<long long>(std::llround(now * 1000.0));
  std::string body = hex16(fnv1a(listing)) + "|" + std::to_string(millis) + "|" + start_key;
  return base64_encode(body + "|" + hex16(fnv1a(kChecksumSalt, body)));
}

std::optional<std::string> read_page_token(const std::string& token, const std::string& listing, double now) {
  auto raw = base64_decode(token);
  if (!raw || raw->size() < 17 + 16 + 2) return std::nullopt;
  std::string body = raw->substr(0, raw->size() - 17);
  if ((*raw)[body.size()] != '|' || raw->substr(body.size() + 1) != hex16(fnv1a(kChecksumSalt, body)))
    return std::nullopt;
  size_t first = body.find('|');
  size_t second = first == std::string::npos ? first : body.find('|', first + 1);
  if (second == std::string::npos || body.substr(0, first) != hex16(fnv1a(listing))) return std::nullopt;
  auto issued = parse_millis(body.substr(first + 1, second - first - 1));
  if (!issued || now * 1000.0 - static_cast<double>(*issued) >= kPageTokenLifetime * 1000.0) return std::nullopt;
  return body.substr(second + 1);
}

Slice slice(const std::vector<std::string>& keys, const std::optional<std::string>& start, size_t size) {
  Slice s;
  s.begin = start ? static_cast<size_t>(std::lower_bound(keys.begin(), keys.end(), *start) - keys.begin()) : 0;
  s.end = s.begin + std::min(size, keys.size() - s.begin);
  if (s.end < keys.size()) s.next_key = keys[s.end];
  return s;
}

std::string number_key(unsigned long long n, bool descending) { return hex16(descending ? ~n : n); }

std::optional<unsigned long long> read_number_key(const std::string& key) {
  if (key.size() != 16) return std::nullopt;
  unsigned long long n = 0;
  for (char c : key) {
    int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    if (digit < 0) return std::nullopt;
    n = n * 16 + static_cast<unsigned long long>(digit);
  }
  return n;
}

}  // namespace conform::emulator::sfn
