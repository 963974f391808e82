#include "fuzz/support/message_bytes.h"

namespace conform::fuzz {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

MessageBytes parse_message_bytes(std::string_view bytes) {
  MessageBytes out;
  while (!bytes.empty()) {
    size_t nl = bytes.find('\n');
    std::string_view line = bytes.substr(0, nl);
    bytes = nl == std::string_view::npos ? std::string_view() : bytes.substr(nl + 1);
    if (trim(line).empty()) break;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0 || out.headers.size() >= kMaxHeaders) continue;
    out.headers.emplace_back(std::string(trim(line.substr(0, colon))), std::string(trim(line.substr(colon + 1))));
  }
  out.body = std::string(bytes);
  return out;
}

unsigned take_number(std::string_view& bytes, size_t n) {
  unsigned v = 0;
  for (size_t i = 0; i < n; ++i) {
    v = (v << 8) | (i < bytes.size() ? static_cast<unsigned char>(bytes[i]) : 0u);
  }
  bytes.remove_prefix(n < bytes.size() ? n : bytes.size());
  return v;
}

}  // namespace conform::fuzz
