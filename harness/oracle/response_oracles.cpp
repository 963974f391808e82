#include "harness/oracle/response_oracles.h"

#include "harness/protocol/codec.h"

#include <cctype>

namespace conform::oracle {

namespace {
bool is_throttle(const transport::Exchange& e) {
  // Throttling answers the Caller retried are logged but not judged.
  return e.retried;
}
std::string describe(const transport::Exchange& e) {
  std::string body = e.response.body.substr(0, 300);
  return e.operation + " (" + e.purpose + "): HTTP " + std::to_string(e.response.status) + " " + body;
}
}  // namespace

std::optional<Finding> no_server_error(const transport::Exchange& e, int index) {
  if (e.response.status == 0 || is_throttle(e)) return std::nullopt;
  Finding f;
  f.rule = "no-server-error";
  f.facet = "no-5xx";
  f.provenance = spec::Provenance::Model;
  f.expected = "a status below 500";
  f.observed = "HTTP " + std::to_string(e.response.status);
  f.exchange_index = index;
  if (e.response.status >= 500) {
    f.verdict = Verdict::Violation;
    f.message = "server error for " + describe(e);
  }
  return f;
}

std::optional<Finding> error_has_identity(spec::Protocol protocol, const transport::Exchange& e, int index) {
  int s = e.response.status;
  if (s == 0 || (s >= 200 && s < 300) || is_throttle(e)) return std::nullopt;
  Finding f;
  f.rule = "error-has-identity";
  f.facet = "identity";
  f.provenance = spec::Provenance::Model;
  f.expected = protocol == spec::Protocol::RestJson1 ? "X-Amzn-ErrorType header (or body __type/code)"
                                                     : "body __type (or code)";
  f.exchange_index = index;
  auto id = protocol::parse_error_identity(protocol, e.response);
  if (id && !id->code.empty()) {
    f.observed = id->raw + " (" + id->source + ")";
  } else {
    f.verdict = Verdict::Violation;
    f.observed = "no error identity";
    f.message = "non-2xx answer without an error identity: " + describe(e);
  }
  return f;
}

std::optional<Finding> error_content_type(spec::Protocol protocol, const transport::Exchange& e, int index) {
  int s = e.response.status;
  if (s == 0 || (s >= 200 && s < 300) || is_throttle(e)) return std::nullopt;
  const std::string want = protocol == spec::Protocol::RestJson1 ? "application/json" : "application/x-amz-json-1.0";
  const std::string got = e.response.headers.get("Content-Type").value_or("");
  std::string media;  // the media type before any parameter, lower-cased
  for (char c : got) {
    if (c == ';') break;
    if (c != ' ') media += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  Finding f;
  f.rule = "error-content-type";
  f.facet = "content-type";
  f.provenance = spec::Provenance::Documented;
  f.tier = Tier::Fidelity;
  f.expected = want;
  f.observed = got.empty() ? "(no Content-Type)" : got;
  f.exchange_index = index;
  if (media != want) f.verdict = Verdict::Violation;
  return f;
}

void apply_response_oracles(spec::Protocol protocol, CaseResult& result) {
  bool any_5xx_judged = false, any_identity_judged = false;
  bool all_ok_5xx = true, all_ok_identity = true;
  for (size_t i = 0; i < result.exchanges.size(); ++i) {
    const auto& e = result.exchanges[i];
    if (auto f = no_server_error(e, static_cast<int>(i))) {
      any_5xx_judged = true;
      if (f->verdict != Verdict::Pass) {
        all_ok_5xx = false;
        f->check = result.check;
        f->operation = result.operation;
        f->situation = "any";
        f->blamed = e.operation;
        result.findings.push_back(*f);
      }
    }
    if (auto f = error_content_type(protocol, e, static_cast<int>(i)); f && f->verdict != Verdict::Pass) {
      f->check = result.check;
      f->operation = result.operation;
      f->situation = "any";
      f->blamed = e.operation;
      result.findings.push_back(*f);
    }
    if (auto f = error_has_identity(protocol, e, static_cast<int>(i))) {
      any_identity_judged = true;
      if (f->verdict != Verdict::Pass) {
        all_ok_identity = false;
        f->check = result.check;
        f->operation = result.operation;
        f->situation = "any";
        f->blamed = e.operation;
        result.findings.push_back(*f);
      }
    }
  }
  auto pass = [&](const char* rule, const char* facet, const char* expected) {
    Finding f;
    f.check = result.check;
    f.operation = result.operation;
    f.rule = rule;
    f.facet = facet;
    f.provenance = spec::Provenance::Model;
    f.expected = expected;
    f.observed = std::to_string(result.exchanges.size()) + " exchanges";
    result.findings.push_back(f);
  };
  if (any_5xx_judged && all_ok_5xx) pass("no-server-error", "no-5xx", "no 5xx in any exchange");
  if (any_identity_judged && all_ok_identity) pass("error-has-identity", "identity", "every non-2xx has an error identity");
}

}  // namespace conform::oracle
