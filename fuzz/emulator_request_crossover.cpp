// libFuzzer's custom cross-over hook for the emulator_request target: splices request scripts at step
// boundaries (a prefix of one script, then steps of the other), so a lifecycle from one input can meet
// the closes and probes of another. Linked only into fuzz_emulator_request.
#include <cstdint>
#include <cstring>
#include <string_view>

#include "fuzz/mutator/script_mutator.h"

extern "C" size_t LLVMFuzzerCustomCrossOver(const uint8_t* data1, size_t size1, const uint8_t* data2, size_t size2,
                                            uint8_t* out, size_t max_out_size, unsigned int seed) {
  conform::fuzz::Rng rng(seed ? seed : 1);
  std::string merged = conform::fuzz::cross_over_scripts(std::string_view(reinterpret_cast<const char*>(data1), size1),
                                                         std::string_view(reinterpret_cast<const char*>(data2), size2),
                                                         max_out_size, rng);
  std::memcpy(out, merged.data(), merged.size());
  return merged.size();
}
