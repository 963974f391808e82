#include "harness/report/text_summary.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "harness/report/escape.h"

namespace conform::report {

namespace {

std::string pad(std::string s, size_t width) {
  if (s.size() < width) s.resize(width, ' ');
  return s;
}

std::string one_line(const std::string& s, size_t max) {
  std::string out;
  for (char c : s) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  return truncate_text(valid_utf8(out), max);
}

// One letter per cell status for the compact matrix.
char status_letter(CellStatus s) {
  switch (s) {
    case CellStatus::Pass: return 'P';
    case CellStatus::Accepted: return 'A';
    case CellStatus::Unconfirmed: return 'U';
    case CellStatus::Violation: return 'V';
    case CellStatus::NotRun: return '-';
    case CellStatus::NotApplicable: return '.';
    case CellStatus::NotImplemented: return 'x';
  }
  return '?';
}

// "closed_token_idempotence" -> "cti".
std::string initials(const std::string& check) {
  std::string out;
  bool start = true;
  for (char c : check) {
    if (start && c != '_') out += c;
    start = c == '_';
  }
  return out;
}

std::string finding_block(const HeadlineFinding& f, size_t number) {
  std::string verdict = f.tier == "fidelity" ? "FIDELITY" : f.verdict == "violation" ? "VIOLATION" : "UNCONFIRMED";
  if (f.accepted) verdict = "accepted";
  std::string t = "  " + pad(std::to_string(number) + ".", 4) + pad(verdict, 12) + one_line(f.title, 240) + "\n";
  const std::string indent(16, ' ');
  t += indent + (f.operations.size() > 1 ? std::to_string(f.operations.size()) + " operations, first " : "") + f.operation +
       " | " + f.provenance + " | " + std::to_string(f.symptoms.size()) + " symptom(s) in " +
       std::to_string(f.occurrences) + " case(s) | finding " + f.fingerprint + "\n";
  if (!f.replay_command.empty()) t += indent + "replay: " + f.replay_command + "\n";
  if (!f.curl_command.empty()) t += indent + "curl:   " + one_line(f.curl_command, 400) + "\n";
  return t;
}

std::string findings_section(const RunReport& r, std::map<std::string, size_t>& numbers) {
  if (r.findings.empty()) return "";
  std::string contract, fidelity;
  size_t n = 0;
  int contract_count = 0, fidelity_count = 0;
  for (const auto& f : r.findings) {
    if (f.tier != "contract") continue;
    numbers[f.fingerprint] = ++n;
    contract += finding_block(f, n);
    ++contract_count;
  }
  for (const auto& f : r.findings) {
    if (f.tier == "contract") continue;
    numbers[f.fingerprint] = ++n;
    fidelity += finding_block(f, n);
    ++fidelity_count;
  }
  std::string t;
  if (contract_count) t += "\nFindings (" + std::to_string(contract_count) + ", one per root cause; symptoms below):\n" + contract;
  if (fidelity_count)
    t += "\nFidelity (" + std::to_string(fidelity_count) + "; wire spelling and wording beyond what SDKs read; "
         "fail the run only with --strict):\n" + fidelity;
  return t;
}

std::string matrix_section(const RunReport& r) {
  std::set<std::string> not_implemented;
  for (const auto& s : r.coverage) not_implemented.insert(s.not_implemented.begin(), s.not_implemented.end());
  size_t width = 0;
  for (const auto& op : r.operations)
    if (!not_implemented.count(op)) width = std::max(width, op.size());
  std::map<std::pair<std::string, std::string>, const CellResult*> cells;
  for (const auto& c : r.cells) cells[{c.operation, c.check}] = &c;
  std::string t = "\nOperation x check (P pass, V violation, U unconfirmed, A accepted, - not run, . n/a):\n";
  std::string header = "  " + pad("", width + 1);
  std::string legend = "  ";
  for (const auto& check : r.checks) {
    header += " " + pad(initials(check), 3);
    legend += initials(check) + " " + check + "  ";
  }
  t += header + "\n";
  for (const auto& op : r.operations) {
    if (not_implemented.count(op)) continue;  // listed once in the coverage lines, not once per check
    std::string line = "  " + pad(op, width + 1);
    for (const auto& check : r.checks) {
      auto it = cells.find({op, check});
      line += " " + pad(std::string(1, it == cells.end() ? '?' : status_letter(it->second->status)), 3);
    }
    t += line + "\n";
  }
  t += one_line(legend, 1000) + "\n";
  return t;
}

// Cells that did not run, grouped by reason (the reason is what a user acts on: a fixture that failed).
std::string not_run_section(const RunReport& r) {
  std::map<std::string, std::vector<std::string>> by_reason;
  for (const auto& c : r.cells)
    if (c.status == CellStatus::NotRun || (c.not_run > 0 && c.status != CellStatus::NotImplemented))
      by_reason[c.reason.empty() ? "not run" : c.reason].push_back(c.operation + " " + c.check);
  if (by_reason.empty()) return "";
  std::string t = "\nNot run (fixtures or reads the target could not give):\n";
  for (const auto& [reason, cells] : by_reason) {
    t += "  " + one_line(reason, 400) + "\n    ";
    for (size_t i = 0; i < cells.size() && i < 6; ++i) t += (i ? ", " : "") + cells[i];
    if (cells.size() > 6) t += " and " + std::to_string(cells.size() - 6) + " more";
    t += "\n";
  }
  return t;
}

std::string symptoms_section(const RunReport& r, const std::map<std::string, size_t>& numbers) {
  if (r.failures.empty()) return "";
  constexpr size_t kShown = 3;
  std::string t = "\nSymptoms (" + std::to_string(r.failures.size()) + " distinct; every one in summary.json and report.html):\n";
  std::vector<const HeadlineFinding*> order;
  for (const auto& f : r.findings) order.push_back(&f);
  std::sort(order.begin(), order.end(), [&](const HeadlineFinding* a, const HeadlineFinding* b) {
    return numbers.at(a->fingerprint) < numbers.at(b->fingerprint);
  });
  for (const auto* f : order) {
    t += "  of " + std::to_string(numbers.at(f->fingerprint)) + ":\n";
    size_t shown = 0;
    for (const auto& s : r.failures) {
      if (s.finding != f->fingerprint) continue;
      if (shown++ == kShown) break;
      t += "    [" + s.verdict + (s.accepted ? ", accepted" : "") + "] " + s.operation + " " + s.check + " " + s.rule + "/" +
           s.facet + " (" + s.provenance + ", " + std::to_string(s.occurrences) + " case(s), " + s.fingerprint + ")\n";
      t += "      expected: " + one_line(s.expected, 200) + "\n";
      t += "      observed: " + one_line(s.observed, 200) + "\n";
    }
    if (f->symptoms.size() > kShown) t += "    ... and " + std::to_string(f->symptoms.size() - kShown) + " more\n";
  }
  return t;
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
  std::map<std::string, size_t> numbers;
  t += findings_section(r, numbers);
  t += matrix_section(r);
  t += not_run_section(r);
  t += coverage_summary(r);
  t += symptoms_section(r, numbers);
  if (!r.cleanup_failures.empty()) {
    t += "\nNot cleaned up:\n";
    for (const auto& c : r.cleanup_failures) t += "  " + one_line(c, 300) + "\n";
  }
  char duration[64];
  std::snprintf(duration, sizeof duration, "%.2f s", r.duration_s);
  t += "\nFindings: " + std::to_string(r.count_findings("contract", "violation")) + " violation, " +
       std::to_string(r.count_findings("contract", "unconfirmed")) + " unconfirmed, " +
       std::to_string(r.count_findings("fidelity", "")) + " fidelity (" + std::to_string(r.failures.size()) +
       " distinct symptoms)\n";
  t += "Cells: " + std::to_string(r.count_cells(CellStatus::Pass)) + " pass, " +
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
