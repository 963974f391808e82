// The structure-aware mutation of request scripts (the emulator_request fuzz target's input): one call
// applies one mutation chosen at random among
//   insert-request   a valid request for a random spec'd operation, identifier members bound to the
//                    placeholders the emulator's answers fill ({{taskToken}}, {{X-Amz-Durable-Execution-Arn%}})
//   re-close         a copy of a closing step later in the script (closing twice, or after a sibling)
//   swap-sibling     a step's operation replaced by a sibling on the same fixture, members re-bound
//   boundary         a member set to a boundary-length string or number (min-1, min, max, max+1; multibyte)
//   wrong-type       a member set to a value of the wrong JSON type
//   identifier       an identifier member set to a live, closed, forged or malformed value
//   advance          an `@advance N` clock step inserted (N around the spec'd timeouts)
//   drop-step        a step removed
//   bytes            the fallback: one step's body (or the whole input) mutated by the byte mutator
// Promises: never throws; the result is at most max_size bytes (a mutation that would exceed it is
// replaced by the byte fallback); deterministic for a given rng state and fallback.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "fuzz/mutator/value_classes.h"

namespace conform::fuzz {

enum class Mutation { InsertRequest, ReClose, SwapSibling, Boundary, WrongType, Identifier, Advance, DropStep, Bytes, kCount };
const char* to_string(Mutation m);

// libFuzzer's LLVMFuzzerMutate signature: mutates data[0, size) in place, returns the new size.
using ByteMutator = std::function<size_t(uint8_t* data, size_t size, size_t max_size)>;

std::string mutate_script(std::string_view input, size_t max_size, Rng& rng, const ByteMutator& fallback);
// One given mutation (tests); falls back to Bytes when it does not apply to the input.
std::string apply_mutation(Mutation m, std::string_view input, size_t max_size, Rng& rng, const ByteMutator& fallback);
// The emulator_single_request form: `input` is one request (request_script.h parse_step). One call
// applies one of new-request (a valid request for a random catalog operation replaces it),
// swap-sibling, boundary, wrong-type, identifier, or the byte fallback (mostly on the body); the same
// promises as mutate_script, and the result is one request again.
std::string mutate_request(std::string_view input, size_t max_size, Rng& rng, const ByteMutator& fallback);
// Steps [0, i) of `a` followed by steps [j, end) of `b` (or `b`'s steps spliced into `a`).
std::string cross_over_scripts(std::string_view a, std::string_view b, size_t max_size, Rng& rng);

}  // namespace conform::fuzz
