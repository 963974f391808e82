#include "harness/auth/sigv4_verify.h"

#include <algorithm>

#include "harness/auth/crypto.h"
#include "harness/auth/sigv4.h"

namespace conform::auth {

namespace {

// Header values: blanks (space, tab) around them do not count.
std::string trim_blanks(std::string s) {
  auto b = s.find_first_not_of(" \t");
  auto e = s.find_last_not_of(" \t");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t i = 0;
  while (true) {
    size_t j = s.find(sep, i);
    out.push_back(s.substr(i, j == std::string::npos ? std::string::npos : j - i));
    if (j == std::string::npos) break;
    i = j + 1;
  }
  return out;
}

bool constant_time_equal(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

VerifyResult failure(int status, std::string error, std::string message) {
  VerifyResult r;
  r.status = status;
  r.error = std::move(error);
  r.message = std::move(message);
  return r;
}

}  // namespace

std::optional<ParsedAuthorization> parse_authorization(const std::string& value, std::string* reason) {
  auto fail = [&](std::string why) -> std::optional<ParsedAuthorization> {
    if (reason) *reason = std::move(why);
    return std::nullopt;
  };
  const std::string algo = "AWS4-HMAC-SHA256";
  std::string v = trim_blanks(value);
  if (v.compare(0, algo.size(), algo) != 0 || (v.size() > algo.size() && v[algo.size()] != ' '))
    return fail("Authorization header is not AWS4-HMAC-SHA256.");
  std::string params = v.substr(algo.size());
  ParsedAuthorization p;
  bool have_credential = false, have_signed = false, have_signature = false;
  for (auto& part : split(params, ',')) {
    std::string kv = trim_blanks(part);
    auto eq = kv.find('=');
    if (eq == std::string::npos) continue;
    std::string key = kv.substr(0, eq), val = kv.substr(eq + 1);
    if (key == "Credential") {
      auto pieces = split(val, '/');
      if (pieces.size() != 5 || pieces[4] != "aws4_request" || pieces[0].empty() || pieces[1].size() != 8)
        return fail("Credential should be scoped correctly: <key>/<date>/<region>/<service>/aws4_request.");
      p.access_key_id = pieces[0];
      p.date = pieces[1];
      p.region = pieces[2];
      p.service = pieces[3];
      have_credential = true;
    } else if (key == "SignedHeaders") {
      p.signed_headers = split(val, ';');
      have_signed = !val.empty();
    } else if (key == "Signature") {
      p.signature = val;
      have_signature = !val.empty();
    }
  }
  std::string missing;
  if (!have_credential) missing += "Authorization header requires 'Credential' parameter. ";
  if (!have_signature) missing += "Authorization header requires 'Signature' parameter. ";
  if (!have_signed) missing += "Authorization header requires 'SignedHeaders' parameter. ";
  if (!missing.empty()) return fail(trim_blanks(missing));
  return p;
}

VerifyResult verify(const http::Request& request, const VerifyOptions& options) {
  const int mismatch_status = options.rest_json ? 403 : 400;
  try {
    auto header = request.headers.get("Authorization");
    if (!header || trim_blanks(*header).empty())
      return failure(403, "MissingAuthenticationTokenException", "Missing Authentication Token");
    std::string reason;
    auto parsed = parse_authorization(*header, &reason);
    if (!parsed) return failure(400, "IncompleteSignatureException", reason);
    auto amz_date = request.headers.get("X-Amz-Date");
    if (!amz_date || amz_date->size() != 16)
      return failure(400, "IncompleteSignatureException",
                     "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
    if (std::find(parsed->signed_headers.begin(), parsed->signed_headers.end(), "host") == parsed->signed_headers.end())
      return failure(400, "IncompleteSignatureException", "'Host' must be a 'SignedHeader' in the AWS Authorization.");
    std::optional<std::string> secret = options.secret_for ? options.secret_for(parsed->access_key_id) : std::nullopt;
    if (!secret)
      return failure(mismatch_status, "UnrecognizedClientException",
                     "The security token included in the request is invalid.");
    std::string creq = canonical_request(request, parsed->signed_headers, options.double_encode_path);
    std::string scope = credential_scope(parsed->date, parsed->region, parsed->service);
    std::string sts = string_to_sign(*amz_date, scope, creq);
    std::string expected = signature_hex(signing_key(*secret, parsed->date, parsed->region, parsed->service), sts);
    if (!constant_time_equal(expected, parsed->signature) || amz_date->substr(0, 8) != parsed->date) {
      auto r = failure(mismatch_status, "InvalidSignatureException",
                       "The request signature we calculated does not match the signature you provided. Check your "
                       "AWS Secret Access Key and signing method. Consult the service documentation for details.");
      r.authorization = parsed;
      return r;
    }
    VerifyResult ok;
    ok.ok = true;
    ok.authorization = parsed;
    return ok;
  } catch (...) {
    return failure(400, "IncompleteSignatureException", "The request signature does not conform to AWS standards.");
  }
}

}  // namespace conform::auth
