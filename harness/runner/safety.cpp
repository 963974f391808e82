// Safety of a run against a real account (safety.h).
#include "harness/runner/safety.h"

#include <algorithm>
#include <cmath>
#include <regex>
#include <set>
#include <sstream>

#include "harness/fixture/fixture_runner.h"

namespace conform::runner {

namespace {

const std::set<std::string> kBuiltins = {"run", "seq", "uuid", "region", "account"};

bool uses_fixture_variable(const std::string& tmpl) {
  static const std::regex var(R"(\$\{([A-Za-z0-9_]+)\})");
  for (auto it = std::sregex_iterator(tmpl.begin(), tmpl.end(), var); it != std::sregex_iterator(); ++it)
    if (!kBuiltins.count((*it)[1].str())) return true;
  return false;
}

// Does a case of `check` on `op` acquire the op's lifecycle fixture?
bool case_uses_fixture(const std::string& check, const spec::Operation& op) {
  if (!op.lifecycle) return false;
  if (check == "positive_acceptance" || check == "closed_token_idempotence" || check == "concurrent_close" ||
      check == "state_effect")
    return true;
  spec::Situation s;
  if (check == "unknown_resource") s = spec::Situation::UnknownResource;
  else if (check == "malformed_identifier") s = spec::Situation::MalformedIdentifier;
  else return false;
  for (const auto* r : op.rules_for(s))
    if (r->value && (uses_fixture_variable(*r->value) || uses_fixture_variable(r->value_with.value_or(""))))
      return true;
  return false;
}

const spec::Fixture* find_fixture(const spec::SpecSet& specs, const std::string& service, const std::string& name) {
  const spec::Service* svc = specs.find_service(service);
  if (!svc) return nullptr;
  auto it = svc->fixtures.find(name);
  return it == svc->fixtures.end() ? nullptr : &it->second;
}

int fixture_cost(const spec::Fixture& f) {
  int n = 0;
  for (const auto& s : f.steps) n += s.operation.empty() ? 0 : 1;
  for (const auto& s : f.cleanup) n += s.operation.empty() ? 0 : 1;
  return n;
}

int probes_of(const std::string& check, const spec::Operation& op, const spec::SpecSet& specs, int concurrency) {
  int rb = op.lifecycle && op.lifecycle->read_back ? 1 : 0;
  if (check == "closed_token_idempotence") {
    int siblings = op.lifecycle ? static_cast<int>(specs.operations_on_fixture(op.service, op.lifecycle->fixture).size()) : 1;
    return 3 + siblings * (1 + rb) + rb;
  }
  if (check == "concurrent_close") return std::max(2, concurrency) + rb;
  if (check == "state_effect") return 1 + 2 * rb;
  if (check == "positive_acceptance") return 1 + rb;
  return 1;
}

bool is_naming_key(const std::string& key) {
  if (key.size() >= 4) {
    std::string tail = key.substr(key.size() - 4);
    if (tail == "name" || tail == "Name") return true;
  }
  return key.size() > 2 && key.substr(key.size() - 2) == "Id";
}

bool is_single_variable(const std::string& v) {
  static const std::regex one(R"(^\$\{[A-Za-z0-9_]+\}$)");
  return std::regex_match(v, one);
}

// An example of the names a fixture's create steps use (with seq shown as <n>).
std::vector<std::string> example_names(const spec::Fixture& f, const std::string& run_id) {
  fixture::Variables vars;
  vars.set("run", run_id);
  vars.set("seq", "<n>");
  std::vector<std::string> out;
  for (const auto& s : f.steps) {
    if (s.operation.empty() || !s.input.is_object()) continue;
    for (const auto& [key, value] : s.input.items())
      if (value.is_string() && is_naming_key(key) && value.get_ref<const std::string&>().find("${run}") != std::string::npos)
        out.push_back(s.operation + " " + key + "=" + fixture::expand_string(value.get<std::string>(), vars));
  }
  return out;
}

}  // namespace

std::optional<std::string> remote_guard(const transport::Url& url, bool allow_remote, uint64_t estimated_requests) {
  if (url.is_loopback() || allow_remote) return std::nullopt;
  return "target " + url.origin() + " is not a loopback address: a run creates real resources there and sends about " +
         std::to_string(estimated_requests) +
         " requests. Pass --allow-remote to run against it (see the plan first with --dry-run --allow-remote).";
}

std::vector<FixtureUse> fixtures_used(const Plan& plan, const spec::SpecSet& specs) {
  std::vector<FixtureUse> out;
  auto add = [&](const std::string& service, const std::string& fixture, int cases) {
    for (auto& u : out)
      if (u.service == service && u.fixture == fixture) {
        u.cases += cases;
        return;
      }
    out.push_back({service, fixture, cases});
  };
  for (const auto& cell : plan.cells) {
    if (cell.not_applicable || cell.units_in_shard == 0) continue;
    const spec::Operation& op = *plan.ops[cell.op_index];
    const std::string& check = plan.checks[cell.check_index]->name;
    if (!case_uses_fixture(check, op)) continue;
    add(op.service, op.lifecycle->fixture, cell.units_in_shard);
    if (check == "closed_token_idempotence" && op.lifecycle->timed_out_fixture)
      add(op.service, *op.lifecycle->timed_out_fixture, 0);  // some of the cases (the timed-out mode)
  }
  (void)specs;
  return out;
}

std::vector<std::string> audit_resource_names(const Plan& plan, const spec::SpecSet& specs) {
  std::vector<std::string> problems;
  for (const auto& use : fixtures_used(plan, specs)) {
    const spec::Fixture* f = find_fixture(specs, use.service, use.fixture);
    if (!f) continue;
    for (size_t i = 0; i < f->steps.size(); ++i) {
      const auto& s = f->steps[i];
      if (s.operation.empty() || !s.input.is_object()) continue;
      for (const auto& [key, value] : s.input.items()) {
        if (!value.is_string() || !is_naming_key(key)) continue;
        const std::string& v = value.get_ref<const std::string&>();
        if (v.find("${run}") != std::string::npos || is_single_variable(v)) continue;
        problems.push_back(use.service + " fixture " + use.fixture + " step " + std::to_string(i + 1) + " (" +
                           s.operation + "): " + key + " '" + v + "' does not carry the run prefix ${run}");
      }
    }
  }
  return problems;
}

uint64_t estimate_requests(const Plan& plan, const spec::SpecSet& specs, int concurrency) {
  uint64_t total = 0;
  for (const auto& cell : plan.cells) {
    if (cell.not_applicable || cell.units_in_shard == 0) continue;
    const spec::Operation& op = *plan.ops[cell.op_index];
    const std::string& check = plan.checks[cell.check_index]->name;
    int per_case = probes_of(check, op, specs, concurrency);
    if (case_uses_fixture(check, op))
      if (const spec::Fixture* f = find_fixture(specs, op.service, op.lifecycle->fixture)) per_case += fixture_cost(*f);
    total += static_cast<uint64_t>(per_case) * static_cast<uint64_t>(cell.units_in_shard);
  }
  return total + 1;  // + the reachability probe
}

std::string describe_plan(const Plan& plan, const spec::SpecSet& specs, const PlanDescription& d) {
  std::ostringstream s;
  uint64_t requests = estimate_requests(plan, specs, d.concurrency);
  s << (d.dry_run ? "conform: dry run (nothing is sent)" : "conform: plan") << "\n";
  s << "  target:      " << d.target << "\n";
  s << "  region:      " << d.region << "\n";
  s << "  credentials: " << d.credentials_source << "\n";
  s << "  run id:      " << d.run_id << " (prefix of every resource name)\n";
  s << "  cases:       " << plan.units.size() << " (" << plan.ops.size() << " operations x " << plan.checks.size()
    << " checks)\n";
  s << "  requests:    about " << requests;
  if (d.max_rps > 0) {
    double seconds = static_cast<double>(requests) / d.max_rps;
    s << " (at most " << d.max_rps << "/s: at least " << static_cast<uint64_t>(std::ceil(seconds)) << " s)";
  }
  s << "\n";
  auto uses = fixtures_used(plan, specs);
  if (uses.empty()) {
    s << "  creates:     nothing (no planned case needs a live resource)\n";
  } else {
    s << "  creates:\n";
    for (const auto& use : uses) {
      const spec::Fixture* f = find_fixture(specs, use.service, use.fixture);
      if (!f) continue;
      s << "    " << use.service << "." << use.fixture << ": ";
      if (use.cases > 0) s << "about " << use.cases << " instance(s)";
      else s << "some instances";
      s << "\n";
      for (const auto& n : example_names(*f, d.run_id)) s << "      " << n << "\n";
      std::string cleanup;
      for (const auto& c : f->cleanup)
        if (!c.operation.empty()) cleanup += (cleanup.empty() ? "" : ", ") + c.operation;
      s << "      clean-up: " << (cleanup.empty() ? "none (no delete API; these resources stay, named with the run id)" : cleanup)
        << "\n";
    }
  }
  return s.str();
}

}  // namespace conform::runner
