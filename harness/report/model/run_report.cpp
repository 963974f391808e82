#include "harness/report/model/run_report.h"

namespace conform::report {

namespace {

const char* const kStatusNames[kCellStatusCount] = {"pass",     "accepted", "unconfirmed",    "violation",
                                                     "not-run", "n/a",      "not-implemented"};

// Reads an optional member of the expected JSON type; records the first type error.
struct Reader {
  const Json& obj;
  std::string where;
  std::string* error;
  bool ok = true;

  const Json* get(const char* key, bool required) {
    auto it = obj.find(key);
    if (it == obj.end()) {
      if (required) fail(std::string("missing '") + key + "'");
      return nullptr;
    }
    return &*it;
  }
  void fail(const std::string& what) {
    if (ok && error) *error = where + what;
    ok = false;
  }
  void str(const char* key, std::string& out, bool required = false) {
    if (const Json* v = get(key, required)) {
      if (v->is_string()) out = v->get<std::string>();
      else fail(std::string("'") + key + "' must be a string");
    }
  }
  template <class Int>
  void integer(const char* key, Int& out, bool required = false) {
    if (const Json* v = get(key, required)) {
      if (v->is_number_integer()) out = v->get<Int>();
      else fail(std::string("'") + key + "' must be an integer");
    }
  }
  void number(const char* key, double& out) {
    if (const Json* v = get(key, false)) {
      if (v->is_number()) out = v->get<double>();
      else fail(std::string("'") + key + "' must be a number");
    }
  }
  void boolean(const char* key, bool& out) {
    if (const Json* v = get(key, false)) {
      if (v->is_boolean()) out = v->get<bool>();
      else fail(std::string("'") + key + "' must be a boolean");
    }
  }
  void strings(const char* key, std::vector<std::string>& out, bool required = false) {
    if (const Json* v = get(key, required)) {
      if (!v->is_array()) return fail(std::string("'") + key + "' must be an array");
      for (const auto& e : *v) {
        if (!e.is_string()) return fail(std::string("'") + key + "' must hold strings");
        out.push_back(e.get<std::string>());
      }
    }
  }
};

Json cell_to_json(const CellResult& c) {
  Json j = Json::object();
  j["operation"] = c.operation;
  j["check"] = c.check;
  j["status"] = to_string(c.status);
  j["cases"] = c.cases;
  j["passed"] = c.passed;
  j["violations"] = c.violations;
  j["unconfirmed"] = c.unconfirmed;
  j["accepted"] = c.accepted;
  j["notRun"] = c.not_run;
  j["reason"] = c.reason;
  j["durationMs"] = c.duration_ms;
  j["fingerprints"] = c.fingerprints;
  return j;
}

Json failure_to_json(const FailureRecord& f) {
  Json j = Json::object();
  j["fingerprint"] = f.fingerprint;
  j["operation"] = f.operation;
  j["check"] = f.check;
  j["rule"] = f.rule;
  j["facet"] = f.facet;
  j["verdict"] = f.verdict;
  j["provenance"] = f.provenance;
  j["expected"] = f.expected;
  j["observed"] = f.observed;
  j["message"] = f.message;
  j["occurrences"] = f.occurrences;
  j["accepted"] = f.accepted;
  j["example"] = f.example;
  j["shrunk"] = f.shrunk;
  j["shrinkSteps"] = f.shrink_steps;
  j["caseFile"] = f.case_file;
  j["replay"] = f.replay_command;
  j["curl"] = f.curl_command;
  j["situation"] = f.situation;
  j["blamed"] = f.blamed;
  j["closedBy"] = f.closed_by;
  j["tier"] = f.tier;
  j["signature"] = f.signature;
  j["finding"] = f.finding;
  return j;
}

Json finding_to_json(const HeadlineFinding& f) {
  Json j = Json::object();
  j["fingerprint"] = f.fingerprint;
  j["cause"] = f.cause;
  j["title"] = f.title;
  j["operation"] = f.operation;
  j["operations"] = f.operations;
  j["tier"] = f.tier;
  j["verdict"] = f.verdict;
  j["provenance"] = f.provenance;
  j["symptoms"] = f.symptoms;
  j["occurrences"] = f.occurrences;
  j["accepted"] = f.accepted;
  j["minimal"] = f.minimal;
  j["caseFile"] = f.case_file;
  j["replay"] = f.replay_command;
  j["curl"] = f.curl_command;
  return j;
}

}  // namespace

const char* to_string(CellStatus s) { return kStatusNames[static_cast<int>(s)]; }

std::optional<CellStatus> cell_status_from_string(const std::string& s) {
  for (int i = 0; i < kCellStatusCount; ++i)
    if (s == kStatusNames[i]) return static_cast<CellStatus>(i);
  return std::nullopt;
}

const CellResult* RunReport::cell(const std::string& operation, const std::string& check) const {
  for (const auto& c : cells)
    if (c.operation == operation && c.check == check) return &c;
  return nullptr;
}

int RunReport::count_not_implemented_operations() const {
  int n = 0;
  for (const auto& c : coverage) n += static_cast<int>(c.not_implemented.size());
  return n;
}

int RunReport::count_cells(CellStatus s) const {
  int n = 0;
  for (const auto& c : cells) n += c.status == s;
  return n;
}

int RunReport::count_failures(const std::string& verdict, bool accepted) const {
  int n = 0;
  for (const auto& f : failures) n += f.tier != "fidelity" && f.verdict == verdict && f.accepted == accepted;
  return n;
}

int RunReport::count_fidelity(bool accepted) const {
  int n = 0;
  for (const auto& f : failures) n += f.tier == "fidelity" && f.accepted == accepted;
  return n;
}

int RunReport::count_findings(const std::string& tier, const std::string& verdict) const {
  int n = 0;
  for (const auto& f : findings) n += !f.accepted && f.tier == tier && (verdict.empty() || f.verdict == verdict);
  return n;
}

Json to_json(const RunReport& r) {
  Json j = Json::object();
  j["schema"] = kRunReportSchema;
  j["tool"] = r.tool;
  j["version"] = r.version;
  j["startedAt"] = r.started_at;
  j["finishedAt"] = r.finished_at;
  j["durationS"] = r.duration_s;
  j["target"] = r.target;
  j["embedded"] = r.embedded;
  j["faults"] = r.faults;
  j["seed"] = r.seed;
  j["runId"] = r.run_id;
  j["examples"] = r.examples;
  j["jobs"] = r.jobs;
  j["shard"] = {{"index", r.shard_index}, {"count", r.shard_count}};
  j["strict"] = r.strict;
  j["region"] = r.region;
  j["baseline"] = r.baseline_file;
  j["operations"] = r.operations;
  j["checks"] = r.checks;
  Json files = Json::object();
  for (const auto& [op, file] : r.operation_files) files[op] = file;
  j["operationFiles"] = files;
  Json descriptions = Json::object();
  for (const auto& [check, text] : r.check_descriptions) descriptions[check] = text;
  j["checkDescriptions"] = descriptions;
  Json totals = Json::object();
  for (int i = 0; i < kCellStatusCount; ++i) totals[kStatusNames[i]] = r.count_cells(static_cast<CellStatus>(i));
  j["cellTotals"] = totals;
  j["failureTotals"] = {{"violations", r.count_failures("violation", false)},
                        {"unconfirmed", r.count_failures("unconfirmed", false)},
                        {"accepted", r.count_failures("violation", true) + r.count_failures("unconfirmed", true)},
                        {"fidelity", r.count_fidelity(false)}};
  j["findingTotals"] = {{"violations", r.count_findings("contract", "violation")},
                        {"unconfirmed", r.count_findings("contract", "unconfirmed")},
                        {"fidelity", r.count_findings("fidelity", "")}};
  j["requests"] = r.requests;
  j["interrupted"] = r.interrupted;
  j["exitCode"] = r.exit_code;
  j["exitReason"] = r.exit_reason;
  j["error"] = r.error;
  Json cells = Json::array();
  for (const auto& c : r.cells) cells.push_back(cell_to_json(c));
  j["cells"] = cells;
  Json findings = Json::array();
  for (const auto& f : r.findings) findings.push_back(finding_to_json(f));
  j["findings"] = findings;
  Json failures = Json::array();
  for (const auto& f : r.failures) failures.push_back(failure_to_json(f));
  j["failures"] = failures;
  j["cleanupFailures"] = r.cleanup_failures;
  Json coverage = Json::array();
  for (const auto& c : r.coverage) {
    Json evidence = Json::object();
    for (const auto& [op, text] : c.evidence) evidence[op] = text;
    coverage.push_back({{"service", c.service}, {"operations", c.operations}, {"implemented", c.implemented},
                        {"notImplemented", c.not_implemented}, {"evidence", evidence}});
  }
  j["coverage"] = coverage;
  j["requireAll"] = r.require_all;
  return j;
}

std::optional<RunReport> run_report_from_json(const Json& doc, std::string* error) {
  if (!doc.is_object()) {
    if (error) *error = "a run report must be a JSON object";
    return std::nullopt;
  }
  RunReport r;
  Reader top{doc, "", error};
  std::string schema;
  top.str("schema", schema, true);
  if (top.ok && schema != kRunReportSchema) top.fail("unsupported schema '" + schema + "' (expected " + kRunReportSchema + ")");
  top.str("tool", r.tool);
  top.str("version", r.version);
  top.str("startedAt", r.started_at);
  top.str("finishedAt", r.finished_at);
  top.number("durationS", r.duration_s);
  top.str("target", r.target);
  top.boolean("embedded", r.embedded);
  top.strings("faults", r.faults);
  top.integer("seed", r.seed);
  top.str("runId", r.run_id);
  top.integer("examples", r.examples);
  top.integer("jobs", r.jobs);
  if (const Json* shard = top.get("shard", false); shard && shard->is_object()) {
    Reader s{*shard, "shard: ", error};
    s.integer("index", r.shard_index);
    s.integer("count", r.shard_count);
    top.ok = top.ok && s.ok;
  }
  top.boolean("strict", r.strict);
  top.str("region", r.region);
  top.str("baseline", r.baseline_file);
  top.strings("operations", r.operations, true);
  top.strings("checks", r.checks, true);
  if (const Json* files = top.get("operationFiles", false); files && files->is_object())
    for (const auto& [k, v] : files->items())
      if (v.is_string()) r.operation_files[k] = v.get<std::string>();
  if (const Json* d = top.get("checkDescriptions", false); d && d->is_object())
    for (const auto& [k, v] : d->items())
      if (v.is_string()) r.check_descriptions[k] = v.get<std::string>();
  top.integer("requests", r.requests);
  top.boolean("interrupted", r.interrupted);
  top.integer("exitCode", r.exit_code);
  top.str("exitReason", r.exit_reason);
  top.str("error", r.error);
  top.strings("cleanupFailures", r.cleanup_failures);
  top.boolean("requireAll", r.require_all);
  if (const Json* coverage = top.get("coverage", false); coverage && coverage->is_array()) {
    for (size_t i = 0; top.ok && i < coverage->size(); ++i) {
      const Json& cj = (*coverage)[i];
      if (!cj.is_object()) {
        top.fail("coverage/" + std::to_string(i) + " must be an object");
        break;
      }
      ServiceCoverage c;
      Reader rc{cj, "coverage/" + std::to_string(i) + ": ", error};
      rc.str("service", c.service, true);
      rc.integer("operations", c.operations);
      rc.integer("implemented", c.implemented);
      rc.strings("notImplemented", c.not_implemented);
      if (const Json* ev = rc.get("evidence", false); ev && ev->is_object())
        for (const auto& [k, v] : ev->items())
          if (v.is_string()) c.evidence[k] = v.get<std::string>();
      top.ok = top.ok && rc.ok;
      r.coverage.push_back(std::move(c));
    }
  }
  if (const Json* cells = top.get("cells", true)) {
    if (!cells->is_array()) top.fail("'cells' must be an array");
    else
      for (size_t i = 0; top.ok && i < cells->size(); ++i) {
        const Json& cj = (*cells)[i];
        if (!cj.is_object()) {
          top.fail("cells/" + std::to_string(i) + " must be an object");
          break;
        }
        CellResult c;
        Reader rc{cj, "cells/" + std::to_string(i) + ": ", error};
        std::string status;
        rc.str("operation", c.operation, true);
        rc.str("check", c.check, true);
        rc.str("status", status, true);
        if (rc.ok) {
          auto s = cell_status_from_string(status);
          if (!s) rc.fail("unknown status '" + status + "'");
          else c.status = *s;
        }
        rc.integer("cases", c.cases);
        rc.integer("passed", c.passed);
        rc.integer("violations", c.violations);
        rc.integer("unconfirmed", c.unconfirmed);
        rc.integer("accepted", c.accepted);
        rc.integer("notRun", c.not_run);
        rc.str("reason", c.reason);
        rc.number("durationMs", c.duration_ms);
        rc.strings("fingerprints", c.fingerprints);
        top.ok = top.ok && rc.ok;
        r.cells.push_back(std::move(c));
      }
  }
  if (const Json* failures = top.get("failures", true); failures && top.ok) {
    if (!failures->is_array()) top.fail("'failures' must be an array");
    else
      for (size_t i = 0; top.ok && i < failures->size(); ++i) {
        const Json& fj = (*failures)[i];
        if (!fj.is_object()) {
          top.fail("failures/" + std::to_string(i) + " must be an object");
          break;
        }
        FailureRecord f;
        Reader rf{fj, "failures/" + std::to_string(i) + ": ", error};
        rf.str("fingerprint", f.fingerprint, true);
        rf.str("operation", f.operation, true);
        rf.str("check", f.check, true);
        rf.str("rule", f.rule);
        rf.str("facet", f.facet);
        rf.str("verdict", f.verdict, true);
        rf.str("provenance", f.provenance);
        rf.str("expected", f.expected);
        rf.str("observed", f.observed);
        rf.str("message", f.message);
        rf.integer("occurrences", f.occurrences);
        rf.boolean("accepted", f.accepted);
        rf.integer("example", f.example);
        rf.boolean("shrunk", f.shrunk);
        rf.integer("shrinkSteps", f.shrink_steps);
        rf.str("caseFile", f.case_file);
        rf.str("replay", f.replay_command);
        rf.str("curl", f.curl_command);
        rf.str("situation", f.situation);
        rf.str("blamed", f.blamed);
        rf.str("closedBy", f.closed_by);
        rf.str("tier", f.tier);
        rf.str("signature", f.signature);
        rf.str("finding", f.finding);
        top.ok = top.ok && rf.ok;
        r.failures.push_back(std::move(f));
      }
  }
  // Reports written before root-cause grouping have no findings: they read back without.
  if (const Json* findings = top.get("findings", false); findings && top.ok) {
    if (!findings->is_array()) top.fail("'findings' must be an array");
    else
      for (size_t i = 0; top.ok && i < findings->size(); ++i) {
        const Json& fj = (*findings)[i];
        if (!fj.is_object()) {
          top.fail("findings/" + std::to_string(i) + " must be an object");
          break;
        }
        HeadlineFinding f;
        Reader rf{fj, "findings/" + std::to_string(i) + ": ", error};
        rf.str("fingerprint", f.fingerprint, true);
        rf.str("cause", f.cause);
        rf.str("title", f.title, true);
        rf.str("operation", f.operation);
        rf.strings("operations", f.operations);
        rf.str("tier", f.tier);
        rf.str("verdict", f.verdict);
        rf.str("provenance", f.provenance);
        rf.strings("symptoms", f.symptoms);
        rf.integer("occurrences", f.occurrences);
        rf.boolean("accepted", f.accepted);
        rf.str("minimal", f.minimal);
        rf.str("caseFile", f.case_file);
        rf.str("replay", f.replay_command);
        rf.str("curl", f.curl_command);
        top.ok = top.ok && rf.ok;
        r.findings.push_back(std::move(f));
      }
  }
  if (!top.ok) return std::nullopt;
  return r;
}

std::string dump_json(const Json& doc, int indent) {
  try {
    return doc.dump(indent, ' ', false, Json::error_handler_t::replace);
  } catch (...) {
    return "null";
  }
}

}  // namespace conform::report
