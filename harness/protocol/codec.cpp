// Protocol dispatch (encode) and response decoding shared by both protocols.
#include "harness/protocol/codec.h"

#include "harness/protocol/codec_internal.h"
#include "harness/protocol/safe_json.h"
#include "harness/protocol/wire_values.h"

namespace conform::protocol {

using spec::Location;
using spec::ShapeType;

http::Request encode(const spec::Service& service, const spec::Operation& op, const Json& input,
                     const EncodeOptions& options) {
  try {
    if (service.protocol == spec::Protocol::RestJson1) return internal::encode_rest_json(service, op, input, options);
    return internal::encode_aws_json(service, op, input, options);
  } catch (...) {
    // Not reachable with nlohmann's documented behaviour; keep the promise regardless.
    http::Request r;
    r.headers.set("Host", options.host);
    r.body = dump_json(input);
    return r;
  }
}

namespace {

std::optional<std::string> error_message(const std::optional<Json>& body) {
  if (!body || !body->is_object()) return std::nullopt;
  for (const char* key : {"message", "Message", "errorMessage"}) {
    auto it = body->find(key);
    if (it != body->end() && it->is_string()) return it->get<std::string>();
  }
  return std::nullopt;
}

Json raw_body_value(const std::string& body) {
  if (is_valid_utf8(body)) return body;
  return base64_encode(body);  // keeps the Json dump()-safe; see codec.h
}

Json success_output(const spec::Operation& op, const http::Response& response, const std::optional<Json>& body) {
  Json output = Json::object();
  const spec::Member* payload = nullptr;
  if (op.output)
    for (const auto& m : op.output->members)
      if (m.location == Location::Payload) payload = &m;
  if (payload) {
    const spec::Shape* shape = payload->shape.get();
    if (shape && shape->type == ShapeType::Structure) {
      if (body) output[payload->name] = *body;
    } else if (!response.body.empty()) {
      output[payload->name] = raw_body_value(response.body);
    }
  } else if (body && body->is_object()) {
    output = *body;
  }
  if (op.output)
    for (const auto& m : op.output->members) {
      if (m.location != Location::Header) continue;
      const std::string& wire = m.location_name.empty() ? m.name : m.location_name;
      // Header bytes are whatever the target sent: keep the output dump()-safe (found by response_judge).
      if (auto v = response.headers.get(wire)) output[m.name] = from_header_text(m.shape.get(), valid_utf8(*v));
    }
  return output;
}

}  // namespace

DecodedResponse decode(const spec::Service& service, const spec::Operation& op, const http::Response& response) {
  DecodedResponse d;
  d.status = response.status;
  d.body_empty = response.body.empty();
  try {
    if (!d.body_empty) {
      std::string error;
      d.body = parse_json_safely(response.body, &error);
      if (!d.body) d.body_parse_error = error.empty() ? "not JSON" : error;
    }
    if (d.status < 200 || d.status >= 300) {
      d.error = internal::error_identity(service.protocol, response, d.body);
      d.message = error_message(d.body);
    } else {
      d.output = success_output(op, response, d.body);
    }
  } catch (const std::exception& e) {
    d.body_parse_error = std::string("decode failed: ") + e.what();
  } catch (...) {
    d.body_parse_error = "decode failed";
  }
  return d;
}

}  // namespace conform::protocol
