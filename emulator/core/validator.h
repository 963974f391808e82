// The Coral validator: constraint checks of a decoded, type-conformed input against the operation's
// input shape, as AWS runs them before any service code.
//
// Promises: never throws. Walks members in declaration order, depth first (a structure's own
// violations before its members'); per member: required (absent or null), then enum, pattern (whole
// match), length (strings in Unicode code points, blobs in decoded bytes, lists/maps in entries), and
// numeric range. Paths are Coral's ("error", "Error.ErrorMessage", "tags.1.member.key"), lowerCamel per
// segment when the service's style says so. Sensitive members never echo their value. Planted faults
// alter exactly the behaviour they name (see faults.h).
#pragma once

#include <string>
#include <vector>

#include "emulator/core/faults.h"
#include "harness/spec/model.h"

namespace conform::emulator {

// Rendered violations (no header), in order; empty when the input is valid.
std::vector<std::string> validate_input(const spec::Service& service, const spec::Operation& op,
                                        const spec::Json& input, const FaultSet& faults);

}  // namespace conform::emulator
