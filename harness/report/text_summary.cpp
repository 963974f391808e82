#include "harness/report/text_summary.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "harness/report/escape.h"

namespace conform::report {

namespace {

std::string pad(std::string s, size_t width) {
  if (s.size() < width) s.resize(width, ' ');
  return s;
}

std::string upper_status(CellStatus s) {
  switch (s) {
    case CellStatus::Pass: return "pass";
    case CellStatus::Accepted: return "accepted";
    case CellStatus::Unconfirmed: return "UNCONFIRMED";
    case CellStatus::Violation: return "VIOLATION";
    case CellStatus::NotRun: return "not run";
    case CellStatus::NotApplicable: return "n/a";
    case CellStatus::NotImplemented: return "NOT IMPL";
  }
  return "";
}

std::string one_line(const std::string& s, size_t max) {
  std::string out;
  for (char c : s) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  return truncate_text(valid_utf8(out), max);
}

}  // namespace

std::string coverage_summary(const RunReport& r) {
  std::string t;
  if (r.coverage.empty()) return t;
  t += "\n";
  for (const auto& s : r.coverage) {
    t += "Target implements " + std::to_string(s.implemented) + " of " + std::to_string(s.operations) + " " +
         s.service + " operations";
    if (s.not_implemented.empty()) {
      t += "\n";
      continue;
    }
    t += "; not implemented (" + std::string(r.require_all ? "fails the run: --require-all" : "not a pass, not a failure") +
         "):\n";
    std::string line = "   ";
    for (const auto& op : s.not_implemented) {
      std::string name = op.substr(op.find('.') + 1);
      if (line.size() + name.size() > 110) {
        t += line + "\n";
        line = "   ";
      }
      line += " " + name;
    }
    t += line + "\n";
  }
  return t;
}

std::string text_summary(const RunReport& r, const std::string& report_dir, const std::vector<std::string>& files) {
  std::string t;
  t += "\nConform run " + r.run_id + ": seed " + std::to_string(r.seed) + ", target " + r.target +
       (r.embedded ? " (embedded reference emulator)" : "");
  if (!r.faults.empty()) {
    t += ", faults:";
    for (const auto& f : r.faults) t += " " + f;
  }
  t += "\n";
  size_t width = 0;
  for (const auto& c : r.checks) width = std::max(width, c.size());
  std::set<std::string> not_implemented;
  for (const auto& s : r.coverage) not_implemented.insert(s.not_implemented.begin(), s.not_implemented.end());
  for (const auto& op : r.operations) {
    if (not_implemented.count(op)) continue;  // listed once below, not once per check
    t += "\n" + op + "\n";
    for (const auto& c : r.cells) {
      if (c.operation != op) continue;
      std::string counts;
      switch (c.status) {
        case CellStatus::NotApplicable: counts = c.reason; break;
        case CellStatus::NotRun: counts = c.reason; break;
        default:
          counts = std::to_string(c.cases) + " case(s)";
          if (c.violations) counts += ", " + std::to_string(c.violations) + " violating";
          if (c.unconfirmed) counts += ", " + std::to_string(c.unconfirmed) + " unconfirmed";
          if (c.accepted) counts += ", " + std::to_string(c.accepted) + " accepted";
          if (c.not_run) counts += ", " + std::to_string(c.not_run) + " not run";
      }
      t += "  " + pad(upper_status(c.status), 12) + pad(c.check, width + 2) + one_line(counts, 160) + "\n";
    }
  }
  t += coverage_summary(r);
  if (!r.failures.empty()) {
    t += "\nFailures (" + std::to_string(r.failures.size()) + " distinct):\n";
    for (const auto& f : r.failures) {
      t += "  [" + f.verdict + (f.accepted ? ", accepted" : "") + "] " + f.operation + " " + f.check + " " + f.rule +
           "/" + f.facet + " (" + f.provenance + ", " + std::to_string(f.occurrences) + " case(s), " + f.fingerprint + ")\n";
      t += "    expected: " + one_line(f.expected, 200) + "\n";
      t += "    observed: " + one_line(f.observed, 200) + "\n";
      if (!f.replay_command.empty()) t += "    replay:   " + f.replay_command + "\n";
    }
  }
  if (!r.cleanup_failures.empty()) {
    t += "\nNot cleaned up:\n";
    for (const auto& c : r.cleanup_failures) t += "  " + one_line(c, 300) + "\n";
  }
  char duration[64];
  std::snprintf(duration, sizeof duration, "%.2f s", r.duration_s);
  t += "\nCells: " + std::to_string(r.count_cells(CellStatus::Pass)) + " pass, " +
       std::to_string(r.count_cells(CellStatus::Violation)) + " violation, " +
       std::to_string(r.count_cells(CellStatus::Unconfirmed)) + " unconfirmed, " +
       std::to_string(r.count_cells(CellStatus::Accepted)) + " accepted, " +
       std::to_string(r.count_cells(CellStatus::NotRun)) + " not run, " +
       std::to_string(r.count_cells(CellStatus::NotApplicable)) + " n/a, " +
       std::to_string(r.count_cells(CellStatus::NotImplemented)) + " not implemented; " + std::to_string(r.requests) +
       " requests in " + duration + (r.interrupted ? " (interrupted)" : "") + "\n";
  if (!report_dir.empty()) {
    t += "Reports: " + report_dir;
    if (!files.empty()) {
      t += " (";
      for (size_t i = 0; i < files.size(); ++i) t += (i ? ", " : "") + files[i];
      t += ")";
    }
    t += "\n";
  }
  t += "Result: exit " + std::to_string(r.exit_code) + ": " + r.exit_reason + "\n";
  return t;
}

}  // namespace conform::report
