// Outcome -> HTTP response, as the service's protocol puts it on the wire.
//
// awsJson1_0: Content-Type application/x-amz-json-1.0; success = JSON object of the declared output
// members (empty body when the operation has no output); error = status from the error's spec, body
// {"__type": <wire>, "message": <text>} plus extra members. restJson1: success = header members as
// headers, a payload member as the body (structure: JSON; blob: raw bytes from base64 text; string:
// text), other declared members as a JSON body; error = status, header X-Amzn-ErrorType, body built
// from the error spec's bodyMembers ({"Type":"User","Message":...}; ValidationException {"message":...}).
// Every response carries x-amzn-RequestId. Promises: never throws (invalid UTF-8 is replaced when
// serialising); undeclared errors get Coral's namespace and 400 (500 for InternalFailure /
// ServiceException); the RestJsonNotFoundAs400 fault turns restJson1 ResourceNotFoundException into 400.
#pragma once

#include <optional>
#include <string>

#include "emulator/core/backend.h"

namespace conform::emulator {

http::Response encode_success(const spec::Service& service, const spec::Operation& op, const Outcome& outcome,
                              const std::string& request_id);

struct ErrorToSend {
  std::string name;
  std::string message;
  Json extra = Json::object();
  std::optional<int> status;  // overrides the spec's status
  std::vector<std::pair<std::string, std::string>> headers;
};

// `service` may be null (request not attributable): awsJson1_0 form with Coral's namespace.
http::Response encode_error(const spec::Service* service, const spec::Operation* op, const ErrorToSend& error,
                            const FaultSet& faults, const std::string& request_id);

}  // namespace conform::emulator
