// Error identity resolution (codec.h: parse_error_identity, sanitize_error_code).
//
// Order, as the SDKs do it: restJson1 reads the X-Amzn-ErrorType header first, then body `code`, then
// body `__type` (aws-sdk-js loadRestJsonErrorCode); awsJson1_0 reads body `__type` first, then `code`
// (botocore JSONParser), then falls back to the header. Sanitising follows botocore: keep the text
// before the first ':', then the text after the last '#'.
#include <string>

#include "harness/protocol/codec.h"
#include "harness/protocol/codec_internal.h"
#include "harness/protocol/safe_json.h"

namespace conform::protocol {

std::string sanitize_error_code(const std::string& raw) {
  std::string code = raw.substr(0, raw.find(':'));
  auto hash = code.rfind('#');
  if (hash != std::string::npos) code = code.substr(hash + 1);
  // Trim surrounding whitespace (a header value may carry it).
  auto b = code.find_first_not_of(" \t");
  auto e = code.find_last_not_of(" \t");
  return b == std::string::npos ? std::string() : code.substr(b, e - b + 1);
}

namespace {

std::optional<ErrorIdentity> from_value(const std::string& raw, std::string source) {
  std::string code = sanitize_error_code(raw);
  if (code.empty()) return std::nullopt;
  return ErrorIdentity{code, raw, std::move(source)};
}

std::optional<ErrorIdentity> from_header(const http::Response& r) {
  if (auto h = r.headers.get("X-Amzn-ErrorType")) return from_value(valid_utf8(*h), "header:X-Amzn-ErrorType");
  return std::nullopt;
}

std::optional<ErrorIdentity> from_body_key(const std::optional<spec::Json>& body, const char* key) {
  if (!body || !body->is_object()) return std::nullopt;
  auto it = body->find(key);
  if (it == body->end() || !it->is_string()) return std::nullopt;
  return from_value(it->get<std::string>(), std::string("body:") + key);
}

}  // namespace

std::optional<ErrorIdentity> internal::error_identity(spec::Protocol protocol, const http::Response& response,
                                                     const std::optional<spec::Json>& body) {
  if (protocol == spec::Protocol::RestJson1) {
    if (auto e = from_header(response)) return e;
    if (auto e = from_body_key(body, "code")) return e;
    return from_body_key(body, "__type");
  }
  if (auto e = from_body_key(body, "__type")) return e;
  if (auto e = from_body_key(body, "code")) return e;
  return from_header(response);
}

std::optional<ErrorIdentity> parse_error_identity(spec::Protocol protocol, const http::Response& response) {
  std::optional<spec::Json> body;
  if (!response.body.empty()) body = parse_json_safely(response.body);
  return internal::error_identity(protocol, response, body);
}

}  // namespace conform::protocol
