#include "harness/report/sarif.h"

namespace conform::report {

Json sarif_log(const RunReport& r) {
  Json rules = Json::array();
  for (const auto& check : r.checks) {
    auto d = r.check_descriptions.find(check);
    Json rule = Json::object();
    rule["id"] = check;
    rule["name"] = check;
    rule["shortDescription"] = {{"text", d == r.check_descriptions.end() || d->second.empty() ? check : d->second}};
    rules.push_back(std::move(rule));
  }
  // One result per headline finding (one per root cause), its symptoms in the properties.
  Json results = Json::array();
  for (const auto& h : r.findings) {
    const FailureRecord* minimal = nullptr;
    Json symptoms = Json::array();
    for (const auto& f : r.failures) {
      if (f.finding != h.fingerprint) continue;
      if (f.fingerprint == h.minimal) minimal = &f;
      symptoms.push_back({{"fingerprint", f.fingerprint}, {"operation", f.operation}, {"check", f.check}, {"rule", f.rule},
                          {"facet", f.facet}, {"verdict", f.verdict}, {"expected", f.expected.substr(0, 500)},
                          {"observed", f.observed.substr(0, 500)}, {"caseFile", f.case_file}});
    }
    Json result = Json::object();
    result["ruleId"] = minimal ? minimal->check : h.cause;
    result["level"] = h.accepted ? "note" : h.tier == "fidelity" ? "note" : h.verdict == "violation" ? "error" : "warning";
    std::string text = h.title + " (" + std::to_string(h.symptoms.size()) + " symptom(s), provenance " + h.provenance + ")";
    if (!h.replay_command.empty()) text += ". Replay: " + h.replay_command;
    result["message"] = {{"text", text}};
    auto file = r.operation_files.find(h.operation);
    std::string uri = file == r.operation_files.end() || file->second.empty() ? "specs" : "specs/" + file->second;
    result["locations"] = Json::array({{{"physicalLocation", {{"artifactLocation", {{"uri", uri}}}}}}});
    result["partialFingerprints"] = {{"conformFinding/v1", h.fingerprint}};
    if (h.accepted) result["baselineState"] = "unchanged";
    result["properties"] = {{"operation", h.operation}, {"operations", h.operations}, {"tier", h.tier},
                            {"provenance", h.provenance}, {"occurrences", h.occurrences}, {"caseFile", h.case_file},
                            {"symptoms", symptoms}};
    results.push_back(std::move(result));
  }
  Json run = Json::object();
  run["tool"] = {{"driver", {{"name", "conform"}, {"version", r.version}, {"informationUri", "https://github.com/conform/conform"}, {"rules", rules}}}};
  run["results"] = results;
  run["invocations"] = Json::array({{{"executionSuccessful", r.error.empty()}, {"exitCode", r.exit_code}}});
  Json log = Json::object();
  log["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  log["version"] = "2.1.0";
  log["runs"] = Json::array({run});
  return log;
}

}  // namespace conform::report
