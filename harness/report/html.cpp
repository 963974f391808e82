#include "harness/report/html.h"

#include <cstdio>

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

std::string pre(const std::string& text) { return "<pre>" + html_escape(truncate_text(text, 8000)) + "</pre>"; }

}  // namespace

std::string html_report(const RunReport& r) {
  std::string h;
  h += "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Conform report ";
  h += html_escape(r.started_at) + "</title>\n<style>\n";
  h += "body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}"
       "table.matrix{border-collapse:collapse}"
       ".matrix th,.matrix td{border:1px solid #999;padding:.3em .6em;text-align:center;font-size:.9em}"
       ".matrix th.op{text-align:left}"
       "td.pass{background:#2e7d32;color:#fff}td.violation{background:#c62828;color:#fff}"
       "td.unconfirmed{background:#9e9e9e;color:#fff}td.notrun{background:#fff;color:#555}"
       "td.na{background:#fff;color:#999}td.notimpl{background:#5c6bc0;color:#fff}td.accepted{background:#f9a825;color:#000}"
       "pre{background:#f5f5f5;padding:.5em;white-space:pre-wrap;word-break:break-all}"
       ".failure{border-left:6px solid #c62828;padding-left:1em;margin:1.5em 0}"
       ".failure.unconfirmed{border-color:#9e9e9e}.failure.accepted{border-color:#f9a825}"
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
  if (!r.error.empty()) h += "<h2>Error</h2>" + pre(r.error);

  h += "<h2>Operation &times; check matrix</h2>\n<table class=\"matrix\" id=\"matrix\">\n<tr><th>operation</th>";
  for (const auto& check : r.checks) {
    auto d = r.check_descriptions.find(check);
    h += "<th title=\"" + html_escape(d == r.check_descriptions.end() ? "" : d->second) + "\">" + html_escape(check) + "</th>";
  }
  h += "</tr>\n";
  for (const auto& op : r.operations) {
    h += "<tr><th class=\"op\">" + html_escape(op) + "</th>";
    for (const auto& check : r.checks) {
      const CellResult* c = r.cell(op, check);
      if (!c) {
        h += "<td class=\"notrun\">not run</td>";
        continue;
      }
      std::string title = c->reason;
      for (const auto& fp : c->fingerprints) title += (title.empty() ? "" : " ") + fp;
      h += "<td class=\"" + std::string(css_class(c->status)) + "\" data-status=\"" + to_string(c->status) +
           "\" title=\"" + html_escape(title) + "\">";
      if (!c->fingerprints.empty()) h += "<a href=\"#f-" + html_escape(c->fingerprints.front()) + "\" style=\"color:inherit\">";
      h += cell_text(*c);
      if (!c->fingerprints.empty()) h += "</a>";
      h += "</td>";
    }
    h += "</tr>\n";
  }
  h += "</table>\n<p><small>green: pass &middot; red: violation &middot; grey: unconfirmed (fails only with --strict) "
       "&middot; white: not run &middot; n/a: not applicable &middot; indigo: not implemented by the target &middot; amber: accepted by the baseline</small></p>\n";

  h += "<h2>Failures (" + std::to_string(r.failures.size()) + " distinct)</h2>\n";
  if (r.failures.empty()) h += "<p>None.</p>\n";
  for (const auto& f : r.failures) {
    std::string kind = f.accepted ? "accepted" : f.verdict;
    h += "<div class=\"failure " + html_escape(kind) + "\" id=\"f-" + html_escape(f.fingerprint) + "\">\n";
    h += "<h3>" + html_escape(f.operation) + " &middot; " + html_escape(f.check) + " &middot; " + html_escape(f.rule) +
         " / " + html_escape(f.facet) + "</h3>\n";
    h += "<p><b>" + html_escape(f.verdict) + "</b>" + (f.accepted ? " (accepted by the baseline)" : "") +
         " &middot; provenance " + html_escape(f.provenance) + " &middot; fingerprint <code>" + html_escape(f.fingerprint) +
         "</code> &middot; " + std::to_string(f.occurrences) + " case(s)" +
         (f.shrunk ? " &middot; shrunk in " + std::to_string(f.shrink_steps) + " step(s)" : "") + "</p>\n";
    if (!f.message.empty()) h += "<p>" + html_escape(truncate_text(f.message, 4000)) + "</p>\n";
    h += "<p>Expected:</p>" + pre(f.expected) + "<p>Observed:</p>" + pre(f.observed);
    if (!f.replay_command.empty()) h += "<p>Replay:</p>" + pre(f.replay_command);
    if (!f.curl_command.empty()) h += "<p>curl (the judged request):</p>" + pre(f.curl_command);
    if (!f.case_file.empty())
      h += "<p>Case file: <a href=\"" + html_escape(f.case_file) + "\">" + html_escape(f.case_file) + "</a></p>\n";
    h += "</div>\n";
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
