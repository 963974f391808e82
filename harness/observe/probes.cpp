// Probes behind unconfirmed expectations (probes.h).
#include "harness/observe/probes.h"

#include <functional>
#include <set>

#include "harness/gen/generation_lock.h"
#include "harness/gen/violation.h"

namespace conform::observe {

namespace {

using Pred = std::function<bool(const spec::Json&)>;

const oracle::CheckDef* find(const std::vector<oracle::CheckDef>& registry, const std::string& name) {
  for (const auto& c : registry)
    if (c.name == name) return &c;
  return nullptr;
}

// The first case of the check's generator (seeds seed, seed+1, ...) that satisfies `pred`.
std::optional<spec::Json> draw(const oracle::CheckDef& check, const oracle::Scope& scope, uint64_t seed, const Pred& pred) {
  if (!check.generate) return std::nullopt;
  if (check.not_applicable && check.not_applicable(scope)) return std::nullopt;
  try {
    auto lock = gen::hold_generation_lock();
    rc::Gen<spec::Json> g = check.generate(scope);
    for (uint64_t i = 0; i < 300; ++i) {
      spec::Json c = g(rc::Random(seed + i), static_cast<int>(10 + i % 50)).value();
      if (pred(c)) return c;
    }
  } catch (...) {
  }
  return std::nullopt;
}

std::optional<spec::Json> violation(const spec::Operation& op, uint64_t seed,
                                    const std::function<bool(const gen::ViolationSpec&)>& pred) {
  try {
    auto lock = gen::hold_generation_lock();
    for (const auto& v : gen::violations_of(op))
      if (pred(v)) return gen::violation_case(op, v)(rc::Random(seed), 30).value();
  } catch (...) {
  }
  return std::nullopt;
}

std::string check_for(spec::Situation s) {
  using S = spec::Situation;
  switch (s) {
    case S::Valid: return "positive_acceptance";
    case S::Closed:
    case S::TimedOut: return "closed_token_idempotence";
    case S::UnknownResource: return "unknown_resource";
    case S::MalformedIdentifier: return "malformed_identifier";
    default: break;
  }
  if (spec::is_protocol_situation(s)) return "protocol_robustness";
  if (spec::is_constraint_situation(s)) return "negative_rejection";
  return "";
}

bool rule_is_soft(const spec::Rule& r) {
  return is_soft(r.expect.provenance) || (r.expect.message && is_soft(r.expect.message_provenance));
}

bool any_soft(const std::vector<spec::StateAssertion>& list) {
  for (const auto& a : list)
    if (is_soft(a.provenance) || any_soft(a.some)) return true;
  return false;
}

}  // namespace

bool is_soft(spec::Provenance p) { return !spec::is_hard(p); }

std::vector<Probe> plan_probes(const spec::SpecSet& specs, const std::vector<const spec::Operation*>& ops,
                               const std::vector<oracle::CheckDef>& registry, uint64_t seed,
                               std::vector<std::string>* unreachable, const std::set<std::string>& unimplemented) {
  std::vector<Probe> out;
  size_t inferred_rules = 0, inferred_lifecycles = 0;
  std::set<std::string> done;  // items already probed (service-wide ones once)
  auto miss = [&](const std::string& item, const std::string& why) {
    if (unreachable) unreachable->push_back(item + ": " + why);
  };
  auto add = [&](const spec::Operation& op, const std::string& check_name, const std::string& item,
                 const std::function<std::optional<spec::Json>(const oracle::CheckDef&, const oracle::Scope&)>& make) {
    if (done.count(item)) return true;
    const oracle::CheckDef* check = find(registry, check_name);
    const spec::Service* service = specs.find_service(op.service);
    if (!check || !service) return false;
    oracle::Scope scope{specs, *service, op};
    auto c = make(*check, scope);
    if (!c) return false;
    out.push_back({&op, check, *c, item});
    done.insert(item);
    return true;
  };

  for (const spec::Operation* op : ops) {
    const spec::Service* service = specs.find_service(op->service);
    if (!service) continue;
    uint64_t s = seed;
    // The operation's own rules.
    for (const auto& r : op->rules) {
      if (!rule_is_soft(r)) continue;
      if (r.inferred) {
        ++inferred_rules;
        continue;
      }
      std::string item = op->id() + " rule " + r.id;
      std::string check = check_for(r.situation);
      bool ok = false;
      using S = spec::Situation;
      if (check == "negative_rejection") {
        ok = add(*op, check, item, [&](const oracle::CheckDef&, const oracle::Scope&) {
          return violation(*op, s, [&](const gen::ViolationSpec& v) {
            return v.situation == r.situation && (!r.member || v.member == *r.member);
          });
        });
      } else if (!check.empty()) {
        Pred pred = [&](const spec::Json& c) {
          if (r.situation == S::Closed) return c.value("mode", "") == "closed";
          if (r.situation == S::TimedOut) return c.value("mode", "") == "timed-out";
          if (r.situation == S::UnknownResource || r.situation == S::MalformedIdentifier) return c.value("rule", "") == r.id;
          return true;
        };
        ok = add(*op, check, item, [&](const oracle::CheckDef& d, const oracle::Scope& sc) { return draw(d, sc, s, pred); });
      }
      if (!ok) miss(item, "no " + (check.empty() ? std::string("check") : check + " case") + " exercises it");
    }
    // Unconfirmed state assertions.
    if (op->lifecycle && op->lifecycle->inferred) {
      if (any_soft(op->lifecycle->after_close) || any_soft(op->lifecycle->while_live)) ++inferred_lifecycles;
    } else if (op->lifecycle && (any_soft(op->lifecycle->after_close) || any_soft(op->lifecycle->while_live))) {
      std::string item = op->id() + " lifecycle state";
      const auto& rb = op->lifecycle->read_back;
      Pred full = [](const spec::Json& c) { return c.value("mode", "") == "full"; };
      if (rb && unimplemented.count(op->service + "." + rb->operation))
        miss(item, "the target does not implement its read-back " + op->service + "." + rb->operation);
      else if (!add(*op, "state_effect", item, [&](const oracle::CheckDef& d, const oracle::Scope& sc) {
            auto c = draw(d, sc, s, full);
            return c ? c : draw(d, sc, s, [](const spec::Json&) { return true; });
          }))
        miss(item, "no state_effect case");
    }
    // The service's protocol rules and validation templates, once per service.
    for (const auto& r : service->protocol_rules) {
      if (!rule_is_soft(r)) continue;
      std::string item = service->name + " protocol rule " + r.id;
      Pred pred = [&](const spec::Json& c) { return c.value("situation", "") == spec::to_string(r.situation); };
      add(*op, "protocol_robustness", item, [&](const oracle::CheckDef& d, const oracle::Scope& sc) { return draw(d, sc, s, pred); });
    }
    for (const auto& [key, tmpl] : service->validation.templates) {
      if (!is_soft(tmpl.provenance)) continue;
      std::string item = service->name + " validation template " + key;
      bool sensitive = key.size() > 10 && key.substr(key.size() - 10) == ".sensitive";
      std::string base = sensitive ? key.substr(0, key.size() - 10) : key;
      add(*op, "negative_rejection", item, [&](const oracle::CheckDef&, const oracle::Scope&) {
        return violation(*op, s, [&](const gen::ViolationSpec& v) {
          bool has_rule = false;
          for (const auto* r : op->rules_for(v.situation)) has_rule = has_rule || !r->member || *r->member == v.member;
          return !has_rule && v.template_key == base && v.target && v.target->shape &&
                 v.target->shape->sensitive == sensitive;
        });
      });
    }
  }
  if (inferred_rules + inferred_lifecycles > 0)
    miss(std::to_string(inferred_rules) + " inferred rule(s) and " + std::to_string(inferred_lifecycles) +
             " inferred lifecycle(s)",
         "made from the models when the specs load; no spec file holds them to merge into (conform specs show OP)");
  // Service-wide items no planned operation could exercise.
  std::set<std::string> planned;
  for (const auto* op : ops) planned.insert(op->service);
  for (const auto& [name, service] : specs.services) {
    if (!planned.count(name)) continue;
    for (const auto& r : service.protocol_rules)
      if (rule_is_soft(r) && !done.count(name + " protocol rule " + r.id))
        miss(name + " protocol rule " + r.id, "no planned operation of the service takes this probe");
    for (const auto& [key, tmpl] : service.validation.templates)
      if (is_soft(tmpl.provenance) && !done.count(name + " validation template " + key))
        miss(name + " validation template " + key, "no planned operation has a member this template applies to");
  }
  return out;
}

}  // namespace conform::observe
