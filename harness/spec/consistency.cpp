// Cross-file checks of one service (see consistency.h).
#include "harness/spec/consistency.h"

#include <algorithm>
#include <regex>
#include <set>

#include "harness/spec/diagnostics.h"
#include "harness/spec/json_pointer.h"
#include "harness/spec/suggest.h"
#include "harness/spec/template_vars.h"

namespace conform::spec {

namespace {

// The variables a template may use at one place, and how to explain where they come from.
struct Scope {
  std::vector<std::string> names;
  std::string origin;      // e.g. "captured by an earlier step of fixture 'activityTask'"
  bool unknown = false;    // the variables cannot be known (the fixture is missing): do not check
};

Scope with_builtins(std::vector<std::string> names, std::string origin, bool probe = false) {
  for (const std::string& b : builtin_variables()) names.push_back(b);
  if (probe) {
    for (const std::string& p : probe_variables()) names.push_back(p);
  }
  return {std::move(names), std::move(origin)};
}

void check_text(const Diagnostics& d, const std::string& text, const std::string& ptr, const Scope& scope) {
  if (scope.unknown) return;
  std::string problem;
  for (const std::string& name : template_variables(text, &problem)) {
    if (std::find(scope.names.begin(), scope.names.end(), name) != scope.names.end()) continue;
    d.add(ptr, "variable '${" + name + "}' is not available here: it is neither a builtin (" +
                   join_names(builtin_variables()) + ") nor " + scope.origin + did_you_mean(name, scope.names));
  }
  if (!problem.empty()) d.add(ptr, "malformed template: " + problem);
}

void check_json(const Diagnostics& d, const Json& value, const std::string& ptr, const Scope& scope) {
  for_each_string(value, ptr, [&](const std::string& text, const std::string& at) { check_text(d, text, at, scope); });
}

std::vector<std::string> member_names(const Shape& shape) {
  std::vector<std::string> names;
  for (const Member& m : shape.members) names.push_back(m.name);
  return names;
}

class ServiceChecker {
 public:
  ServiceChecker(const Service& s, const std::vector<const Operation*>& ops, const std::set<std::string>& unreadable,
                 std::vector<SpecError>& errors)
      : service_(s), ops_(ops), unreadable_(unreadable), errors_(errors) {
    for (const Operation* op : ops_) op_names_.push_back(op->name);
    for (const auto& [name, f] : service_.fixtures) fixture_names_.push_back(name);
  }

  void run() {
    Diagnostics d(service_.file, errors_);
    check_error_names(d, service_.common_errors, "/commonErrors");
    check_service_rules(d);
    for (const auto& [name, fixture] : service_.fixtures) check_fixture(d, fixture);
    const Scope probe = with_builtins({}, "a probe fact (" + join_names(probe_variables()) + ")", true);
    for (const auto& [key, t] : service_.validation.templates) {
      check_text(d, t.text, pointer_append("/validation/templates", key), probe);
    }
    std::set<std::string> seen;
    for (const Operation* op : ops_) {
      Diagnostics od(op->file, errors_);
      if (!seen.insert(op->name).second) {
        od.add("/name", "operation '" + op->name + "' is defined twice in service '" + service_.name + "'");
      }
      check_operation(od, *op);
    }
  }

 private:
  const Operation* find_op(const std::string& name) const {
    for (const Operation* op : ops_) {
      if (op->name == name) return op;
    }
    return nullptr;
  }
  const Fixture* find_fixture(const std::string& name) const {
    auto it = service_.fixtures.find(name);
    return it == service_.fixtures.end() ? nullptr : &it->second;
  }

  void check_error_names(const Diagnostics& d, const std::vector<ErrorSpec>& errors, const std::string& at) {
    std::set<std::string> names;
    for (size_t i = 0; i < errors.size(); ++i) {
      if (!errors[i].name.empty() && !names.insert(errors[i].name).second) {
        d.add(pointer_append(pointer_append(at, i), "name"), "error '" + errors[i].name + "' is listed twice");
      }
    }
  }

  void check_service_rules(const Diagnostics& d) {
    std::set<std::string> ids;
    const Scope scope = with_builtins({}, "a probe fact (" + join_names(probe_variables()) + ")", true);
    for (size_t i = 0; i < service_.protocol_rules.size(); ++i) {
      const Rule& rule = service_.protocol_rules[i];
      const std::string at = pointer_append("/protocolRules", i);
      if (!ids.insert(rule.id).second) d.add(pointer_append(at, "id"), "rule id '" + rule.id + "' is used twice");
      if (!is_protocol_situation(rule.situation)) {
        d.add(pointer_append(at, "situation"), "protocolRules may only use protocol situations (malformed-json, body-not-object, "
                                               "wrong-content-type, unknown-operation, target-case-mismatch, unencoded-label); "
                                               "move '" + std::string(to_string(rule.situation)) + "' rules into the operation files");
      }
      if (!rule.expect.error.empty() && !service_.find_common_error(rule.expect.error)) {
        std::vector<std::string> names;
        for (const ErrorSpec& e : service_.common_errors) names.push_back(e.name);
        d.add(pointer_append(pointer_append(at, "expect"), "error"), "error '" + rule.expect.error + "' is not a common error of " +
                                                      service_.name + did_you_mean(rule.expect.error, names));
      }
      check_expectation_status(d, rule, service_.find_common_error(rule.expect.error), at);
      if (rule.value) check_text(d, *rule.value, pointer_append(at, "value"), scope);
      if (rule.expect.message) check_text(d, *rule.expect.message, pointer_append(pointer_append(at, "expect"), "message"), scope);
    }
  }

  void check_steps(const Diagnostics& d, const std::vector<Step>& steps, const std::string& at,
                   std::vector<std::string>& captured, const std::string& fixture, bool cleanup,
                   const Scope* fixed = nullptr) {
    for (size_t i = 0; i < steps.size(); ++i) {
      const Step& step = steps[i];
      const std::string sp = pointer_append(at, i);
      if (!step.operation.empty()) {
        const Operation* op = find_op(step.operation);
        if (!op && !unreadable_.count(step.operation)) {
          d.add(pointer_append(sp, "operation"), "operation '" + step.operation + "' is not defined in service '" +
                                                     service_.name + "'" + did_you_mean(step.operation, op_names_));
        } else if (op && step.input.is_object()) {
          for (auto it = step.input.begin(); it != step.input.end(); ++it) {
            if (!op->input.find_member(it.key())) {
              d.add(pointer_append(pointer_append(sp, "input"), it.key()),
                    "'" + it.key() + "' is not an input member of " + step.operation + did_you_mean(it.key(), member_names(op->input)));
            }
          }
        }
      }
      const Scope scope = fixed ? *fixed
                                : with_builtins(captured, cleanup ? "captured by a step of fixture '" + fixture + "'"
                                                                  : "captured by an earlier step of fixture '" + fixture + "'");
      check_json(d, step.input, pointer_append(sp, "input"), scope);
      if (!cleanup) {
        for (const Capture& c : step.captures) captured.push_back(c.variable);
        for (const Capture& c : step.input_captures) captured.push_back(c.variable);
      }
    }
  }

  void check_fixture(const Diagnostics& d, const Fixture& f) {
    const std::string at = pointer_append("/fixtures", f.name);
    std::vector<std::string> captured;
    check_steps(d, f.steps, pointer_append(at, "steps"), captured, f.name, false);
    check_steps(d, f.cleanup, pointer_append(at, "cleanup"), captured, f.name, true);
    for (size_t i = 0; i < f.provides.size(); ++i) {
      if (std::find(captured.begin(), captured.end(), f.provides[i]) == captured.end()) {
        d.add(pointer_append(pointer_append(at, "provides"), i),
              "fixture '" + f.name + "' provides '" + f.provides[i] + "' but no step captures it" +
                  did_you_mean(f.provides[i], captured));
      }
    }
  }

  void check_binding(const Diagnostics& d, const Operation& op) {
    std::vector<std::string> labels;
    static const std::regex label_re(R"(\{([^}]*)\})");
    for (auto it = std::sregex_iterator(op.uri.begin(), op.uri.end(), label_re); it != std::sregex_iterator(); ++it) {
      std::string label = (*it)[1].str();
      if (!label.empty() && label.back() == '+') label.pop_back();
      labels.push_back(label);
    }
    if (service_.protocol == Protocol::AwsJson1_0) {
      if (op.method != "POST" || op.uri != "/") {
        d.add("/http", "awsJson1_0 operations are always POST /; found " + op.method + " " + op.uri);
      }
      for (const Member& m : op.input.members) {
        if (m.location != Location::Body) {
          d.add(pointer_append(pointer_append("/input/members", m.name), "location"),
                std::string("awsJson1_0 operations carry every member in the JSON body; location '") + to_string(m.location) +
                    "' is only for restJson1");
        }
      }
      return;
    }
    static const std::vector<std::string> methods = {"GET", "PUT", "POST", "DELETE", "PATCH", "HEAD"};
    if (std::find(methods.begin(), methods.end(), op.method) == methods.end()) {
      d.add("/http/method", "unknown HTTP method '" + op.method + "'; expected one of: " + join_names(methods));
    }
    for (const std::string& label : labels) {
      const Member* m = op.input.find_member(label);
      if (!m) {
        d.add("/http/uri", "uri label {" + label + "} has no input member of that name" + did_you_mean(label, member_names(op.input)));
      } else if (m->location != Location::Uri) {
        d.add(pointer_append(pointer_append("/input/members", label), "location"),
              "member '" + label + "' fills the uri label {" + label + "}, so its location must be 'uri'");
      }
    }
    size_t payloads = 0, body = 0;
    for (const Member& m : op.input.members) {
      const std::string mp = pointer_append("/input/members", m.name);
      if (m.location == Location::Uri) {
        if (std::find(labels.begin(), labels.end(), m.name) == labels.end()) {
          d.add(pointer_append(mp, "location"), "member '" + m.name + "' has location 'uri' but the uri '" + op.uri +
                                                    "' has no {" + m.name + "} label");
        }
        if (!m.required) d.add(mp, "uri label member '" + m.name + "' must be required");
      }
      if (m.location == Location::Payload) ++payloads;
      if (m.location == Location::Body) ++body;
    }
    if (payloads > 1) d.add("/input/members", "at most one member can be the payload");
    if (payloads == 1 && body > 0) d.add("/input/members", "a payload member carries the whole body; no member can also be in the body");
  }

  void check_expectation_status(const Diagnostics& d, const Rule& rule, const ErrorSpec* error, const std::string& at) {
    if (!rule.expect.status) return;
    const int status = *rule.expect.status;
    if (rule.expect.success() && (status < 200 || status > 299)) {
      d.add(pointer_append(pointer_append(at, "expect"), "status"), "a rule without 'error' expects success, but status " +
                                                     std::to_string(status) + " is not 2xx");
    }
    if (error && error->status != status) {
      d.add(pointer_append(pointer_append(at, "expect"), "status"), "status " + std::to_string(status) + " differs from the status " +
                                                     std::to_string(error->status) + " declared for error '" + error->name + "'");
    }
  }

  void check_rule(const Diagnostics& d, const Operation& op, const Rule& rule, const std::string& at, const Scope& vars,
                  const Scope& messages) {
    const std::string situation = to_string(rule.situation);
    if (is_protocol_situation(rule.situation)) {
      d.add(pointer_append(at, "situation"), "'" + situation + "' is a protocol situation; such rules belong to the "
                                             "service's protocolRules in service.json");
    }
    if (rule.member && !op.input.find_member(*rule.member)) {
      d.add(pointer_append(at, "member"), "'" + *rule.member + "' is not a top-level input member of " + op.name +
                                              did_you_mean(*rule.member, member_names(op.input)));
    }
    const bool identifier = rule.situation == Situation::UnknownResource || rule.situation == Situation::MalformedIdentifier;
    if (identifier && !rule.member) d.add(at, "situation '" + situation + "' needs the 'member' that carries the identifier");
    if (identifier && !rule.value) d.add(at, "situation '" + situation + "' needs the probe 'value' to send");
    if (rule.situation == Situation::Closed && !op.lifecycle) {
      d.add(pointer_append(at, "situation"), "situation 'closed' needs a lifecycle: " + op.name + " has none");
    }
    if (rule.situation == Situation::TimedOut && !(op.lifecycle && op.lifecycle->timed_out_fixture)) {
      d.add(pointer_append(at, "situation"), "situation 'timed-out' needs lifecycle.timedOutFixture: " + op.name + " has none");
    }
    if (rule.expect.same_as_first_close && (rule.situation != Situation::Closed || !rule.expect.success())) {
      d.add(pointer_append(pointer_append(at, "expect"), "sameAsFirstClose"), "sameAsFirstClose only applies to 'closed' rules that expect success");
    }
    const ErrorSpec* error = nullptr;
    if (!rule.expect.error.empty()) {
      error = op.find_error(rule.expect.error);
      if (!error) error = service_.find_common_error(rule.expect.error);
      if (!error) {
        std::vector<std::string> names;
        for (const ErrorSpec& e : op.errors) names.push_back(e.name);
        for (const ErrorSpec& e : service_.common_errors) names.push_back(e.name);
        d.add(pointer_append(pointer_append(at, "expect"), "error"), "error '" + rule.expect.error + "' is neither declared by " + op.name +
                                                      " nor a common error of " + service_.name +
                                                      did_you_mean(rule.expect.error, names));
      }
    }
    check_expectation_status(d, rule, error, at);
    if (rule.value) check_text(d, *rule.value, pointer_append(at, "value"), vars);
    if (rule.value_with) check_text(d, *rule.value_with, pointer_append(at, "valueWith"), vars);
    if (rule.expect.message) check_text(d, *rule.expect.message, pointer_append(pointer_append(at, "expect"), "message"), messages);
  }

  void check_assertions(const Diagnostics& d, const Operation& op, const std::vector<StateAssertion>& list,
                        const std::string& at, const Scope& scope) {
    for (size_t i = 0; i < list.size(); ++i) {
      const StateAssertion& a = list[i];
      const std::string ap = pointer_append(at, i);
      if (a.equals) check_json(d, *a.equals, pointer_append(ap, "equals"), scope);
      if (a.equals_input && !op.input.find_member(*a.equals_input)) {
        d.add(pointer_append(ap, "equalsInput"), "'" + *a.equals_input + "' is not an input member of " + op.name +
                                                     did_you_mean(*a.equals_input, member_names(op.input)));
      }
      check_assertions(d, op, a.some, pointer_append(ap, "some"), scope);
    }
  }

  void check_lifecycle(const Diagnostics& d, const Operation& op, const Lifecycle& lc, const Scope& scope) {
    if (!lc.fixture.empty() && !find_fixture(lc.fixture)) {
      d.add("/lifecycle/fixture", "fixture '" + lc.fixture + "' is not defined in " + service_.name + "/service.json" +
                                      did_you_mean(lc.fixture, fixture_names_));
    }
    if (lc.timed_out_fixture && !find_fixture(*lc.timed_out_fixture)) {
      d.add("/lifecycle/timedOutFixture", "fixture '" + *lc.timed_out_fixture + "' is not defined in " + service_.name +
                                              "/service.json" + did_you_mean(*lc.timed_out_fixture, fixture_names_));
    }
    if (lc.bind.is_object()) {
      for (auto it = lc.bind.begin(); it != lc.bind.end(); ++it) {
        if (!op.input.find_member(it.key())) {
          d.add(pointer_append("/lifecycle/bind", it.key()), "'" + it.key() + "' is not an input member of " + op.name +
                                                                 did_you_mean(it.key(), member_names(op.input)));
        }
      }
      check_json(d, lc.bind, "/lifecycle/bind", scope);
    }
    if (lc.read_back) {
      const Operation* rb = find_op(lc.read_back->operation);
      if (!rb && !lc.read_back->operation.empty() && !unreadable_.count(lc.read_back->operation)) {
        d.add("/lifecycle/readBack/operation", "read-back operation '" + lc.read_back->operation +
                                                   "' is not defined in service '" + service_.name + "'" +
                                                   did_you_mean(lc.read_back->operation, op_names_));
      }
      if (rb && lc.read_back->input.is_object()) {
        for (auto it = lc.read_back->input.begin(); it != lc.read_back->input.end(); ++it) {
          if (!rb->input.find_member(it.key())) {
            d.add(pointer_append("/lifecycle/readBack/input", it.key()), "'" + it.key() + "' is not an input member of " +
                                                                             rb->name + did_you_mean(it.key(), member_names(rb->input)));
          }
        }
      }
      check_json(d, lc.read_back->input, "/lifecycle/readBack/input", scope);
    } else if (!lc.while_live.empty() || !lc.after_close.empty()) {
      d.add("/lifecycle", "whileLive and afterClose assertions need a 'readBack' operation to read the state");
    }
    if (!lc.after_close.empty() && !lc.closes) {
      d.add("/lifecycle/afterClose", "afterClose assertions need \"closes\": true (they are checked after a successful close)");
    }
    check_assertions(d, op, lc.while_live, "/lifecycle/whileLive", scope);
    check_assertions(d, op, lc.after_close, "/lifecycle/afterClose", scope);
    for (size_t i = 0; i < lc.omit.size(); ++i)
      if (!op.input.find_member(lc.omit[i]))
        d.add(pointer_append("/lifecycle/omit", i), "'" + lc.omit[i] + "' is not an input member of " + op.name +
                                                        did_you_mean(lc.omit[i], member_names(op.input)));
    Scope after_call = scope;
    for (const Capture& c : lc.produces) after_call.names.push_back(c.variable);
    after_call.origin = scope.origin + " or captured by 'produces'";
    std::vector<std::string> ignored;
    check_steps(d, lc.cleanup, "/lifecycle/cleanup", ignored, op.name, true, &after_call);
  }

  void check_pagination(const Diagnostics& d, const Operation& op, const Pagination& p) {
    auto need = [&](const Shape* shape, const std::string& member, const char* key, const char* side) {
      if (shape && shape->find_member(member)) return;
      d.add(pointer_append("/pagination", key), "'" + member + "' is not " + side + " member of " + op.name);
    };
    need(&op.input, p.input_token, "inputToken", "an input");
    need(&op.input, p.page_size, "pageSize", "an input");
    need(op.output ? &*op.output : nullptr, p.output_token, "outputToken", "an output");
    need(op.output ? &*op.output : nullptr, p.items, "items", "an output");
  }

  void check_operation(const Diagnostics& d, const Operation& op) {
    if (op.service != service_.name) {
      d.add("/service", "the file is in the folder of service '" + service_.name + "' (its service.json) but says \"service\": \"" +
                            op.service + "\"");
    }
    check_binding(d, op);
    check_error_names(d, op.errors, "/errors");
    std::vector<std::string> provided;
    std::string origin = op.lifecycle ? "provided by fixture '" + op.lifecycle->fixture + "'" : "a fixture variable (" + op.name + " has no lifecycle)";
    if (op.lifecycle) {
      if (const Fixture* f = find_fixture(op.lifecycle->fixture)) provided = f->provides;
      if (op.lifecycle->timed_out_fixture) {
        if (const Fixture* f = find_fixture(*op.lifecycle->timed_out_fixture)) {
          provided.insert(provided.end(), f->provides.begin(), f->provides.end());
        }
      }
    }
    Scope vars = with_builtins(provided, origin);
    Scope messages = with_builtins(provided, origin + " or a probe fact (" + join_names(probe_variables()) + ")", true);
    if (op.lifecycle && (!find_fixture(op.lifecycle->fixture) ||
                         (op.lifecycle->timed_out_fixture && !find_fixture(*op.lifecycle->timed_out_fixture)))) {
      vars.unknown = messages.unknown = true;  // the missing fixture is reported; its variables are unknown
    }
    if (op.lifecycle) check_lifecycle(d, op, *op.lifecycle, vars);
    if (op.pagination) check_pagination(d, op, *op.pagination);
    std::set<std::string> ids;
    for (size_t i = 0; i < op.rules.size(); ++i) {
      const std::string at = pointer_append("/rules", i);
      if (!ids.insert(op.rules[i].id).second) d.add(pointer_append(at, "id"), "rule id '" + op.rules[i].id + "' is used twice");
      check_rule(d, op, op.rules[i], at, vars, messages);
    }
    for (size_t i = 0; i < op.errors.size(); ++i) {
      if (op.errors[i].message) check_text(d, *op.errors[i].message, pointer_append(pointer_append("/errors", i), "message"), messages);
    }
  }

  const Service& service_;
  const std::vector<const Operation*>& ops_;
  const std::set<std::string>& unreadable_;
  std::vector<SpecError>& errors_;
  std::vector<std::string> op_names_;
  std::vector<std::string> fixture_names_;
};

}  // namespace

void check_service(const Service& service, const std::vector<const Operation*>& operations,
                   const std::set<std::string>& unreadable, std::vector<SpecError>& errors) {
  ServiceChecker(service, operations, unreadable, errors).run();
}

}  // namespace conform::spec
