// The dispatcher's second half: the operation's input as one JSON object keyed by member name, read
// from wherever each member travels, type-checked and normalised (see shape_conformance.h).
//
// awsJson1_0: Content-Type must be application/x-amz-json-1.0 or 1.1 (parameters allowed); the body
// must be a JSON object (empty body = {}). restJson1: body members from a JSON object body, URI labels,
// headers (lists comma-separated), query values (lists repeated), a payload member = the whole body
// (structure: JSON object; blob: the raw bytes, carried as base64 text like every blob in the input;
// string: the text). Promises: never throws; a request the protocol cannot read yields a
// ProtocolProblem (malformed-json, body-not-object, wrong-content-type, wrong-type) instead of input.
#pragma once

#include <map>
#include <string>
#include <variant>

#include "emulator/core/protocol_problem.h"
#include "harness/http/message.h"
#include "harness/spec/model.h"

namespace conform::emulator {

std::variant<spec::Json, ProtocolProblem> decode_input(const spec::Service& service, const spec::Operation& op,
                                                       const http::Request& request,
                                                       const std::map<std::string, std::string>& labels);

// True for "application/x-amz-json-1.0" / "-1.1", any case, parameters ignored.
bool is_aws_json_content_type(const std::string& value);

}  // namespace conform::emulator
