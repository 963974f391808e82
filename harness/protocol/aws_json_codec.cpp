// awsJson1_0 encoding: POST /, Content-Type application/x-amz-json-1.0, X-Amz-Target <prefix>.<Op>, the
// input as a JSON object ({} when empty). Members not in the model are sent as given (fuzzing).
#include "harness/protocol/codec_internal.h"
#include "harness/protocol/safe_json.h"
#include "harness/protocol/wire_values.h"

namespace conform::protocol::internal {

http::Request encode_aws_json(const spec::Service& service, const spec::Operation& op, const Json& input,
                              const EncodeOptions& options) {
  http::Request r;
  r.method = "POST";
  r.path = "/";
  r.headers.set("Host", options.host);
  r.headers.set("Content-Type", "application/x-amz-json-1.0");
  std::string prefix = service.target_prefix.empty() ? service.name : service.target_prefix;
  r.headers.set("X-Amz-Target", prefix + "." + op.name);
  if (input.is_null()) r.body = "{}";
  else r.body = dump_json(to_body_value(&op.input, input));
  return r;
}

}  // namespace conform::protocol::internal
