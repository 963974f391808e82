#include "harness/report/junit.h"

#include <cstdio>
#include <vector>

#include "harness/report/escape.h"

namespace conform::report {

namespace {

std::string seconds(double ms) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", ms / 1000.0);
  return buf;
}

const FailureRecord* find_failure(const RunReport& r, const std::string& fp) {
  for (const auto& f : r.failures)
    if (f.fingerprint == fp) return &f;
  return nullptr;
}

// A finding fails the run: a contract violation, or under --strict an unconfirmed or fidelity one.
bool finding_fails(const RunReport& r, const HeadlineFinding& f) {
  if (f.accepted) return false;
  if (f.tier == "fidelity") return r.strict;
  return f.verdict == "violation" || r.strict;
}

// The headline findings with a symptom in the cell, in report order.
std::vector<const HeadlineFinding*> findings_in(const RunReport& r, const CellResult& c) {
  std::vector<const HeadlineFinding*> out;
  for (const auto& f : r.findings)
    for (const auto& fp : c.fingerprints) {
      const FailureRecord* s = find_failure(r, fp);
      if (s && s->finding == f.fingerprint) {
        out.push_back(&f);
        break;
      }
    }
  return out;
}

bool fails(const RunReport& r, const CellResult& c) {
  if (c.status == CellStatus::Violation || (r.strict && c.status == CellStatus::Unconfirmed)) return true;
  for (const auto* f : findings_in(r, c))
    if (finding_fails(r, *f)) return true;
  return false;
}

// Counted as failed by JUnit readers: fails(), or not implemented under --require-all.
bool fails_or_required(const RunReport& r, const CellResult& c) {
  return fails(r, c) || (r.require_all && c.status == CellStatus::NotImplemented);
}

bool skips(const RunReport& r, const CellResult& c) {
  return c.status == CellStatus::NotRun || c.status == CellStatus::NotApplicable ||
         (c.status == CellStatus::NotImplemented && !r.require_all);
}

std::string describe(const FailureRecord& f) {
  std::string text = "[" + f.verdict + (f.accepted ? ", accepted by baseline" : "") + "] " + f.rule + " / " + f.facet +
                     " (provenance " + f.provenance + ", fingerprint " + f.fingerprint + ", " +
                     std::to_string(f.occurrences) + " case(s))\n";
  if (!f.message.empty()) text += "  " + truncate_text(f.message, 2000) + "\n";
  text += "  expected: " + truncate_text(f.expected, 2000) + "\n";
  text += "  observed: " + truncate_text(f.observed, 2000) + "\n";
  if (!f.replay_command.empty()) text += "  replay:   " + f.replay_command + "\n";
  if (!f.case_file.empty()) text += "  case:     " + f.case_file + "\n";
  return text;
}

}  // namespace

std::string junit_xml(const RunReport& r) {
  int tests = 0, failures = 0, skipped = 0;
  double total_ms = 0;
  for (const auto& c : r.cells) {
    ++tests;
    failures += fails_or_required(r, c);
    skipped += skips(r, c);
    total_ms += c.duration_ms;
  }
  std::string x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  x += "<testsuites name=\"conform\" tests=\"" + std::to_string(tests) + "\" failures=\"" + std::to_string(failures) +
       "\" errors=\"0\" skipped=\"" + std::to_string(skipped) + "\" time=\"" + seconds(total_ms) + "\">\n";
  for (const auto& op : r.operations) {
    int op_tests = 0, op_failures = 0, op_skipped = 0;
    double op_ms = 0;
    for (const auto& c : r.cells) {
      if (c.operation != op) continue;
      ++op_tests;
      op_failures += fails_or_required(r, c);
      op_skipped += skips(r, c);
      op_ms += c.duration_ms;
    }
    x += "  <testsuite name=\"" + xml_escape(op) + "\" tests=\"" + std::to_string(op_tests) + "\" failures=\"" +
         std::to_string(op_failures) + "\" errors=\"0\" skipped=\"" + std::to_string(op_skipped) + "\" time=\"" +
         seconds(op_ms) + "\" timestamp=\"" + xml_escape(r.started_at.empty() ? "" : r.started_at.substr(0, 19)) +
         "\">\n";
    for (const auto& c : r.cells) {
      if (c.operation != op) continue;
      x += "    <testcase classname=\"" + xml_escape(op) + "\" name=\"" + xml_escape(c.check) + "\" time=\"" +
           seconds(c.duration_ms) + "\">\n";
      std::string details;
      for (const auto& fp : c.fingerprints)
        if (const FailureRecord* f = find_failure(r, fp)) details += describe(*f);
      if (fails(r, c) && r.findings.empty()) {
        // A report without headline findings (a diff's parity report): one <failure> naming each symptom.
        std::string kind = c.status == CellStatus::Violation ? "violation" : "unconfirmed";
        std::string message = std::to_string(c.status == CellStatus::Violation ? c.violations : c.unconfirmed) + " of " +
                              std::to_string(c.cases) + " case(s) failed: " + kind;
        x += "      <failure type=\"" + kind + "\" message=\"" + xml_escape(message) + "\">" + xml_escape(details) +
             "</failure>\n";
      } else if (fails(r, c)) {
        // One <failure> per headline finding with a symptom here, the headline as its message.
        for (const auto* f : findings_in(r, c)) {
          if (!finding_fails(r, *f)) continue;
          std::string body;
          for (const auto& fp : c.fingerprints)
            if (const FailureRecord* s = find_failure(r, fp); s && s->finding == f->fingerprint) body += describe(*s);
          if (!f->replay_command.empty()) body += "minimal symptom: " + f->replay_command + "\n";
          const std::string kind = f->tier == "fidelity" ? "fidelity" : f->verdict;
          x += "      <failure type=\"" + kind + "\" message=\"" +
               xml_escape(f->title + " [finding " + f->fingerprint + ", " + std::to_string(f->symptoms.size()) + " symptom(s)]") +
               "\">" + xml_escape(body) + "</failure>\n";
        }
      } else if (c.status == CellStatus::NotImplemented && r.require_all) {
        x += "      <failure type=\"not-implemented\" message=\"" + xml_escape("not implemented (--require-all): " + c.reason) +
             "\"/>\n";
      } else if (c.status == CellStatus::NotImplemented) {
        x += "      <skipped message=\"" + xml_escape("not implemented: " + c.reason) + "\"/>\n";
      } else if (c.status == CellStatus::NotRun) {
        x += "      <skipped message=\"" + xml_escape("not run: " + c.reason) + "\"/>\n";
      } else if (c.status == CellStatus::NotApplicable) {
        x += "      <skipped message=\"" + xml_escape("not applicable: " + c.reason) + "\"/>\n";
      }
      std::string out = std::to_string(c.cases) + " case(s): " + std::to_string(c.passed) + " passed, " +
                        std::to_string(c.violations) + " violation, " + std::to_string(c.unconfirmed) +
                        " unconfirmed, " + std::to_string(c.accepted) + " accepted, " + std::to_string(c.not_run) +
                        " not run\n";
      if (!fails(r, c)) out += details;
      x += "      <system-out>" + xml_escape(out) + "</system-out>\n";
      x += "    </testcase>\n";
    }
    x += "  </testsuite>\n";
  }
  x += "</testsuites>\n";
  return x;
}

}  // namespace conform::report
