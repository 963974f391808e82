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
  Json results = Json::array();
  for (const auto& f : r.failures) {
    Json result = Json::object();
    result["ruleId"] = f.check;
    result["level"] = f.accepted ? "note" : f.verdict == "violation" ? "error" : "warning";
    std::string text = f.operation + ": " + f.rule + " / " + f.facet + ": expected " + f.expected.substr(0, 500) +
                       ", observed " + f.observed.substr(0, 500) + " (provenance " + f.provenance + ")";
    if (!f.replay_command.empty()) text += ". Replay: " + f.replay_command;
    result["message"] = {{"text", text}};
    auto file = r.operation_files.find(f.operation);
    std::string uri = file == r.operation_files.end() || file->second.empty() ? "specs" : "specs/" + file->second;
    result["locations"] = Json::array({{{"physicalLocation", {{"artifactLocation", {{"uri", uri}}}}}}});
    result["partialFingerprints"] = {{"conformFingerprint/v1", f.fingerprint}};
    if (f.accepted) result["baselineState"] = "unchanged";
    result["properties"] = {{"operation", f.operation}, {"rule", f.rule},        {"facet", f.facet},
                            {"provenance", f.provenance}, {"occurrences", f.occurrences}, {"caseFile", f.case_file}};
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
