#include "harness/report/html.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "harness/report/escape.h"

namespace conform::report {

namespace {

const char* css_class(CellStatus s) {
  switch (s) {
    case CellStatus::Pass: return "pass";
    case CellStatus::Accepted: return "accepted";
    case CellStatus::Unconfirmed: return "unconfirmed";
    case CellStatus::Violation: return "violation";
    case CellStatus::NotRun: return "notrun";
    case CellStatus::NotApplicable: return "na";
    case CellStatus::NotImplemented: return "notimpl";
  }
  return "notrun";
}

std::string cell_text(const CellResult& c) {
  switch (c.status) {
    case CellStatus::Pass: return "pass<br><small>" + std::to_string(c.cases) + " cases</small>";
    case CellStatus::Accepted: return "accepted<br><small>" + std::to_string(c.accepted) + "/" + std::to_string(c.cases) + " cases</small>";
    case CellStatus::Unconfirmed: return "unconfirmed<br><small>" + std::to_string(c.unconfirmed) + "/" + std::to_string(c.cases) + " cases</small>";
    case CellStatus::Violation: return "violation<br><small>" + std::to_string(c.violations) + "/" + std::to_string(c.cases) + " cases</small>";
    case CellStatus::NotRun: return "not run";
    case CellStatus::NotApplicable: return "n/a";
    case CellStatus::NotImplemented: return "not implemented";
  }
  return "";
}

// The id of a matrix cell (and of an operation's row): findings link to where their symptoms showed.
std::string cell_id(const std::string& op, const std::string& check) { return "cell-" + op + "--" + check; }
std::string row_id(const std::string& op) { return "op-" + op; }

std::string pre(const std::string& text) { return "<pre>" + html_escape(truncate_text(text, 8000)) + "</pre>"; }

std::string kind_of(const HeadlineFinding& f) {
  if (f.accepted) return "accepted";
  if (f.tier == "fidelity") return "fidelity";
  return f.verdict;
}

std::string symptom_block(const FailureRecord& f) {
  std::string h = "<div class=\"symptom " + html_escape(f.accepted ? "accepted" : f.verdict) + "\" id=\"s-" +
                  html_escape(f.fingerprint) + "\">\n";
  h += "<h4>" + html_escape(f.operation) + " &middot; " + html_escape(f.check) + " &middot; " + html_escape(f.rule) +
       " / " + html_escape(f.facet) + "</h4>\n";
  h += "<p><b>" + html_escape(f.verdict) + "</b>" + (f.accepted ? " (accepted by the baseline)" : "") + " &middot; " +
       html_escape(f.tier) + " &middot; provenance " + html_escape(f.provenance) + " &middot; symptom <code>" +
       html_escape(f.fingerprint) + "</code> &middot; " + std::to_string(f.occurrences) + " case(s)" +
       (f.shrunk ? " &middot; shrunk in " + std::to_string(f.shrink_steps) + " step(s)" : "") + "</p>\n";
  if (!f.message.empty()) h += "<p>" + html_escape(truncate_text(f.message, 4000)) + "</p>\n";
  h += "<p>Expected:</p>" + pre(f.expected) + "<p>Observed:</p>" + pre(f.observed);
  if (!f.replay_command.empty()) h += "<p>Replay:</p>" + pre(f.replay_command);
  if (!f.case_file.empty())
    h += "<p>Case file: <a href=\"" + html_escape(f.case_file) + "\">" + html_escape(f.case_file) + "</a></p>\n";
  h += "</div>\n";
  return h;
}

// One headline finding: a row of the findings table and its symptoms one click away.
std::string finding_rows(const RunReport& r, const HeadlineFinding& f, size_t number) {
  const std::string kind = kind_of(f);
  std::string ops = f.operation;
  if (f.operations.size() > 1) ops += " and " + std::to_string(f.operations.size() - 1) + " more";
  std::string h = "<tr class=\"finding " + html_escape(kind) + "\" id=\"finding-" + html_escape(f.fingerprint) + "\">";
  h += "<td class=\"num\">" + std::to_string(number) + "</td><td><span class=\"badge " + html_escape(kind) + "\">" +
       html_escape(kind) + "</span></td>";
  // Its symptoms, and where they showed: per check, the operations whose cell holds one (each a link).
  std::vector<const FailureRecord*> symptoms;
  std::map<std::string, std::set<std::string>> cells;  // check -> operations
  for (const auto& s : r.failures)
    if (s.finding == f.fingerprint) {
      symptoms.push_back(&s);
      cells[s.check].insert(s.operation);
    }
  std::string where;
  for (const auto& [check, ops_of_check] : cells) {
    where += std::string(where.empty() ? "" : "<br>") + "<b>" + html_escape(check) + "</b>: ";
    size_t shown = 0;
    for (const auto& op : ops_of_check) {
      if (shown == 3) {
        where += " and " + std::to_string(ops_of_check.size() - 3) + " more";
        break;
      }
      where += std::string(shown++ ? ", " : "") + "<a href=\"#" + html_escape(cell_id(op, check)) + "\">" +
               html_escape(op.substr(op.find('.') + 1)) + "</a>";
    }
  }
  h += "<td class=\"title\">" + html_escape(f.title) + "</td><td>" + html_escape(ops) + "</td><td class=\"where\">" +
       where + "</td><td>" + html_escape(f.provenance) + "</td><td class=\"num\">" + std::to_string(f.symptoms.size()) +
       "</td></tr>\n";
  h += "<tr class=\"more\"><td></td><td colspan=\"6\">";
  if (!f.replay_command.empty()) h += "<div class=\"repro\"><b>Replay</b>" + pre(f.replay_command) + "</div>";
  if (!f.curl_command.empty()) h += "<div class=\"repro\"><b>curl</b>" + pre(f.curl_command) + "</div>";
  h += "<details><summary>" + std::to_string(f.symptoms.size()) + " symptom(s) in " + std::to_string(f.occurrences) +
       " case(s); finding <code>" + html_escape(f.fingerprint) + "</code></summary>\n";
  for (const FailureRecord* s : symptoms) h += symptom_block(*s);
  h += "</details></td></tr>\n";
  return h;
}

std::string findings_table(const RunReport& r, const std::string& tier, std::map<std::string, size_t>& numbers) {
  std::string rows;
  for (const auto& f : r.findings)
    if (f.tier == tier) {
      const size_t n = numbers.size() + 1;
      numbers[f.fingerprint] = n;
      rows += finding_rows(r, f, n);
    }
  if (rows.empty()) return "<p>None.</p>\n";
  return "<table class=\"findings\"><tr><th>#</th><th>verdict</th><th>finding</th><th>operation</th>"
         "<th>seen in (check: operations)</th><th>provenance</th><th>symptoms</th></tr>\n" + rows + "</table>\n";
}

}  // namespace

std::string html_report(const RunReport& r) {
  std::string h;
  h += "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Conform report ";
  h += html_escape(r.started_at) + "</title>\n<style>\n";
  h += "body{font-family:system-ui,sans-serif;margin:1.5em;color:#222;max-width:110em}"
       "table.matrix{border-collapse:collapse}"
       ".matrix th,.matrix td{border:1px solid #999;padding:.25em .5em;text-align:center;font-size:.85em}"
       ".matrix th.op{text-align:left;white-space:nowrap;position:sticky;left:0;background:#fff}"
       ".matrix-wrap{overflow-x:auto;max-width:100%}"
       ".matrix td a{color:inherit}.matrix tr.group th{text-align:left;background:#eee}"
       ".matrix td:target,.findings tr:target td{outline:3px solid #ff6f00}"
       ".findings td.where{font-size:.85em}"
       "td.pass{background:#2e7d32;color:#fff}td.violation{background:#c62828;color:#fff}"
       "td.unconfirmed{background:#9e9e9e;color:#fff}td.notrun{background:#fff;color:#555}"
       "td.na{background:#fff;color:#999}td.notimpl{background:#5c6bc0;color:#fff}td.accepted{background:#f9a825;color:#000}"
       "table.findings{border-collapse:collapse;width:100%}"
       ".findings th{text-align:left;border-bottom:2px solid #555;padding:.3em}"
       ".findings td{padding:.3em;vertical-align:top}.findings td.num{text-align:right;width:3em}"
       ".findings tr.finding td{border-top:1px solid #ccc}.findings td.title{font-weight:600}"
       ".badge{display:inline-block;padding:.1em .5em;border-radius:.3em;color:#fff;font-size:.85em}"
       ".badge.violation{background:#c62828}.badge.unconfirmed{background:#757575}"
       ".badge.fidelity{background:#00838f}.badge.accepted{background:#f9a825;color:#000}"
       ".repro{margin:.2em 0}.repro pre{margin:.2em 0}"
       "pre{background:#f5f5f5;padding:.4em;white-space:pre-wrap;word-break:break-all;font-size:.85em}"
       ".symptom{border-left:6px solid #c62828;padding-left:1em;margin:1em 0}"
       ".symptom.unconfirmed{border-color:#9e9e9e}.symptom.accepted{border-color:#f9a825}"
       "dl.run dt{font-weight:bold;float:left;width:8em}dl.run dd{margin-left:9em}\n";
  h += "</style></head><body>\n";
  h += "<h1>Conform conformance report</h1>\n<dl class=\"run\">\n";
  auto row = [&](const std::string& k, const std::string& v) { h += "<dt>" + k + "</dt><dd>" + html_escape(v) + "</dd>\n"; };
  row("Target", r.target + (r.embedded ? " (embedded reference emulator)" : ""));
  if (!r.faults.empty()) {
    std::string faults;
    for (const auto& f : r.faults) faults += (faults.empty() ? "" : ", ") + f;
    row("Faults", faults);
  }
  row("Seed", std::to_string(r.seed) + " (run id " + r.run_id + ")");
  row("Started", r.started_at);
  char duration[32];
  std::snprintf(duration, sizeof duration, "%.2f s", r.duration_s);
  row("Duration", duration);
  row("Cases", std::to_string(r.examples) + " examples per cell, " + std::to_string(r.jobs) + " job(s), shard " +
                   std::to_string(r.shard_index) + "/" + std::to_string(r.shard_count) + (r.strict ? ", strict" : ""));
  row("Requests", std::to_string(r.requests));
  if (!r.baseline_file.empty()) row("Baseline", r.baseline_file);
  row("Result", "exit " + std::to_string(r.exit_code) + ": " + r.exit_reason + (r.interrupted ? " (interrupted)" : ""));
  h += "</dl>\n";
  if (!r.error.empty()) h += "<h2>Error</h2>" + pre(r.error);

  std::map<std::string, size_t> numbers;
  h += "<h2 id=\"findings\">Findings: one per root cause (" + std::to_string(r.count_findings("contract", "")) +
       ")</h2>\n<p><small>Each finding is one deviation; its symptoms (every check, operation and facet where it "
       "showed) are one click away. Replay the minimal symptom with the command shown.</small></p>\n";
  h += findings_table(r, "contract", numbers);
  h += "<h2 id=\"fidelity\">Fidelity (" + std::to_string(r.count_findings("fidelity", "")) +
       ")</h2>\n<p><small>Wire spelling and wording beyond what SDKs read (the raw __type namespace, message text, the "
       "content type of errors): reported, failing the run only with --strict.</small></p>\n";
  h += findings_table(r, "fidelity", numbers);

  std::map<size_t, std::string> finding_numbered;
  for (const auto& [fp, n] : numbers) finding_numbered[n] = fp;
  std::map<std::string, std::string> finding_of_symptom;
  for (const auto& s : r.failures) finding_of_symptom[s.fingerprint] = s.finding;
  std::set<std::string> not_implemented;
  for (const auto& s : r.coverage) not_implemented.insert(s.not_implemented.begin(), s.not_implemented.end());
  h += "<h2>Operation &times; check matrix</h2>\n<div class=\"matrix-wrap\"><table class=\"matrix\" id=\"matrix\">\n"
       "<tr><th>operation</th>";
  for (const auto& check : r.checks) {
    auto d = r.check_descriptions.find(check);
    std::string name = html_escape(check), breakable;  // headers may wrap after each '_'
    for (char c : name) breakable += c == '_' ? std::string("_<wbr>") : std::string(1, c);
    h += "<th title=\"" + html_escape(d == r.check_descriptions.end() ? "" : d->second) + "\">" + breakable + "</th>";
  }
  h += "</tr>\n";
  // Operations with a failing cell first (in spec order), then the rest: with 161 operations a reader
  // finds what failed without scrolling.
  auto failing_row = [&](const std::string& op) {
    for (const auto& check : r.checks)
      if (const CellResult* c = r.cell(op, check))
        if (c->status == CellStatus::Violation || c->status == CellStatus::Unconfirmed || !c->fingerprints.empty())
          return true;
    return false;
  };
  std::vector<std::string> rows_in_order = r.operations;
  const size_t failing_rows = static_cast<size_t>(
      std::stable_partition(rows_in_order.begin(), rows_in_order.end(), failing_row) - rows_in_order.begin());
  for (size_t i = 0; i < rows_in_order.size(); ++i) {
    const std::string& op = rows_in_order[i];
    if (i == 0 && failing_rows > 0)
      h += "<tr class=\"group\"><th colspan=\"" + std::to_string(r.checks.size() + 1) + "\">operations with findings (" +
           std::to_string(failing_rows) + ")</th></tr>\n";
    if (i == failing_rows && failing_rows > 0)
      h += "<tr class=\"group\"><th colspan=\"" + std::to_string(r.checks.size() + 1) + "\">the other operations (" +
           std::to_string(rows_in_order.size() - failing_rows) + ")</th></tr>\n";
    h += "<tr id=\"" + html_escape(row_id(op)) + "\"" + (i < failing_rows ? " class=\"failing\"" : "") +
         "><th class=\"op\">" + html_escape(op) + "</th>";
    if (not_implemented.count(op)) {
      const CellResult* c = r.cells.empty() ? nullptr : r.cell(op, r.checks.front());
      h += "<td class=\"notimpl\" data-status=\"not-implemented\" colspan=\"" + std::to_string(r.checks.size()) + "\" title=\"" +
           html_escape(c ? c->reason : "") + "\">not implemented by the target</td></tr>\n";
      continue;
    }
    for (const auto& check : r.checks) {
      const CellResult* c = r.cell(op, check);
      if (!c) {
        h += "<td id=\"" + html_escape(cell_id(op, check)) + "\" class=\"notrun\">not run</td>";
        continue;
      }
      std::set<size_t> refs;
      for (const auto& fp : c->fingerprints)
        if (auto it = numbers.find(finding_of_symptom[fp]); it != numbers.end()) refs.insert(it->second);
      h += "<td id=\"" + html_escape(cell_id(op, check)) + "\" class=\"" + std::string(css_class(c->status)) +
           "\" data-status=\"" + to_string(c->status) + "\" title=\"" + html_escape(c->reason) + "\">" + cell_text(*c);
      for (size_t n : refs)
        h += " <a href=\"#finding-" + html_escape(finding_numbered[n]) + "\">#" + std::to_string(n) + "</a>";
      h += "</td>";
    }
    h += "</tr>\n";
  }
  h += "</table></div>\n<p><small>green: pass &middot; red: violation &middot; grey: unconfirmed (fails only with --strict) "
       "&middot; white: not run &middot; n/a: not applicable &middot; indigo: not implemented by the target &middot; "
       "amber: accepted by the baseline &middot; #n: the findings with a symptom in the cell</small></p>\n";

  if (!r.coverage.empty()) {
    h += "<h2>What the target implements</h2>\n<ul class=\"coverage\">\n";
    for (const auto& s : r.coverage) {
      h += "<li><b>" + std::to_string(s.implemented) + " of " + std::to_string(s.operations) + "</b> " +
           html_escape(s.service) + " operations";
      if (!s.not_implemented.empty()) {
        h += "; not implemented: ";
        for (size_t i = 0; i < s.not_implemented.size(); ++i) {
          auto ev = s.evidence.find(s.not_implemented[i]);
          h += std::string(i ? ", " : "") + "<span class=\"notimpl\" title=\"" +
               html_escape(ev == s.evidence.end() ? "" : ev->second) + "\">" +
               html_escape(s.not_implemented[i].substr(s.not_implemented[i].find('.') + 1)) + "</span>";
        }
      }
      h += "</li>\n";
    }
    h += "</ul>\n";
  }
  if (!r.cleanup_failures.empty()) {
    h += "<h2>Not cleaned up</h2><ul>";
    for (const auto& c : r.cleanup_failures) h += "<li>" + html_escape(c) + "</li>";
    h += "</ul>\n";
  }
  h += "</body></html>\n";
  return h;
}

}  // namespace conform::report
