// Server-side SigV4 verification for the reference emulator: parses the Authorization header,
// recomputes the signature with the secret of the named access key, and classifies failures into the
// error identities AWS answers with.
//
// Promises: never throws; never puts a secret or a signature into `message`. Statuses (per protocol,
// because Coral awsJson services and Lambda's restJson1 front end differ):
//   missing Authorization            MissingAuthenticationTokenException  403 (both)
//   malformed header / no X-Amz-Date IncompleteSignatureException         400 (both)
//   unknown access key               UnrecognizedClientException          400 awsJson1_0, 403 restJson1
//   signature mismatch               InvalidSignatureException            400 awsJson1_0, 403 restJson1
// Sources: AWS "Common Errors" API reference pages (e.g. docs.aws.amazon.com/AmazonRDS/latest/APIReference/
// CommonErrors.html: IncompleteSignature 400, MissingAuthenticationToken 403); awsJson Coral services
// answering 400: aws/aws-sdk-php#2444 (Cognito, `400 Bad Request` {"__type":"UnrecognizedClientException"}),
// yegor256/s3auth#244 (DynamoDB, UnrecognizedClientException status 400),
// teralytics/prometheus-ecs-discovery#7 (ECS, InvalidSignatureException status 400); Lambda answering 403:
// erlcloud/erlcloud#690 (403 with x-amzn-errortype InvalidSignatureException), brendanhay/amazonka#594
// (Lambda 403 InvalidSignature), iann0036/iamlive#58 (Lambda 403 UnrecognizedClientException).
// For SFN and SWF specifically the 400s are inferred from other Coral awsJson services: measure them.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "harness/http/message.h"

namespace conform::auth {

struct ParsedAuthorization {
  std::string access_key_id, date, region, service;  // from Credential=AKID/date/region/service/aws4_request
  std::vector<std::string> signed_headers;
  std::string signature;
};

// nullopt (and a reason) when the value is not a well-formed AWS4-HMAC-SHA256 Authorization header.
std::optional<ParsedAuthorization> parse_authorization(const std::string& value, std::string* reason = nullptr);

struct VerifyOptions {
  bool rest_json = false;                    // selects the statuses above
  bool double_encode_path = true;
  // The secret of an access key id, or nullopt when the key is unknown.
  std::function<std::optional<std::string>(const std::string& access_key_id)> secret_for;
};

struct VerifyResult {
  bool ok = false;
  int status = 0;                            // 0 when ok
  std::string error;                         // error identity, empty when ok
  std::string message;
  std::optional<ParsedAuthorization> authorization;
};

VerifyResult verify(const http::Request& request, const VerifyOptions& options);

}  // namespace conform::auth
