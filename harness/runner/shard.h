// --shard K/N: the K-th of N deterministic slices of a run's work units.
//
// Promises: parse_shard accepts exactly "K/N" with 1 <= K <= N <= 10000 (decimal, no sign or spaces)
// and explains any other text; in_shard(ordinal) partitions the ordinals 0,1,2,... so that the N shards
// are disjoint and their union is the whole run.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace conform::runner {

struct Shard {
  int index = 1;  // K, 1-based
  int count = 1;  // N
  bool in_shard(size_t ordinal) const { return static_cast<int>(ordinal % static_cast<size_t>(count)) == index - 1; }
  std::string to_string() const { return std::to_string(index) + "/" + std::to_string(count); }
};

std::optional<Shard> parse_shard(const std::string& text, std::string* error = nullptr);

}  // namespace conform::runner
