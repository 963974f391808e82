// Redaction of a finished run's outcome before anything is written: the values of @sensitive spec
// members (--redact-sensitive), and the run's own credentials as a last line of defence (the Caller
// already redacts signature headers; this also covers any echo in bodies or messages).
//
// Promises: never throws; touches every text of the outcome that reports and case files are made from
// (report failures, exit reason, clean-up list, case inputs, findings, exchanges: paths, headers,
// bodies). Sensitive values are replaced in request bodies and case inputs by structure (by the
// operation's input shape, whatever their length) and everywhere else as text (values of 3 or more
// characters, so that short values do not blank unrelated text).
#pragma once

#include <string>
#include <vector>

#include "harness/runner/run_options.h"

namespace conform::runner {

// The values of @sensitive members found in the outcome's requests and case inputs.
std::vector<std::string> sensitive_values(const RunOutcome& outcome, const spec::SpecSet& specs);
void redact_sensitive(RunOutcome& outcome, const spec::SpecSet& specs);
// Removes `secrets` (and signatures, key ids, token assignments: auth::redact) from every text.
void scrub_secrets(RunOutcome& outcome, const std::vector<std::string>& secrets);

}  // namespace conform::runner
