// Protocol codecs: a logical call (operation + input JSON) to an HTTP request, and an HTTP response to
// a decoded answer, for awsJson1_0 and restJson1, as the AWS SDKs do it.
//
// Promises: encode() is deterministic (same input, same bytes); restJson1 URI labels are
// percent-encoded per RFC 3986 (every byte outside A-Za-z0-9-._~, so ':' '/' '$' too); header and query
// members go where their spec says; a payload member is the whole body. decode() never throws: any
// status, headers and body (including garbage from a hostile target) yield a DecodedResponse.
#pragma once

#include <optional>
#include <string>

#include "harness/http/message.h"
#include "harness/spec/model.h"

namespace conform::protocol {

using spec::Json;

// The error identity as SDKs resolve it: from awsJson `__type` (or `code`), or restJson1
// `X-Amzn-ErrorType` (falling back to body `__type`/`code`): text before the first ':' then after the
// last '#'. `raw` keeps the value exactly as received.
struct ErrorIdentity {
  std::string code;
  std::string raw;
  std::string source;  // "header:X-Amzn-ErrorType", "body:__type", "body:code"
};
std::optional<ErrorIdentity> parse_error_identity(spec::Protocol protocol, const http::Response& response);
// The sanitising rule alone ("ns#Name:http://..." -> "Name").
std::string sanitize_error_code(const std::string& raw);

struct DecodedResponse {
  int status = 0;
  bool transport_error = false;        // no HTTP answer at all (see `transport_message`)
  std::string transport_message;
  std::optional<ErrorIdentity> error;  // set for non-2xx answers that carry one
  std::optional<std::string> message;  // error message: body `message` / `Message` / `errorMessage`
  std::optional<Json> body;            // parsed JSON body, if it parsed
  bool body_empty = true;
  std::string body_parse_error;        // set when a non-empty body was not JSON
  Json output = Json::object();        // success: output members from body + headers (+ payload)
  bool ok() const { return status >= 200 && status < 300 && !transport_error; }
};

struct EncodeOptions {
  std::string host = "localhost";      // Host header
};

http::Request encode(const spec::Service& service, const spec::Operation& op, const Json& input,
                     const EncodeOptions& options = {});
DecodedResponse decode(const spec::Service& service, const spec::Operation& op, const http::Response& response);

// Expands a restJson1 URI template with the input's Uri members. Unknown or missing labels are left
// empty. `encode_labels=false` inserts raw values (used to probe unencoded labels).
std::string expand_uri(const spec::Operation& op, const Json& input, bool encode_labels = true);

}  // namespace conform::protocol
