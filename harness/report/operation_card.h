// `conform specs show OP`: everything an operation gets from its specs, and where each piece came
// from: the spec files (hand-written, generated from the model, or hand-written over the model), the
// wire binding, members with their constraints, errors, the rules written in spec files, the rules
// inferred from recipes, the constraint rules derived from the model (one per member x constraint, with
// the answer the service's validation style expects and its provenance), the fixture recipe and
// lifecycle (hand-written or inferred, with how each member is bound), pagination, and which checks
// apply (or why not).
//
// Promises: never throws; deterministic; plain text, one fact per line.
#pragma once

#include <string>

#include "harness/spec/model.h"

namespace conform::report {

std::string operation_card(const spec::SpecSet& specs, const spec::Operation& op);

}  // namespace conform::report
