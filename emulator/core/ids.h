// Identifiers the emulator issues: UUIDs, task tokens, run ids.
//
// Promises: deterministic for a given seed and call order (a fresh emulator with the same seed issues
// the same sequence); distinct within one emulator; thread-safe. Task tokens look like AWS's: long
// base64 text, and carry a checksum so a token that was never issued but is well-formed can be told
// from a malformed one (see is_well_formed_token).
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

namespace conform::emulator {

class Ids {
 public:
  explicit Ids(uint64_t seed = 0x5eed) : seed_(seed) {}
  std::string uuid();                          // 8-4-4-4-12 lowercase hex
  std::string hex(size_t chars);               // random lowercase hex
  std::string task_token(const std::string& kind);  // base64 text, ~ 400 chars, embeds `kind`
  static bool is_well_formed_token(const std::string& token, const std::string& kind);
  void restart() { counter_ = 0; }             // the sequence again from its first value

 private:
  uint64_t next();
  uint64_t seed_;
  std::atomic<uint64_t> counter_{0};
};

}  // namespace conform::emulator
