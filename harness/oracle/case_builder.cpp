#include "harness/oracle/case_builder.h"

#include "harness/oracle/response_oracles.h"

namespace conform::oracle {

CaseBuilder::CaseBuilder(std::string check, const Scope& scope, Session& session, Json case_input)
    : check_(std::move(check)), scope_(scope), session_(session) {
  result_.check = check_;
  result_.operation = scope.op.id();
  result_.case_input = std::move(case_input);
  session_.caller.take_exchanges();  // the case starts with an empty log
}

void CaseBuilder::collect() {
  for (auto& e : session_.caller.take_exchanges()) log_.push_back(std::move(e));
}

protocol::DecodedResponse CaseBuilder::call(const spec::Operation& op, const Json& input, const std::string& purpose,
                                            int* index) {
  const spec::Service* service = scope_.specs.find_service(op.service);
  auto r = session_.caller.call(service ? *service : scope_.service, op, input, purpose);
  collect();
  if (index) *index = static_cast<int>(log_.size()) - 1;
  if (&op == &scope_.op && r.ok()) adopt_product(r);
  return r;
}

void CaseBuilder::adopt_product(const protocol::DecodedResponse& r) {
  const auto& lc = scope_.op.lifecycle;
  if (!lc || lc->produces.empty()) return;
  fixture::Variables vars = acquired_.empty() ? session_.fixtures.builtins() : acquired_.back().vars;
  if (!fixture::capture_into(lc->produces, r, log_.empty() ? nullptr : &log_.back().response.headers, vars)) return;
  acquired_.push_back(session_.fixtures.adopt(scope_.service.name, "made by " + scope_.op.name, lc->cleanup, std::move(vars)));
}

protocol::DecodedResponse CaseBuilder::call_raw(const spec::Operation& op, http::Request request, int* index) {
  auto r = session_.caller.call_raw(scope_.service, op, std::move(request), "raw");
  collect();
  if (index) *index = static_cast<int>(log_.size()) - 1;
  return r;
}

std::optional<fixture::Instance> CaseBuilder::acquire(const std::string& fixture) {
  std::string reason;
  auto inst = session_.fixtures.acquire(session_.caller, scope_.service.name, fixture, &reason);
  collect();
  if (!inst) {
    not_run(reason.empty() ? "fixture " + fixture + " could not be obtained" : reason);
    return std::nullopt;
  }
  acquired_.push_back(*inst);
  return inst;
}

int CaseBuilder::absorb(std::vector<transport::Exchange> exchanges) {
  int first = static_cast<int>(log_.size());
  for (auto& e : exchanges) log_.push_back(std::move(e));
  return first;
}

void CaseBuilder::add(Finding f) {
  f.check = check_;
  f.operation = scope_.op.id();
  result_.findings.push_back(std::move(f));
}

void CaseBuilder::judge(bool ok, const std::string& rule, const std::string& facet, spec::Provenance p,
                        std::string expected, std::string observed, int index, std::string message) {
  Finding f;
  f.rule = rule;
  f.facet = facet;
  f.provenance = p;
  f.verdict = ok ? Verdict::Pass : mismatch_verdict(p);
  f.expected = std::move(expected);
  f.observed = std::move(observed);
  f.exchange_index = index;
  f.message = std::move(message);
  add(std::move(f));
}

void CaseBuilder::not_run(const std::string& reason) {
  if (!result_.not_run) {
    result_.not_run = true;
    result_.not_run_reason = reason;
  }
}

CaseResult CaseBuilder::finish() {
  // Newest first: what a call made on a fixture's resources goes before them.
  for (auto it = acquired_.rbegin(); it != acquired_.rend(); ++it) session_.fixtures.release(session_.caller, *it);
  acquired_.clear();
  collect();
  result_.exchanges = std::move(log_);
  log_.clear();
  apply_response_oracles(scope_.service.protocol, result_);
  return std::move(result_);
}

const Json* json_at(const Json& doc, const std::string& pointer) {
  try {
    Json::json_pointer p(pointer);
    if (!doc.contains(p)) return nullptr;
    return &doc.at(p);
  } catch (const std::exception&) {
    return nullptr;
  }
}

std::string describe_answer(const protocol::DecodedResponse& r) {
  if (r.transport_error) return "no answer (" + r.transport_message + ")";
  std::string s = "HTTP " + std::to_string(r.status);
  if (r.error) s += " " + r.error->raw;
  if (r.message) s += ": " + r.message->substr(0, 400);
  return s;
}

}  // namespace conform::oracle
