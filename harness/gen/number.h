// Numbers in a range (integer/long/double members, timestamps), boundary-weighted.
//
// Promises: values lie in [min, max] (defaults: the type's natural range); the exact bounds are drawn
// often; shrinks toward the bound nearest zero. Deterministic for a seed.
#pragma once

#include <cstdint>
#include <optional>
#include <rapidcheck.h>

namespace conform::gen {

rc::Gen<int64_t> integer_in(std::optional<int64_t> min, std::optional<int64_t> max, bool is_long);
rc::Gen<double> double_in(std::optional<int64_t> min, std::optional<int64_t> max);
rc::Gen<double> epoch_seconds();

}  // namespace conform::gen
