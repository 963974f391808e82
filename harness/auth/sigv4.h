// AWS Signature Version 4 signing of an http::Request, as botocore's SigV4Auth does it.
//
// Promises: deterministic for a fixed `amz_date`; never throws. Signs every header present at signing
// time except expect, user-agent, x-amzn-trace-id and authorization (so host, content-type,
// x-amz-target, x-amz-date, x-amz-security-token and x-amz-content-sha256 when present), lowercase and
// sorted. For non-S3 services the request path, which is already percent-encoded, is encoded AGAIN in the
// canonical URI (double encoding), after removing dot segments and empty segments. The payload hash is
// SHA-256 of the body unless an X-Amz-Content-SHA256 header gives it.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "harness/http/message.h"

namespace conform::auth {

struct SigningCredentials {
  std::string access_key_id, secret_access_key, session_token;
};

struct SignOptions {
  std::string region = "us-east-1";
  std::string service;                // signing name, e.g. "states", "swf", "lambda"
  std::string amz_date;               // "20150830T123600Z"; empty: now (UTC)
  bool double_encode_path = true;     // false only for S3-style services
  bool add_content_sha256 = false;    // also send (and sign) X-Amz-Content-SHA256
};

// Adds X-Amz-Date, X-Amz-Security-Token (with a session token) and Authorization (replacing earlier
// ones). The request should carry a Host header; it is signed as found.
void sign(http::Request& request, const SigningCredentials& credentials, const SignOptions& options);

// The steps, exposed for tests and for verification.
std::string amz_date_now();
std::string canonical_uri(std::string_view encoded_path, bool double_encode);
std::string canonical_query(const std::vector<std::pair<std::string, std::string>>& decoded_query);
std::vector<std::string> headers_to_sign(const http::Headers& headers);
std::string canonical_headers(const http::Headers& headers, const std::vector<std::string>& signed_headers);
std::string payload_hash(const http::Request& request);
std::string canonical_request(const http::Request& request, const std::vector<std::string>& signed_headers,
                              bool double_encode);
std::string credential_scope(std::string_view date, std::string_view region, std::string_view service);
std::string string_to_sign(std::string_view amz_date, std::string_view scope, std::string_view canonical_request);
std::string signing_key(std::string_view secret, std::string_view date, std::string_view region,
                        std::string_view service);
std::string signature_hex(std::string_view signing_key, std::string_view string_to_sign);
std::string join_signed_headers(const std::vector<std::string>& names);

}  // namespace conform::auth
