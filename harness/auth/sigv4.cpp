#include "harness/auth/sigv4.h"

#include <algorithm>
#include <cctype>
#include <ctime>

#include "harness/auth/crypto.h"
#include "harness/http/message.h"

namespace conform::auth {

namespace {

// botocore's _header_value: split on whitespace and join with one space (trims and collapses).
std::string collapse_spaces(std::string_view v) {
  std::string out;
  bool pending = false;
  for (char c : v) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
      pending = !out.empty();
      continue;
    }
    if (pending) out.push_back(' ');
    pending = false;
    out.push_back(c);
  }
  return out;
}

// RFC 3986 5.2.4 plus removal of empty segments (botocore.utils.remove_dot_segments).
std::string remove_dot_segments(std::string_view path) {
  if (path.empty()) return "/";
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i <= path.size()) {
    size_t slash = path.find('/', i);
    std::string_view seg = path.substr(i, slash == std::string_view::npos ? std::string_view::npos : slash - i);
    if (!seg.empty() && seg != ".") {
      if (seg == "..") {
        if (!out.empty()) out.pop_back();
      } else {
        out.push_back(seg);
      }
    }
    if (slash == std::string_view::npos) break;
    i = slash + 1;
  }
  std::string result = path.front() == '/' ? "/" : "";
  for (size_t k = 0; k < out.size(); ++k) {
    if (k) result.push_back('/');
    result.append(out[k]);
  }
  if (result != "/" && path.back() == '/' && !out.empty()) result.push_back('/');
  if (result.empty()) result = "/";
  return result;
}

const char* kUnsigned[] = {"expect", "user-agent", "x-amzn-trace-id", "authorization"};

}  // namespace

std::string amz_date_now() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
  return buf;
}

std::string canonical_uri(std::string_view encoded_path, bool double_encode) {
  std::string normalized = remove_dot_segments(encoded_path);
  if (!double_encode) return normalized;
  std::string out;
  std::string segment;
  for (char c : normalized) {
    if (c == '/') {
      out += http::percent_encode(segment);
      out.push_back('/');
      segment.clear();
    } else {
      segment.push_back(c);
    }
  }
  return out + http::percent_encode(segment);
}

std::string canonical_query(const std::vector<std::pair<std::string, std::string>>& decoded) {
  std::vector<std::pair<std::string, std::string>> encoded;
  encoded.reserve(decoded.size());
  for (const auto& [k, v] : decoded) encoded.emplace_back(http::percent_encode(k), http::percent_encode(v));
  std::sort(encoded.begin(), encoded.end());
  std::string out;
  for (const auto& [k, v] : encoded) {
    if (!out.empty()) out.push_back('&');
    out += k + "=" + v;
  }
  return out;
}

std::vector<std::string> headers_to_sign(const http::Headers& headers) {
  std::vector<std::string> names;
  for (const auto& [name, value] : headers.all()) {
    std::string l = http::ascii_lower(name);
    if (std::find(std::begin(kUnsigned), std::end(kUnsigned), l) != std::end(kUnsigned)) continue;
    if (std::find(names.begin(), names.end(), l) == names.end()) names.push_back(l);
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string canonical_headers(const http::Headers& headers, const std::vector<std::string>& signed_headers) {
  std::string out;
  for (const auto& name : signed_headers) {
    std::string joined;
    bool first = true;
    for (const auto& [k, v] : headers.all()) {
      if (!http::iequals(k, name)) continue;
      if (!first) joined.push_back(',');
      joined += collapse_spaces(v);
      first = false;
    }
    out += name + ":" + joined + "\n";
  }
  return out;
}

std::string payload_hash(const http::Request& request) {
  if (auto h = request.headers.get("X-Amz-Content-SHA256")) return *h;
  return sha256_hex(request.body);
}

std::string join_signed_headers(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) {
    if (!out.empty()) out.push_back(';');
    out += n;
  }
  return out;
}

std::string canonical_request(const http::Request& request, const std::vector<std::string>& signed_headers,
                              bool double_encode) {
  std::string method = request.method;
  for (auto& c : method) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return method + "\n" + canonical_uri(request.path, double_encode) + "\n" + canonical_query(request.query) + "\n" +
         canonical_headers(request.headers, signed_headers) + "\n" + join_signed_headers(signed_headers) + "\n" +
         payload_hash(request);
}

std::string credential_scope(std::string_view date, std::string_view region, std::string_view service) {
  return std::string(date) + "/" + std::string(region) + "/" + std::string(service) + "/aws4_request";
}

std::string string_to_sign(std::string_view amz_date, std::string_view scope, std::string_view creq) {
  return "AWS4-HMAC-SHA256\n" + std::string(amz_date) + "\n" + std::string(scope) + "\n" + sha256_hex(creq);
}

std::string signing_key(std::string_view secret, std::string_view date, std::string_view region,
                        std::string_view service) {
  std::string k = hmac_sha256("AWS4" + std::string(secret), date);
  k = hmac_sha256(k, region);
  k = hmac_sha256(k, service);
  return hmac_sha256(k, "aws4_request");
}

std::string signature_hex(std::string_view key, std::string_view sts) { return to_hex(hmac_sha256(key, sts)); }

namespace {
// The derived key changes only with the date, region, service or secret: the AWS SDKs cache it, so do we
// (one entry per thread; four HMACs saved per request).
const std::string& cached_signing_key(std::string_view secret, std::string_view date, std::string_view region,
                                      std::string_view service) {
  struct Entry {
    std::string secret, date, region, service, key;
  };
  thread_local Entry cache;
  if (cache.key.empty() || cache.secret != secret || cache.date != date || cache.region != region ||
      cache.service != service)
    cache = {std::string(secret), std::string(date), std::string(region), std::string(service),
             signing_key(secret, date, region, service)};
  return cache.key;
}
}  // namespace

void sign(http::Request& request, const SigningCredentials& credentials, const SignOptions& options) {
  std::string amz_date = options.amz_date.empty() ? amz_date_now() : options.amz_date;
  std::string date = amz_date.substr(0, 8);
  request.headers.remove("Authorization");
  request.headers.set("X-Amz-Date", amz_date);
  if (!credentials.session_token.empty()) request.headers.set("X-Amz-Security-Token", credentials.session_token);
  if (options.add_content_sha256) request.headers.set("X-Amz-Content-SHA256", sha256_hex(request.body));
  auto names = headers_to_sign(request.headers);
  std::string scope = credential_scope(date, options.region, options.service);
  std::string creq = canonical_request(request, names, options.double_encode_path);
  std::string sts = string_to_sign(amz_date, scope, creq);
  std::string sig =
      signature_hex(cached_signing_key(credentials.secret_access_key, date, options.region, options.service), sts);
  request.headers.set("Authorization", "AWS4-HMAC-SHA256 Credential=" + credentials.access_key_id + "/" + scope +
                                           ", SignedHeaders=" + join_signed_headers(names) + ", Signature=" + sig);
}

}  // namespace conform::auth
