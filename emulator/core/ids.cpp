// Deterministic identifiers (see ids.h). Every value derives from the seed and a call counter through
// splitmix64, so the sequence is reproducible and the counter makes it thread-safe.
#include "emulator/core/ids.h"

#include "emulator/core/base64.h"

#include <cstring>
#include <string>
#include <vector>

namespace conform::emulator {
namespace {

constexpr unsigned char kMagic0 = 0xC0, kMagic1 = 0xF0;  // first bytes of every token
constexpr size_t kRandomBytes = 280;                      // ~400 base64 characters in all
constexpr uint64_t kChecksumKey = 0x9e3779b97f4a7c15ull;

uint64_t splitmix64(uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

uint64_t checksum(const unsigned char* data, size_t n) {
  uint64_t h = 1469598103934665603ull ^ kChecksumKey;  // FNV-1a, keyed
  for (size_t i = 0; i < n; ++i) {
    h ^= data[i];
    h *= 1099511628211ull;
  }
  return splitmix64(h);
}

}  // namespace

uint64_t Ids::next() {
  uint64_t n = counter_.fetch_add(1, std::memory_order_relaxed);
  return splitmix64(seed_ ^ splitmix64(n + 1));
}

std::string Ids::hex(size_t chars) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(chars);
  while (out.size() < chars) {
    uint64_t v = next();
    for (int i = 0; i < 16 && out.size() < chars; ++i, v >>= 4) out += kHex[v & 15];
  }
  return out;
}

std::string Ids::uuid() {
  std::string h = hex(32);
  h[12] = '4';                                  // version 4 layout
  h[16] = "89ab"[(h[16] - '0') & 3];
  return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) + "-" +
         h.substr(20, 12);
}

std::string Ids::task_token(const std::string& kind) {
  std::vector<unsigned char> bytes = {kMagic0, kMagic1, static_cast<unsigned char>(kind.size() & 0xff)};
  bytes.insert(bytes.end(), kind.begin(), kind.end());
  while (bytes.size() < 3 + kind.size() + kRandomBytes) {
    uint64_t v = next();
    for (int i = 0; i < 8 && bytes.size() < 3 + kind.size() + kRandomBytes; ++i, v >>= 8)
      bytes.push_back(static_cast<unsigned char>(v & 0xff));
  }
  uint64_t sum = checksum(bytes.data(), bytes.size());
  for (int i = 0; i < 8; ++i, sum >>= 8) bytes.push_back(static_cast<unsigned char>(sum & 0xff));
  return base64_encode(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

bool Ids::is_well_formed_token(const std::string& token, const std::string& kind) {
  if (kind.size() > 255) return false;
  auto decoded = base64_decode(token);
  if (!decoded) return false;
  std::vector<unsigned char> bytes(decoded->begin(), decoded->end());
  size_t header = 3 + kind.size();
  if (bytes.size() < header + 8) return false;
  if (bytes[0] != kMagic0 || bytes[1] != kMagic1 || bytes[2] != kind.size()) return false;
  if (std::memcmp(bytes.data() + 3, kind.data(), kind.size()) != 0) return false;
  size_t body = bytes.size() - 8;
  uint64_t sum = checksum(bytes.data(), body);
  for (int i = 0; i < 8; ++i, sum >>= 8)
    if (bytes[body + i] != static_cast<unsigned char>(sum & 0xff)) return false;
  return true;
}

}  // namespace conform::emulator
