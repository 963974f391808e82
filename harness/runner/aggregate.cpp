#include "harness/runner/aggregate.h"

#include <set>

#include "harness/report/model/root_cause.h"

#include <algorithm>

#include "harness/report/model/fingerprint.h"

namespace conform::runner {

namespace {

// The status, error identity and message judged on one answer.
bool is_answer_facet(const std::string& facet) { return facet == "status" || facet == "error" || facet == "message"; }

}  // namespace

std::string finding_fingerprint(const oracle::Finding& f, const std::string& operation, const std::string& check) {
  const std::string& op = f.operation.empty() ? operation : f.operation;
  const std::string& name = f.check.empty() ? check : f.check;
  // One wrong answer to one probe is one deviation: a closed token accepted fails both its status and its
  // error facet, and must group as one failure, not two. Facets of different strength (a measured status,
  // an inferred message) stay apart, so a violation is never folded into an unconfirmed failure.
  if (is_answer_facet(f.facet))
    return report::fingerprint(op, name, f.rule, std::string("answer/") + verdict_name(f.verdict), "");
  return report::fingerprint(op, name, f.rule, f.facet, f.expected);
}

bool is_failing(const oracle::Finding& f) {
  return f.verdict == oracle::Verdict::Violation || f.verdict == oracle::Verdict::Unconfirmed;
}

const char* verdict_name(oracle::Verdict v) {
  switch (v) {
    case oracle::Verdict::Pass: return "pass";
    case oracle::Verdict::NotRun: return "not-run";
    case oracle::Verdict::Unconfirmed: return "unconfirmed";
    case oracle::Verdict::Violation: return "violation";
  }
  return "pass";
}

Aggregator::Aggregator(const Plan& plan, const report::Baseline* baseline, bool keep_units)
    : plan_(plan), baseline_(baseline), keep_units_(keep_units), cells_(plan.cells.size()), ops_(plan.ops.size()) {
  for (size_t o = 0; o < plan.ops.size(); ++o) ops_[o].operation = plan.ops[o]->id();
  for (const auto& cell : plan.cells) {
    if (cell.units_in_shard == 0) continue;
    ops_[cell.op_index].units_total += cell.units_in_shard;
    ops_[cell.op_index].checks_total += 1;
  }
}

OpProgress Aggregator::add(const WorkUnit& unit, oracle::CaseResult result, double duration_ms) {
  const CellPlan& cell_plan = plan_.cells[unit.cell];
  const std::string op = plan_.ops[cell_plan.op_index]->id();
  const std::string check = plan_.checks[cell_plan.check_index]->name;

  // Judge outside the lock. Whether a failure is accepted is decided at fill(): a baseline may list a
  // whole finding, and findings are known only once every symptom is.
  UnitOutcome outcome;
  outcome.cell = unit.cell;
  outcome.ordinal = unit.ordinal;
  outcome.example = unit.example;
  outcome.not_run = result.not_run;
  std::vector<std::pair<std::string, size_t>> failing;  // fingerprint, finding index
  bool contract_failure = false;
  if (!result.not_run) {
    for (size_t i = 0; i < result.findings.size(); ++i) {
      const auto& f = result.findings[i];
      if (!is_failing(f)) continue;
      std::string fp = finding_fingerprint(f, op, check);
      contract_failure |= f.tier == oracle::Tier::Contract;
      if (std::any_of(failing.begin(), failing.end(), [&](const auto& p) { return p.first == fp; })) continue;
      failing.emplace_back(fp, i);
      outcome.failing.push_back({fp, f.verdict, f.tier, f.exchange_index});
    }
  }

  std::lock_guard<std::mutex> lock(mu_);
  ++done_;
  CellAcc& acc = cells_[unit.cell];
  ++acc.done;
  acc.duration_ms += duration_ms;
  OpProgress& progress = ops_[cell_plan.op_index];
  ++progress.units_done;
  if (acc.done == cell_plan.units_in_shard) ++progress.checks_done;
  if (result.not_run) {
    ++progress.not_run;
    if (unit.ordinal < acc.not_run_ordinal) {
      acc.not_run_ordinal = unit.ordinal;
      acc.not_run_reason = result.not_run_reason;
    }
  } else if (contract_failure) {
    ++progress.failing_cases;
  }
  for (const auto& [fp, index] : failing) {
    auto it = failures_.find(fp);
    if (it == failures_.end()) {
      FirstFailure first{fp, unit, result.findings[index], result, 1};
      failures_.emplace(fp, std::move(first));
    } else {
      ++it->second.occurrences;
      if (unit.ordinal < it->second.unit.ordinal) {
        it->second.unit = unit;
        it->second.finding = result.findings[index];
        it->second.result = result;
      }
    }
  }
  outcomes_.push_back(std::move(outcome));
  return progress;
}

std::vector<FirstFailure> Aggregator::first_failures() const {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<FirstFailure> out;
  for (const auto& [_, f] : failures_) out.push_back(f);
  std::stable_sort(out.begin(), out.end(), [](const FirstFailure& a, const FirstFailure& b) {
    if (a.unit.ordinal != b.unit.ordinal) return a.unit.ordinal < b.unit.ordinal;
    return a.fingerprint < b.fingerprint;
  });
  return out;
}

OpProgress Aggregator::progress(size_t op_index) const {
  std::lock_guard<std::mutex> lock(mu_);
  return ops_.at(op_index);
}

size_t Aggregator::units_done() const {
  std::lock_guard<std::mutex> lock(mu_);
  return done_;
}

bool Aggregator::any_failure() const {
  std::lock_guard<std::mutex> lock(mu_);
  return !failures_.empty();
}

void Aggregator::fill(report::RunReport& report, std::vector<UnitSummary>* units, bool stopped) const {
  std::lock_guard<std::mutex> lock(mu_);
  report.operations.clear();
  report.checks.clear();
  for (const auto* op : plan_.ops) {
    report.operations.push_back(op->id());
    report.operation_files[op->id()] = op->file;
  }
  for (const auto* check : plan_.checks) {
    report.checks.push_back(check->name);
    report.check_descriptions[check->name] = check->description;
  }
  // Symptoms: one record per distinct failure, in the order first found.
  report.failures.clear();
  std::vector<const FirstFailure*> ordered;
  for (const auto& [_, f] : failures_) ordered.push_back(&f);
  std::stable_sort(ordered.begin(), ordered.end(), [](const FirstFailure* a, const FirstFailure* b) {
    if (a->unit.ordinal != b->unit.ordinal) return a->unit.ordinal < b->unit.ordinal;
    return a->fingerprint < b->fingerprint;
  });
  for (const FirstFailure* f : ordered) {
    const CellPlan& cp = plan_.cells[f->unit.cell];
    report::FailureRecord r;
    r.fingerprint = f->fingerprint;
    r.operation = plan_.ops[cp.op_index]->id();
    r.check = plan_.checks[cp.check_index]->name;
    r.rule = f->finding.rule;
    r.facet = f->finding.facet;
    r.verdict = verdict_name(f->finding.verdict);
    r.provenance = spec::to_string(f->finding.provenance);
    r.expected = f->finding.expected;
    r.observed = f->finding.observed;
    r.message = f->finding.message;
    r.occurrences = f->occurrences;
    r.example = f->unit.example;
    r.situation = f->finding.situation;
    r.blamed = f->finding.blamed;
    r.closed_by = f->finding.closed_by;
    r.tier = oracle::to_string(f->finding.tier);
    report.failures.push_back(std::move(r));
  }
  // Findings, then what the baseline accepts: a symptom it lists, or every symptom of a finding it lists.
  // Symptoms judged on one answer of one case are one deviation.
  std::set<std::vector<std::string>> co_observed;
  for (const UnitOutcome& u : outcomes_) {
    std::map<int, std::vector<std::string>> by_answer;
    for (const auto& f : u.failing)
      if (f.exchange_index >= 0) by_answer[f.exchange_index].push_back(f.fingerprint);
    for (auto& [_, fps] : by_answer)
      if (fps.size() > 1) {
        std::sort(fps.begin(), fps.end());
        co_observed.insert(fps);
      }
  }
  report.findings = report::group_findings(report.failures, {co_observed.begin(), co_observed.end()});
  std::set<std::string> accepted;
  for (auto& f : report.findings) {
    const bool whole = baseline_ && baseline_->accepts(f.fingerprint);
    for (auto& s : report.failures)
      if (s.finding == f.fingerprint && (whole || (baseline_ && baseline_->accepts(s.fingerprint)))) {
        s.accepted = true;
        accepted.insert(s.fingerprint);
      }
  }
  for (auto& f : report.findings)
    f.accepted = std::all_of(f.symptoms.begin(), f.symptoms.end(), [&](const std::string& s) { return accepted.count(s) > 0; });

  // The matrix: each case's outcome from its failures (fidelity ones never fail a cell).
  std::vector<CellCounts> counts(plan_.cells.size());
  std::map<size_t, UnitSummary> summaries;
  for (const UnitOutcome& u : outcomes_) {
    CellCounts& cc = counts[u.cell];
    std::string outcome = "pass";
    if (u.not_run) {
      ++cc.not_run;
      outcome = "not-run";
    } else {
      bool violation = false, unconfirmed = false, any_accepted = false;
      for (const auto& f : u.failing) {
        if (std::find(cc.fingerprints.begin(), cc.fingerprints.end(), f.fingerprint) == cc.fingerprints.end())
          cc.fingerprints.push_back(f.fingerprint);
        if (accepted.count(f.fingerprint)) {
          any_accepted = true;
          continue;
        }
        if (f.tier != oracle::Tier::Contract) continue;
        violation |= f.verdict == oracle::Verdict::Violation;
        unconfirmed |= f.verdict == oracle::Verdict::Unconfirmed;
      }
      outcome = violation ? "violation" : unconfirmed ? "unconfirmed" : any_accepted ? "accepted" : "pass";
      ++cc.cases;
      if (outcome == "pass") ++cc.passed;
      else if (outcome == "violation") ++cc.violations;
      else if (outcome == "unconfirmed") ++cc.unconfirmed;
      else ++cc.accepted;
    }
    if (keep_units_) {
      const CellPlan& cp = plan_.cells[u.cell];
      UnitSummary s{u.ordinal, plan_.ops[cp.op_index]->id(), plan_.checks[cp.check_index]->name, u.example, outcome, {}};
      for (const auto& f : u.failing) s.fingerprints.push_back(f.fingerprint);
      summaries[u.ordinal] = std::move(s);
    }
  }
  report.cells.clear();
  for (size_t i = 0; i < plan_.cells.size(); ++i) {
    const CellPlan& cp = plan_.cells[i];
    const CellAcc& acc = cells_[i];
    const CellCounts& cc = counts[i];
    report::CellResult c;
    c.operation = plan_.ops[cp.op_index]->id();
    c.check = plan_.checks[cp.check_index]->name;
    c.cases = cc.cases;
    c.passed = cc.passed;
    c.violations = cc.violations;
    c.unconfirmed = cc.unconfirmed;
    c.accepted = cc.accepted;
    c.not_run = cc.not_run;
    c.duration_ms = acc.duration_ms;
    c.fingerprints = cc.fingerprints;
    std::sort(c.fingerprints.begin(), c.fingerprints.end());
    if (cp.not_implemented) {
      c.status = report::CellStatus::NotImplemented;
      c.reason = "the target does not implement the operation (" + *cp.not_implemented + ")";
    } else if (cp.not_applicable) {
      c.status = report::CellStatus::NotApplicable;
      c.reason = *cp.not_applicable;
    } else if (cc.violations > 0) {
      c.status = report::CellStatus::Violation;
    } else if (cc.unconfirmed > 0) {
      c.status = report::CellStatus::Unconfirmed;
    } else if (cc.accepted > 0) {
      c.status = report::CellStatus::Accepted;
    } else if (cc.passed > 0) {
      c.status = report::CellStatus::Pass;
    } else {
      c.status = report::CellStatus::NotRun;
      if (cp.units_in_shard == 0) c.reason = "not in this shard";
      else if (cc.not_run > 0) c.reason = acc.not_run_reason.empty() ? "not run" : acc.not_run_reason;
      else c.reason = stopped ? "interrupted before it ran" : "not run";
    }
    if (c.status != report::CellStatus::NotRun && cc.not_run > 0 && c.reason.empty())
      c.reason = std::to_string(cc.not_run) + " case(s) not run: " + acc.not_run_reason;
    report.cells.push_back(std::move(c));
  }
  if (units) {
    units->clear();
    for (auto& [_, u] : summaries) units->push_back(std::move(u));
  }
}

}  // namespace conform::runner
