// Evaluating lifecycle state assertions (whileLive / afterClose) on a read-back body.
//
// Promises: never throws; `equals` strings expand ${vars}; `equalsInput` compares with the close
// request's member and requires absence (missing or null) when the request did not send it; strings
// that are both JSON texts compare as JSON; `some` holds when one array element satisfies every nested
// assertion. The provenance of a failed `some` is the outer one unless an element satisfies all of the
// hard nested assertions, in which case the failure is only the soft ones' (Unconfirmed).
#pragma once

#include <string>

#include "harness/fixture/fixture_runner.h"
#include "harness/spec/model.h"

namespace conform::oracle {

struct AssertionOutcome {
  bool ok = true;
  spec::Provenance provenance = spec::Provenance::Inferred;
  std::string expected, observed;
};

AssertionOutcome evaluate(const spec::StateAssertion& a, const spec::Json& doc, const spec::Json& close_input,
                          const fixture::Variables& vars);

}  // namespace conform::oracle
