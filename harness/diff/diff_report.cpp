#include "harness/diff/diff_report.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>

#include "harness/report/model/fingerprint.h"
#include "harness/report/model/root_cause.h"
#include "harness/report/write_reports.h"

namespace conform::diff {

namespace {

std::string percent(double p) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f %%", p);
  return buf;
}

std::string where(const Difference& d) {
  return d.kind + (d.path.empty() ? "" : " " + d.path);
}

}  // namespace

int diff_exit_code(const DiffResult& result, bool strict) {
  return (strict ? result.differing : result.contract_differing) > 0 ? 1 : 0;
}

report::RunReport diff_run_report(const DiffResult& result, const DiffMeta& meta) {
  report::RunReport rep;
  rep.started_at = meta.started_at;
  rep.duration_s = meta.duration_s;
  rep.target = meta.other;
  rep.seed = meta.seed;
  rep.run_id = meta.run_id;
  rep.region = meta.region;
  rep.examples = meta.examples;
  for (const auto& c : result.cells) {
    if (std::find(rep.operations.begin(), rep.operations.end(), c.operation) == rep.operations.end())
      rep.operations.push_back(c.operation);
    if (std::find(rep.checks.begin(), rep.checks.end(), c.check) == rep.checks.end()) rep.checks.push_back(c.check);
  }
  std::map<std::string, size_t> failure_index;
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> cell_fingerprints;
  for (const auto& d : result.differences) {
    std::string rule = "parity." + d.call.substr(d.call.find('.') + 1);
    std::string fp = report::fingerprint(d.operation, d.check, rule, where(d), d.expected + "\n" + d.observed);
    auto it = failure_index.find(fp);
    if (it == failure_index.end()) {
      report::FailureRecord f;
      f.fingerprint = fp;
      f.operation = d.operation;
      f.check = d.check;
      f.rule = rule;
      f.facet = where(d);
      f.verdict = "violation";
      f.provenance = "measured";
      f.tier = d.fidelity() ? "fidelity" : "contract";
      f.situation = "parity";
      f.blamed = d.call;
      f.expected = d.expected;
      f.observed = d.observed;
      f.message = "step " + std::to_string(d.step) + " (" + d.call + ", " + d.purpose + "): " + d.kind +
                  " differs from the reference" + (d.accepted ? " (accepted: " + d.reason + ")" : "");
      f.accepted = d.accepted;
      f.example = d.example;
      it = failure_index.emplace(fp, rep.failures.size()).first;
      rep.failures.push_back(f);
      cell_fingerprints[{d.operation, d.check}].push_back(fp);
    }
    ++rep.failures[it->second].occurrences;
  }
  for (const auto& op : rep.operations)
    for (const auto& check : rep.checks) {
      report::CellResult cell;
      cell.operation = op;
      cell.check = check;
      auto c = std::find_if(result.cells.begin(), result.cells.end(),
                            [&](const CellParity& p) { return p.operation == op && p.check == check; });
      if (c == result.cells.end()) {
        cell.status = report::CellStatus::NotApplicable;
        cell.reason = "no exchange";
      } else {
        cell.cases = c->exchanges;
        cell.passed = c->identical;
        cell.violations = c->differing;
        cell.accepted = c->accepted;
        cell.status = c->contract_differing > 0 ? report::CellStatus::Violation
                      : c->accepted > 0        ? report::CellStatus::Accepted
                                               : report::CellStatus::Pass;
        cell.reason = "parity " + percent(c->parity());
        auto fps = cell_fingerprints[{op, check}];
        std::sort(fps.begin(), fps.end());
        cell.fingerprints = fps;
      }
      rep.cells.push_back(cell);
    }
  rep.findings = report::group_findings(rep.failures);
  rep.strict = meta.strict;
  rep.requests = static_cast<uint64_t>(result.exchanges);
  rep.exit_code = diff_exit_code(result, meta.strict);
  rep.exit_reason = "parity " + percent(result.parity()) + ": " + std::to_string(result.exchanges - result.differing) +
                    " of " + std::to_string(result.exchanges) + " exchanges match " + meta.reference + "; " +
                    std::to_string(result.differing) + " differ (" + std::to_string(result.contract_differing) +
                    " in what SDKs read; the rest in fidelity only, failing only with --strict)";
  if (result.accepted > 0) rep.exit_reason += ", " + std::to_string(result.accepted) + " only by accepted differences";
  rep.finished_at = meta.started_at;
  return rep;
}

Json diff_json(const DiffResult& result, const DiffMeta& meta) {
  Json out = Json::object();
  out["schema"] = "conform-diff/1";
  out["reference"] = meta.reference;
  out["other"] = meta.other;
  out["seed"] = meta.seed;
  out["exchanges"] = result.exchanges;
  out["identical"] = result.identical;
  out["differing"] = result.differing;
  out["accepted"] = result.accepted;
  out["parity_percent"] = result.parity();
  Json cells = Json::array();
  for (const auto& c : result.cells)
    cells.push_back({{"operation", c.operation}, {"check", c.check}, {"exchanges", c.exchanges},
                     {"identical", c.identical}, {"differing", c.differing}, {"accepted", c.accepted},
                     {"parity_percent", c.parity()}});
  out["cells"] = cells;
  Json diffs = Json::array();
  for (const auto& d : result.differences) {
    Json j = {{"step", d.step},         {"operation", d.operation}, {"check", d.check}, {"example", d.example},
              {"call", d.call},         {"purpose", d.purpose},     {"kind", d.kind},   {"path", d.path},
              {"expected", d.expected}, {"observed", d.observed},   {"accepted", d.accepted}};
    if (d.accepted) j["reason"] = d.reason;
    diffs.push_back(j);
  }
  out["differences"] = diffs;
  return out;
}

std::vector<std::string> write_diff_reports(const DiffResult& result, const DiffMeta& meta, const std::string& dir,
                                            std::vector<std::string>* errors) {
  std::vector<std::string> files = report::write_reports(diff_run_report(result, meta), dir, errors);
  std::ofstream out(std::filesystem::path(dir) / "diff.json", std::ios::binary | std::ios::trunc);
  if (out) {
    out << report::dump_json(diff_json(result, meta)) << "\n";
    files.push_back("diff.json");
  } else if (errors) {
    errors->push_back("cannot write " + dir + "/diff.json");
  }
  return files;
}

std::string diff_summary(const DiffResult& result, const DiffMeta& meta, int max_listed) {
  std::string s = "reference: " + meta.reference + "\nother:     " + meta.other + "\n";
  std::string op;
  for (const auto& c : result.cells) {
    if (c.operation != op) {
      op = c.operation;
      s += op + "\n";
    }
    char line[256];
    std::snprintf(line, sizeof line, "  %-26s %4d exchanges  %4d differ  parity %s\n", c.check.c_str(), c.exchanges,
                  c.differing, percent(c.parity()).c_str());
    s += line;
  }
  int listed = 0;
  for (const auto& d : result.differences) {
    if (listed++ >= max_listed) {
      s += "  ... " + std::to_string(result.differences.size() - max_listed) + " more (see diff.json)\n";
      break;
    }
    s += "step " + std::to_string(d.step) + " " + d.operation + " " + d.check + " " + d.call + ": " + where(d) +
         (d.accepted ? " [accepted]" : "") + "\n    reference: " + d.expected + "\n    other:     " + d.observed + "\n";
  }
  int fidelity_listed = 0;
  for (const auto& d : result.differences) fidelity_listed += d.fidelity() && !d.accepted;
  if (fidelity_listed > 0)
    s += "fidelity (" + std::to_string(fidelity_listed) +
         " difference(s) SDK clients do not see: error spelling, message wording, content type; they fail the run "
         "only with --strict)\n";
  s += "parity " + percent(result.parity()) + ": " + std::to_string(result.exchanges - result.differing) + " of " +
       std::to_string(result.exchanges) + " exchanges match; " + std::to_string(result.differing) + " differ, " +
       std::to_string(result.contract_differing) + " in what SDKs read";
  if (result.accepted > 0) s += " (" + std::to_string(result.accepted) + " more only by accepted differences)";
  return s + "\n";
}

}  // namespace conform::diff
