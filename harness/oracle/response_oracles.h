// Response-level oracles applied to EVERY exchange of every case (probes, fixture steps, read-backs,
// clean-up): `no_server_error` (never a 5xx) and `error_has_identity` (every non-2xx answer carries an
// error identity the SDKs can resolve). Both are hard: a 5xx for client input, or an error without a
// code, breaks the protocol contract (Smithy awsJson1_0 / restJson1 error serialization: model).
// `error_content_type` (fidelity tier: SDKs read the body whatever its type) judges that an error answer
// has its protocol's content type: application/x-amz-json-1.0 (awsJson1_0) or application/json
// (restJson1), documented by the Smithy protocol specifications.
//
// Promises: never throws; judges each exchange once; transport failures (no HTTP answer) are neither
// passed nor failed here; throttling answers retried by the Caller are skipped.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "harness/oracle/finding.h"

namespace conform::oracle {

// nullopt when the exchange has nothing to judge for that oracle.
std::optional<Finding> no_server_error(const transport::Exchange& exchange, int index);
std::optional<Finding> error_has_identity(spec::Protocol protocol, const transport::Exchange& exchange, int index);
std::optional<Finding> error_content_type(spec::Protocol protocol, const transport::Exchange& exchange, int index);

// Applies the oracles to result.exchanges: one failing finding per failing exchange, and one Pass
// finding per oracle when every exchange passed.
void apply_response_oracles(spec::Protocol protocol, CaseResult& result);

}  // namespace conform::oracle
