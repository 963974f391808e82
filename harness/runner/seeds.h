// Deterministic seeds and names for a run.
//
// Promises: unit_seed depends only on (global seed, operation, check, example index), never on
// scheduling, so a case generates the same input whatever --jobs or --shard; run_prefix depends only
// on the seed ("conform-" + 6 hex digits), so the same seed against a fresh target names resources the
// same way; example_size spreads sizes from 0 to 100 over the examples, like RapidCheck does.
#pragma once

#include <cstdint>
#include <string>

namespace conform::runner {

uint64_t unit_seed(uint64_t global_seed, const std::string& operation, const std::string& check, int example);
std::string run_prefix(uint64_t global_seed);
int example_size(int example, int examples);
// A fresh seed for runs without --seed (time and random_device mixed).
uint64_t fresh_seed();

}  // namespace conform::runner
