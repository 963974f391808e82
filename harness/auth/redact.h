// Removal of credentials and signatures from anything Conform writes down (reports, replay files,
// exchange logs, error text).
//
// Promises: never throws. Headers: Authorization keeps only its shape (algorithm, credential scope
// without the access key id, signed header names); X-Amz-Security-Token, X-Amz-Credential,
// X-Amz-Signature, Cookie and Proxy-Authorization values become "<redacted>". Text: Signature=<hex>,
// Credential=<key>/..., X-Amz-Security-Token values, AWS access key ids (AKIA/ASIA...), ini-style
// aws_secret_access_key / aws_session_token assignments, and every string in `secrets` are replaced.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "harness/http/message.h"

namespace conform::auth {

inline constexpr const char* kRedacted = "<redacted>";

std::string redact_authorization(std::string_view value);
http::Headers redact_headers(const http::Headers& headers);
std::string redact(std::string_view text, const std::vector<std::string>& secrets = {});

}  // namespace conform::auth
