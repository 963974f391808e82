// Internal seams of the codec: one encoder per protocol, and error identity resolution over an already
// parsed body. Not part of the public contract (see codec.h).
#pragma once

#include <optional>

#include "harness/protocol/codec.h"

namespace conform::protocol::internal {

http::Request encode_aws_json(const spec::Service& service, const spec::Operation& op, const Json& input,
                              const EncodeOptions& options);
http::Request encode_rest_json(const spec::Service& service, const spec::Operation& op, const Json& input,
                               const EncodeOptions& options);
std::optional<ErrorIdentity> error_identity(spec::Protocol protocol, const http::Response& response,
                                            const std::optional<Json>& body);

}  // namespace conform::protocol::internal
