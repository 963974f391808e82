// The bookkeeping every check shares while running one case: calls through the session's Caller with
// their exchanges logged in order (fixture steps, probes, read-backs, clean-up), fixtures acquired for
// the case and released when it ends, and findings with check/operation filled in.
//
// A successful call of the scope's own operation that produces a resource (spec Lifecycle::produces)
// registers what it made, so finish() removes it with the lifecycle's clean-up steps.
//
// Promises: never throws. finish() releases every fixture the case acquired, newest first (best
// effort), returns all exchanges in the order they happened, applies the response-level oracles
// (no_server_error, error_has_identity) to each of them, and marks the case not-run (never pass) when
// a needed fixture could not be obtained.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "harness/oracle/check.h"
#include "harness/protocol/codec.h"

namespace conform::oracle {

class CaseBuilder {
 public:
  CaseBuilder(std::string check, const Scope& scope, Session& session, Json case_input);
  CaseBuilder(const CaseBuilder&) = delete;
  CaseBuilder& operator=(const CaseBuilder&) = delete;

  const Scope& scope() const { return scope_; }
  Session& session() { return session_; }

  // A logical call; `index` receives the exchange index of the (last) answer.
  protocol::DecodedResponse call(const spec::Operation& op, const Json& input, const std::string& purpose,
                                 int* index = nullptr);
  protocol::DecodedResponse call_raw(const spec::Operation& op, http::Request request, int* index = nullptr);
  // Acquires a fixture of the scope's service; on failure records the not-run reason and returns nullopt.
  std::optional<fixture::Instance> acquire(const std::string& fixture);
  // Appends exchanges made by another Caller (concurrent closes); returns the index of the first.
  int absorb(std::vector<transport::Exchange> exchanges);
  size_t exchange_count() const { return log_.size(); }

  void add(Finding f);
  // A judged facet: Pass when ok, else the mismatch verdict of `p`.
  void judge(bool ok, const std::string& rule, const std::string& facet, spec::Provenance p, std::string expected,
             std::string observed, int index, std::string message = "");
  void not_run(const std::string& reason);
  bool is_not_run() const { return result_.not_run; }

  CaseResult finish();

 private:
  void collect();
  void adopt_product(const protocol::DecodedResponse& r);
  std::string check_;
  const Scope& scope_;
  Session& session_;
  CaseResult result_;
  std::vector<transport::Exchange> log_;
  std::vector<fixture::Instance> acquired_;
};

// Safe JSON pointer lookup (nullptr when absent or malformed).
const Json* json_at(const Json& doc, const std::string& pointer);
// Human-readable short form of an answer for findings.
std::string describe_answer(const protocol::DecodedResponse& r);

}  // namespace conform::oracle
