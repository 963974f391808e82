#include "harness/runner/shard.h"

namespace conform::runner {

namespace {

std::optional<int> parse_count(const std::string& digits) {
  if (digits.empty() || digits.size() > 5) return std::nullopt;
  int value = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace

std::optional<Shard> parse_shard(const std::string& text, std::string* error) {
  auto slash = text.find('/');
  std::optional<int> k, n;
  if (slash != std::string::npos) {
    k = parse_count(text.substr(0, slash));
    n = parse_count(text.substr(slash + 1));
  }
  if (!k || !n || *n < 1 || *n > 10000 || *k < 1 || *k > *n) {
    if (error)
      *error = "--shard expects K/N with 1 <= K <= N <= 10000 (for example 2/4), not '" + text.substr(0, 40) + "'";
    return std::nullopt;
  }
  return Shard{*k, *n};
}

}  // namespace conform::runner
