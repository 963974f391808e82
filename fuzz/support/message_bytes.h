// Fuzz bytes read as the head and body of one HTTP message: header lines `Name: value` up to the first
// empty line, then the body. Shared by the targets that fabricate requests or responses.
//
// Promises: accepts any bytes without crashing; lines without a ':' (or starting with one) are skipped;
// names and values are trimmed of spaces, tabs and CR; at most kMaxHeaders headers are kept.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace conform::fuzz {

constexpr size_t kMaxHeaders = 64;

struct MessageBytes {
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
};

MessageBytes parse_message_bytes(std::string_view bytes);

// Reads the first `n` bytes as a big-endian number and removes them (missing bytes count as 0).
unsigned take_number(std::string_view& bytes, size_t n);

}  // namespace conform::fuzz
