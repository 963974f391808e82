// `conform observe` (observe.h): probes -> target -> observations document.
#include "harness/observe/observe.h"

#include "harness/report/model/timestamp.h"

#include <algorithm>
#include <ctime>
#include <ostream>
#include <set>

#include "harness/auth/redact.h"
#include "harness/fixture/fixture_runner.h"
#include "harness/observe/probes.h"
#include "harness/oracle/check_support.h"
#include "harness/runner/case_runner.h"
#include "harness/runner/implementation_probe.h"
#include "harness/runner/plan.h"
#include "harness/runner/safety.h"
#include "harness/runner/seeds.h"
#include "harness/runner/target.h"
#include "harness/spec/loader.h"

namespace conform::observe {

namespace {

using spec::Json;

using report::iso_now;

std::string replace_all(std::string text, const std::string& needle, const std::string& with) {
  if (needle.empty()) return text;
  size_t pos = 0;
  while ((pos = text.find(needle, pos)) != std::string::npos) {
    text.replace(pos, needle.size(), with);
    pos += with.size();
  }
  return text;
}

void string_leaves(const Json& v, std::set<std::string>& out) {
  if (v.is_string()) {
    const auto& s = v.get_ref<const std::string&>();
    if (s.size() >= 6) out.insert(s);
    // JSON texts inside strings (SFN input/output, definitions) and ARNs' last segments.
    size_t colon = s.rfind(':');
    if (colon != std::string::npos && s.size() - colon > 6) out.insert(s.substr(colon + 1));
  } else if (v.is_structured()) {
    for (const auto& e : v) string_leaves(e, out);
  }
}

const spec::Rule* op_rule(const spec::Operation& op, const std::string& id) {
  for (const auto& r : op.rules)
    if (r.id == id) return &r;
  return nullptr;
}

const spec::Rule* protocol_rule(const spec::Service& s, const std::string& id) {
  for (const auto& r : s.protocol_rules)
    if (r.id == id) return &r;
  return nullptr;
}

Json error_location(const spec::Service& service, const spec::Operation& op, const std::string& name) {
  Json loc{{"kind", "error"}, {"service", service.name}, {"name", name}};
  for (const auto& e : op.errors)
    if (e.name == name) loc["operation"] = op.name;
  return loc;
}

// Checks decorate rule names: closed_token_idempotence judges siblings' rules as
// "[Sibling:]rule-id@label(closed by X)". Returns the operation whose rule it is and the bare name.
std::pair<const spec::Operation*, std::string> undecorate(const spec::SpecSet& specs, const spec::Operation& op,
                                                          std::string name) {
  size_t at = name.find('@');
  if (at != std::string::npos) name = name.substr(0, at);
  size_t colon = name.find(':');
  if (colon != std::string::npos)
    if (const spec::Operation* sib = specs.find_operation(op.service, name.substr(0, colon)))
      return {sib, name.substr(colon + 1)};
  return {&op, name};
}

// Where the judged fact lives in the spec files; null when it cannot be placed.
Json locate(const spec::Service& service, const spec::Operation& op, oracle::Finding f, const Json& case_input) {
  const std::string state = oracle::kStateFacet, answers = oracle::kStateAnswersFacet;
  if (f.facet.rfind(state, 0) == 0) {
    if (op.lifecycle && op.lifecycle->inferred) return Json();  // made from the model: no file holds it
    std::string phase = f.rule.rfind("afterClose", 0) == 0 ? "afterClose" : "whileLive";
    Json loc{{"kind", "stateAssertion"}, {"service", service.name}, {"operation", op.name}, {"phase", phase}};
    if (f.facet.rfind(answers, 0) == 0) {
      loc["pointer"] = "";
      loc["error"] = f.facet.substr(answers.size());
    } else {
      loc["pointer"] = f.facet.substr(state.size());
    }
    return loc;
  }
  const spec::Rule* rule = op_rule(op, f.rule);
  const char* kind = "rule";
  if (!rule) {
    rule = protocol_rule(service, f.rule);
    kind = "protocolRule";
  }
  if (rule && rule->inferred) return Json();  // made from the model at load: no file holds it
  if (rule) {
    if (f.facet == "wire" || (f.facet == "message" && !rule->expect.message))
      return rule->expect.error.empty() ? Json() : error_location(service, op, rule->expect.error);
    Json loc{{"kind", kind}, {"service", service.name}, {"id", rule->id}};
    if (std::string(kind) == "rule") loc["operation"] = op.name;
    return loc;
  }
  if (f.check == "negative_rejection" && case_input.is_object()) {
    if (f.facet == "message") {
      std::string key = case_input.value("template", "");
      if (key.empty()) return Json();
      if (case_input.value("sensitive", false)) key += ".sensitive";
      return Json{{"kind", "validationTemplate"}, {"service", service.name}, {"key", key}};
    }
    if (f.facet == "wire") return error_location(service, op, service.validation.error);
    if (f.facet == "status" || f.facet == "error") return Json{{"kind", "validation"}, {"service", service.name}};
  }
  return Json();
}

// The observed message as a template: probe facts and echoed input become variables / ${*}.
std::string generalise(const std::string& message, const Json& location, const spec::Service& service,
                       const Json& case_input, const http::Request& request) {
  std::string text = message;
  if (location.value("kind", "") == "validationTemplate") {
    const std::string& header = service.validation.header_one;
    if (text.rfind(header, 0) == 0) text = text.substr(header.size());
    if (case_input.contains("value") && case_input["value"].is_string() && !case_input["value"].get<std::string>().empty())
      text = replace_all(text, "'" + case_input["value"].get<std::string>() + "'", "'${value}'");
    if (case_input.contains("path") && case_input["path"].is_string())
      text = replace_all(text, "'" + oracle::printed_path(service, case_input["path"].get<std::string>()) + "'", "'${path}'");
    if (case_input.contains("limit") && case_input["limit"].is_number_integer()) {
      std::string key = location.value("key", "");
      std::string var = key.find("Max") != std::string::npos ? "${max}" : "${min}";
      std::string limit = std::to_string(case_input["limit"].get<int64_t>());
      if (text.size() >= limit.size() && text.compare(text.size() - limit.size(), limit.size(), limit) == 0)
        text = text.substr(0, text.size() - limit.size()) + var;
    }
    return text;
  }
  std::set<std::string> echoes;
  string_leaves(case_input, echoes);
  Json body = Json::parse(request.body, nullptr, false);
  if (!body.is_discarded()) string_leaves(body, echoes);
  std::vector<std::string> sorted(echoes.begin(), echoes.end());
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  for (const auto& e : sorted) text = replace_all(text, e, "${*}");
  return text;
}

const Json* at_pointer(const Json& doc, const std::string& pointer) {
  try {
    Json::json_pointer p(pointer);
    return doc.contains(p) ? &doc.at(p) : nullptr;
  } catch (...) {
    return nullptr;
  }
}

}  // namespace

ObserveOutcome run_observe(const ObserveOptions& o) {
  ObserveOutcome out;
  auto fail = [&](int code, const std::string& error) {
    out.exit_code = code;
    out.error = error;
    return out;
  };
  try {
    std::optional<spec::LoadResult> loaded;
    const spec::SpecSet* specs = o.specs;
    if (!specs && o.spec_dir) {
      loaded = spec::load_spec_dir(*o.spec_dir);
      if (!loaded->ok()) {
        std::string message = "the specs in " + *o.spec_dir + " have errors:";
        for (const auto& e : loaded->errors) message += "\n  " + e.to_string();
        return fail(runner::kExitUsage, message);
      }
      specs = &*loaded->specs;
    }
    if (!specs) specs = &spec::builtin_specs();
    std::string error;
    auto ops = runner::select_operations(*specs, o.ops, &error);
    if (!ops) return fail(runner::kExitUsage, error);
    if (o.max_rps < 0) return fail(runner::kExitUsage, "--rps must not be negative");

    std::optional<transport::Url> remote;
    if (o.target)
      if (auto u = transport::Url::parse(*o.target); u && !u->is_loopback()) remote = *u;
    // A remote target is refused before any traffic; its estimate plans over every selected operation
    // (the probes are planned for good once the target has said what it implements).
    if (remote) {
      const size_t estimate = plan_probes(*specs, *ops, oracle::registry(), o.seed, nullptr).size();
      if (auto refusal = runner::remote_guard(*remote, o.allow_remote, estimate * 12))
        return fail(runner::kExitUsage, *refusal);
    }
    const std::string run_id = runner::run_prefix(o.seed);

    int code = 0;
    auto target = runner::resolve_target(o.target, o.embedded, runner::EmbeddedRequest{{}, o.seed, o.region}, &code, &error);
    if (!target) return fail(code, error);
    if (auto unreachable_target = runner::probe_target(target->url)) return fail(runner::kExitUnreachable, *unreachable_target);

    std::atomic<uint64_t> requests{0};
    transport::CallerOptions co;
    co.region = o.region;
    co.credentials = o.credentials;
    co.max_rps = o.max_rps;
    std::function<std::unique_ptr<transport::Caller>()> make_caller = [&]() {
      auto c = std::make_unique<transport::Caller>(target->url, co);
      c->on_exchange([&requests](const transport::Exchange&) { requests.fetch_add(1); });
      return c;
    };
    fixture::RunIdentity identity{run_id, o.region, "123456789012", o.seed};
    identity.list_uncleanable = remote.has_value();
    fixture::FixtureRunner fixtures(*specs, identity);
    auto caller = make_caller();

    // What the target does not implement is not probed (its answers would say nothing about the facts);
    // the probes are planned again over the operations it implements.
    // The read-backs of the planned operations are asked too (a state probe needs its read-back).
    runner::Plan support_plan;
    support_plan.ops = *ops;
    for (const spec::Operation* op : *ops)
      if (op->lifecycle && op->lifecycle->read_back)
        if (const spec::Operation* rb = specs->find_operation(op->service, op->lifecycle->read_back->operation))
          if (std::find(support_plan.ops.begin(), support_plan.ops.end(), rb) == support_plan.ops.end())
            support_plan.ops.push_back(rb);
    std::vector<runner::OperationSupport> support = runner::probe_operation_support(support_plan, *specs, *caller, run_id);
    std::vector<const spec::Operation*> implemented;
    std::set<std::string> unimplemented;
    for (size_t i = 0; i < support_plan.ops.size(); ++i) {
      if (!support[i].implemented)
        unimplemented.insert(support_plan.ops[i]->id());
      else if (i < ops->size())
        implemented.push_back((*ops)[i]);
    }
    std::vector<std::string> unreachable;
    std::vector<Probe> probes = plan_probes(*specs, implemented, oracle::registry(), o.seed, &unreachable, unimplemented);
    for (size_t i = 0; i < ops->size(); ++i)
      if (!support[i].implemented)
        unreachable.push_back((*ops)[i]->id() + ": the target does not implement it (" + support[i].evidence + ")");
    out.probes = probes.size();
    if (o.log) {
      *o.log << "conform observe: " << probes.size() << " probe(s) behind unconfirmed expectations, run id " << run_id
             << ", credentials " << o.credentials_source << "\n";
      for (const auto& p : probes) *o.log << "  " << p.item << " (" << p.check->name << ")\n";
      for (const auto& u : unreachable) *o.log << "  not probed: " << u << "\n";
      *o.log << std::flush;
    }

    Json observations = Json::array();
    Json probe_log = Json::array();
    std::set<std::string> seen;
    for (const auto& p : probes) {
      const spec::Service* service = specs->find_service(p.op->service);
      oracle::Scope scope{*specs, *service, *p.op};
      oracle::CaseResult result = runner::run_check_case(*p.check, scope, p.case_input, fixtures, *caller, 4, make_caller);
      Json entry{{"item", p.item}, {"operation", p.op->id()}, {"check", p.check->name}};
      if (result.not_run) entry["notRun"] = result.not_run_reason;
      probe_log.push_back(entry);
      if (result.not_run) continue;
      for (const auto& f : result.findings) {
        if (!is_soft(f.provenance) || f.verdict == oracle::Verdict::NotRun) continue;
        const spec::Operation* case_op = specs->find_operation(f.operation);
        if (!case_op) continue;
        auto [fop, rule_name] = undecorate(*specs, *case_op, f.rule);
        const spec::Service* fsvc = specs->find_service(fop->service);
        oracle::Finding bare = f;
        bare.rule = rule_name;
        Json location = locate(*fsvc, *fop, bare, result.case_input);
        if (location.is_null()) continue;
        std::string key = location.dump() + "|" + f.facet;
        if (seen.count(key)) continue;
        seen.insert(key);
        Json obs{{"operation", fop->id()}, {"check", f.check}, {"rule", rule_name}, {"facet", f.facet},
                 {"provenance", spec::to_string(f.provenance)}, {"agrees", f.verdict == oracle::Verdict::Pass},
                 {"expected", f.expected}, {"observed", f.observed}, {"spec", location}};
        if (f.exchange_index >= 0 && static_cast<size_t>(f.exchange_index) < result.exchanges.size()) {
          const auto& ex = result.exchanges[f.exchange_index];
          const spec::Operation* eop = specs->find_operation(ex.operation);
          protocol::DecodedResponse d = protocol::decode(*fsvc, eop ? *eop : *fop, ex.response);
          Json answer{{"status", ex.response.status}};
          answer["error"] = d.error ? Json(d.error->code) : Json();
          answer["wire"] = d.error ? Json(d.error->raw) : Json();
          answer["message"] = d.message ? Json(*d.message) : Json();
          obs["answer"] = answer;
          if (d.message) obs["messageTemplate"] = generalise(*d.message, location, *fsvc, result.case_input, ex.request);
          if (location["kind"] == "stateAssertion" && !location.contains("error") && d.body) {
            const Json* v = at_pointer(*d.body, location.value("pointer", ""));
            obs["observedPresent"] = v != nullptr && !v->is_null();
            if (v) obs["observedValue"] = *v;
          }
        }
        if (!obs["agrees"].get<bool>()) ++out.differing;
        observations.push_back(std::move(obs));
      }
    }
    std::vector<std::string> cleanup = fixtures.cleanup_all(*caller);
    out.requests = requests.load();
    out.observations = observations.size();

    Json doc{{"schema", kObservationsSchema}, {"tool", "conform"}, {"target", target->url_text},
             {"embedded", target->embedded}, {"region", o.region}, {"runId", run_id}, {"seed", o.seed},
             {"observedAt", iso_now()}, {"requests", out.requests}, {"probes", probe_log},
             {"unreachable", unreachable}, {"cleanupFailures", cleanup}, {"observations", observations}};
    std::vector<std::string> secrets;
    for (const auto* s : {&o.credentials.access_key_id, &o.credentials.secret_access_key, &o.credentials.session_token})
      if (s->size() >= 3 && *s != "test") secrets.push_back(*s);
    if (!secrets.empty()) {
      Json scrubbed = Json::parse(auth::redact(doc.dump(), secrets), nullptr, false);
      if (!scrubbed.is_discarded()) doc = std::move(scrubbed);
    }
    out.document = std::move(doc);
    return out;
  } catch (const std::exception& e) {
    return fail(runner::kExitUsage, std::string("observe failed: ") + e.what());
  } catch (...) {
    return fail(runner::kExitUsage, "observe failed");
  }
}

}  // namespace conform::observe
