#include "harness/runner/case_file.h"

#include "harness/report/model/root_cause.h"

#include <filesystem>

#include "harness/report/model/baseline.h"
#include "harness/runner/aggregate.h"

namespace conform::runner {

namespace {

using spec::Json;

bool is_secret_header(const std::string& name) {
  return http::iequals(name, "Authorization") || http::iequals(name, "X-Amz-Security-Token") ||
         http::iequals(name, "Cookie") || http::iequals(name, "Set-Cookie") ||
         http::iequals(name, "Proxy-Authorization");
}

Json headers_to_json(const http::Headers& headers) {
  Json out = Json::object();
  for (const auto& [name, value] : headers.all()) {
    std::string shown = is_secret_header(name) ? std::string("REDACTED") : value;
    auto it = out.find(name);
    if (it != out.end() && it->is_string()) *it = it->get<std::string>() + ", " + shown;
    else out[name] = shown;
  }
  return out;
}

// Single-quoted for POSIX shells: ' becomes '\''.
std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

std::string text(const Json& obj, const char* key) {
  auto it = obj.find(key);
  return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
}

size_t judged_index(const oracle::CaseResult& result, int exchange_index) {
  if (exchange_index >= 0 && static_cast<size_t>(exchange_index) < result.exchanges.size())
    return static_cast<size_t>(exchange_index);
  for (size_t i = result.exchanges.size(); i-- > 0;)
    if (result.exchanges[i].purpose == "probe" || result.exchanges[i].purpose == "raw") return i;
  return result.exchanges.empty() ? 0 : result.exchanges.size() - 1;
}

std::string trim_slash(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

}  // namespace

std::string curl_command(const transport::Exchange& exchange, const std::string& url, const std::string& region,
                         const std::string& signing_name) {
  const http::Request& req = exchange.request;
  std::string cmd = "curl -sS -i -X " + req.method + " \"${CONFORM_TARGET:-" + trim_slash(url) + "}\"" +
                    shell_quote(req.target());
  for (const auto& [name, value] : req.headers.all()) {
    if (is_secret_header(name) || http::iequals(name, "X-Amz-Date") || http::iequals(name, "Host") ||
        http::iequals(name, "Content-Length") || http::iequals(name, "X-Amz-Content-Sha256"))
      continue;
    cmd += " -H " + shell_quote(name + ": " + value);
  }
  if (!signing_name.empty())
    cmd += " --aws-sigv4 " + shell_quote("aws:amz:" + region + ":" + signing_name) +
           " --user \"$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY\"";
  if (!req.body.empty() || req.method == "POST" || req.method == "PUT") cmd += " --data-binary " + shell_quote(req.body);
  return cmd;
}

std::string replay_command(const std::string& case_path, const CaseRecord& record) {
  if (record.embedded) return "conform replay " + case_path;
  return "conform replay " + case_path + " --target " + record.target;
}

Json exchange_to_json(const transport::Exchange& e) {
  Json j = Json::object();
  j["operation"] = e.operation;
  j["purpose"] = e.purpose;
  j["request"] = {{"method", e.request.method},
                  {"target", e.request.target()},
                  {"headers", headers_to_json(e.request.headers)},
                  {"body", e.request.body}};
  j["response"] = {{"status", e.response.status}, {"headers", headers_to_json(e.response.headers)}, {"body", e.response.body}};
  if (!e.transport_error.empty()) j["transportError"] = e.transport_error;
  j["elapsedMs"] = e.elapsed_ms;
  return j;
}

Json finding_to_json(const oracle::Finding& f) {
  Json j = Json::object();
  j["check"] = f.check;
  j["operation"] = f.operation;
  j["rule"] = f.rule;
  j["facet"] = f.facet;
  j["verdict"] = verdict_name(f.verdict);
  j["provenance"] = spec::to_string(f.provenance);
  j["expected"] = f.expected;
  j["observed"] = f.observed;
  j["message"] = f.message;
  j["exchangeIndex"] = f.exchange_index;
  return j;
}

Json case_to_json(const CaseRecord& r, const std::string& case_path) {
  const oracle::Finding& f = r.finding;
  Json j = Json::object();
  j["schema"] = kCaseSchema;
  j["fingerprint"] = r.fingerprint;
  j["operation"] = f.operation;
  j["check"] = f.check;
  j["rule"] = f.rule;
  j["facet"] = f.facet;
  j["verdict"] = verdict_name(f.verdict);
  j["provenance"] = spec::to_string(f.provenance);
  j["expected"] = f.expected;
  j["observed"] = f.observed;
  j["message"] = f.message;
  j["replay"] = replay_command(case_path, r);
  size_t judged = judged_index(r.result, f.exchange_index);
  j["curl"] = r.result.exchanges.empty()
                  ? std::string()
                  : curl_command(r.result.exchanges[judged], r.target, r.region, r.signing_name);
  j["judgedExchange"] = r.result.exchanges.empty() ? -1 : static_cast<int>(judged);
  j["caseInput"] = r.result.case_input;
  Json findings = Json::array();
  for (const auto& finding : r.result.findings)
    if (finding.verdict == oracle::Verdict::Violation || finding.verdict == oracle::Verdict::Unconfirmed)
      findings.push_back(finding_to_json(finding));
  j["findings"] = findings;
  Json exchanges = Json::array();
  Json curls = Json::array();
  for (const auto& e : r.result.exchanges) {
    exchanges.push_back(exchange_to_json(e));
    curls.push_back(curl_command(e, r.target, r.region, r.signing_name));
  }
  j["exchanges"] = exchanges;
  j["curlSequence"] = curls;
  j["run"] = {{"seed", r.run_seed},   {"unitSeed", r.unit_seed}, {"example", r.example},
              {"size", r.size},       {"target", r.target},      {"embedded", r.embedded},
              {"faults", r.faults},   {"region", r.region},      {"runId", r.run_id}};
  j["shrink"] = {{"shrunk", r.shrunk}, {"steps", r.shrink_steps}, {"attempts", r.shrink_attempts}};
  return j;
}

std::optional<LoadedCase> load_case(const std::string& path, std::string* error) {
  auto content = report::read_text_file(path, error);
  if (!content) return std::nullopt;
  Json doc = Json::parse(*content, nullptr, false);
  auto fail = [&](const std::string& why) -> std::optional<LoadedCase> {
    if (error) *error = path + ": " + why;
    return std::nullopt;
  };
  if (doc.is_discarded() || !doc.is_object()) return fail("not a JSON object");
  if (text(doc, "schema") != kCaseSchema)
    return fail("not a Conform case file (expected \"schema\": \"" + std::string(kCaseSchema) + "\")");
  LoadedCase c;
  c.fingerprint = text(doc, "fingerprint");
  c.operation = text(doc, "operation");
  c.check = text(doc, "check");
  c.rule = text(doc, "rule");
  c.facet = text(doc, "facet");
  c.verdict = text(doc, "verdict");
  c.provenance = text(doc, "provenance");
  c.expected = text(doc, "expected");
  c.observed = text(doc, "observed");
  if (c.operation.empty() || c.check.empty()) return fail("the case names no operation or check");
  auto input = doc.find("caseInput");
  if (input == doc.end()) return fail("the case has no 'caseInput'");
  c.case_input = *input;
  auto run = doc.find("run");
  if (run != doc.end() && run->is_object()) {
    if (auto r = text(*run, "region"); !r.empty()) c.region = r;
    c.target = text(*run, "target");
    auto emb = run->find("embedded");
    c.embedded = emb != run->end() && emb->is_boolean() && emb->get<bool>();
    auto seed = run->find("seed");
    if (seed != run->end() && seed->is_number_unsigned()) c.seed = seed->get<uint64_t>();
    auto faults = run->find("faults");
    if (faults != run->end() && faults->is_array())
      for (const auto& f : *faults)
        if (f.is_string()) c.faults.push_back(f.get<std::string>());
  }
  return c;
}

std::vector<std::string> write_case_files(RunOutcome& outcome, const std::string& report_dir,
                                          std::vector<std::string>* errors) {
  std::vector<std::string> written;
  for (const auto& record : outcome.cases) {
    std::string relative = "cases/" + record.fingerprint + ".json";
    std::string path = (std::filesystem::path(report_dir) / relative).string();
    std::string error;
    if (!report::write_text_file(path, report::dump_json(case_to_json(record, path)) + "\n", &error)) {
      if (errors) errors->push_back(error);
      continue;
    }
    written.push_back(path);
    for (auto& failure : outcome.report.failures) {
      if (failure.fingerprint != record.fingerprint) continue;
      failure.case_file = relative;
      failure.replay_command = replay_command(path, record);
      size_t judged = judged_index(record.result, record.finding.exchange_index);
      if (!record.result.exchanges.empty())
        failure.curl_command =
            curl_command(record.result.exchanges[judged], record.target, record.region, record.signing_name);
    }
  }
  report::link_minimal_symptoms(outcome.report);
  return written;
}

}  // namespace conform::runner
