// Judging one answer against an expected outcome (a rule's `expect`, or one derived from the service's
// validation style): status, error identity (code and wire form), message template, and for successes
// the output shape and sameAsFirstClose. Each facet is its own finding with its own provenance.
//
// Promises: never throws; a transport failure is a finding on the "status" facet (not-run is decided by
// the check, not here); the message facet is judged only when a template is known.
#pragma once

#include <optional>
#include <string>

#include "harness/oracle/case_builder.h"

namespace conform::oracle {

struct Expected {
  std::optional<int> status;
  std::string error;                          // empty: success
  std::optional<std::string> message;         // template
  spec::Provenance provenance = spec::Provenance::Inferred;          // status + error
  spec::Provenance message_provenance = spec::Provenance::Inferred;
  bool same_as_first_close = false;
  static Expected from(const spec::Expectation& e);
};

// `vars` resolve ${...} in the message template. `first_close` is the body of the first successful
// close (for sameAsFirstClose).
void judge_answer(CaseBuilder& b, const spec::Operation& op, const std::string& rule, const Expected& e,
                  const protocol::DecodedResponse& r, int index, const fixture::Variables& vars,
                  const std::optional<Json>& first_close = std::nullopt);

// The response_shape facet: required output members present with the right types (model), or an
// empty / {} body for operations without output.
void judge_output_shape(CaseBuilder& b, const spec::Operation& op, const std::string& rule,
                        const protocol::DecodedResponse& r, int index);

// The body of a success as compared by sameAsFirstClose (parsed body, {} when empty).
Json success_body(const protocol::DecodedResponse& r);

}  // namespace conform::oracle
