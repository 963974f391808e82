// libFuzzer's custom mutator hook for the emulator_single_request target: structure-aware mutation of
// one request (fuzz/mutator/script_mutator.h, mutate_request), falling back to LLVMFuzzerMutate on its
// body. Linked only into fuzz_emulator_single_request (not fuzz_emulator_single_request_plain).
#include <cstdint>
#include <cstring>
#include <string_view>

#include "fuzz/mutator/script_mutator.h"

extern "C" size_t LLVMFuzzerMutate(uint8_t* data, size_t size, size_t max_size);

extern "C" size_t LLVMFuzzerCustomMutator(uint8_t* data, size_t size, size_t max_size, unsigned int seed) {
  conform::fuzz::Rng rng(seed ? seed : 1);
  std::string out = conform::fuzz::mutate_request(std::string_view(reinterpret_cast<const char*>(data), size), max_size,
                                                  rng, [](uint8_t* d, size_t s, size_t m) { return LLVMFuzzerMutate(d, s, m); });
  size_t n = out.size() < max_size ? out.size() : max_size;
  std::memcpy(data, out.data(), n);
  return n;
}
