// The text of `conform specs show OP` (see operation_card.h).
#include "harness/report/operation_card.h"

#include "harness/fixture/fixture_runner.h"
#include "harness/gen/violation.h"
#include "harness/oracle/check.h"
#include "harness/oracle/violation_expectation.h"
#include "harness/spec/overlay.h"

namespace conform::report {

namespace {

using spec::Json;

std::string text_of(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

std::string constraints_of(const spec::Member& m) {
  std::string t = m.shape ? spec::to_string(m.shape->type) : "?";
  if (m.required) t += ", required";
  if (m.location != spec::Location::Body) t += std::string(", ") + spec::to_string(m.location) +
                                               (m.location_name != m.name ? " " + m.location_name : "");
  if (!m.shape) return t;
  const spec::Shape& s = *m.shape;
  auto range = [](const spec::Range& r) {
    return (r.min ? std::to_string(*r.min) : std::string()) + ".." + (r.max ? std::to_string(*r.max) : std::string());
  };
  if (s.length) t += ", length " + range(*s.length);
  if (s.range) t += ", range " + range(*s.range);
  if (s.pattern) t += ", pattern " + s.pattern_text.value_or(*s.pattern);
  if (!s.enum_values.empty()) t += ", enum of " + std::to_string(s.enum_values.size());
  if (s.sensitive) t += ", sensitive";
  return t;
}

std::string expectation_text(const spec::Expectation& e) {
  if (e.success()) return "success [" + std::string(spec::to_string(e.provenance)) + "]";
  std::string t = (e.status ? std::to_string(*e.status) + " " : std::string()) + e.error + " [" +
                  spec::to_string(e.provenance) + "]";
  if (e.message) t += ", message \"" + *e.message + "\" [" + spec::to_string(e.message_provenance) + "]";
  return t;
}

std::string step_text(const spec::Step& s) {
  if (s.operation.empty()) return "wait " + std::to_string(s.sleep_ms) + " ms";
  std::string t = s.operation + " " + text_of(s.input);
  for (const auto& c : s.captures) t += "; capture ${" + c.variable + "} from " + (c.from_header ? "header " : "") + c.where;
  if (s.until) t += "; until " + *s.until + " (" + std::to_string(s.attempts) + " attempts)";
  if (s.sleep_ms) t += "; then wait " + std::to_string(s.sleep_ms) + " ms";
  return t;
}

void add_steps(std::string& out, const char* title, const std::vector<spec::Step>& steps) {
  if (steps.empty()) return;
  out += std::string("    ") + title + ":\n";
  for (size_t i = 0; i < steps.size(); ++i) out += "      " + std::to_string(i + 1) + ". " + step_text(steps[i]) + "\n";
}

void add_assertions(std::string& out, const char* title, const std::vector<spec::StateAssertion>& list) {
  for (const auto& a : list) {
    std::string what = a.error ? "answers " + *a.error
                               : a.pointer + (a.equals ? " equals " + text_of(*a.equals)
                                              : a.equals_input ? " equals the request's " + *a.equals_input
                                              : a.present ? (*a.present ? " is present" : " is absent")
                                                          : " (some element ...)");
    out += std::string("    ") + title + ": " + what + " [" + spec::to_string(a.provenance) + "]" +
           (a.note.empty() ? "" : " - " + a.note) + "\n";
  }
}

void add_recipe(std::string& out, const spec::Service& service, const spec::Operation& op) {
  if (!op.lifecycle) {
    out += "\nRecipe: none (no hand-written lifecycle, and no recipe of the service makes what its required "
           "identifiers name)\n";
    return;
  }
  const spec::Lifecycle& lc = *op.lifecycle;
  out += "\nRecipe (" + std::string(lc.inferred ? "inferred: " + lc.note : "hand-written lifecycle") + "):\n";
  auto f = service.fixtures.find(lc.fixture);
  if (f == service.fixtures.end()) {
    out += "    fixture " + lc.fixture + " (missing)\n";
  } else {
    out += "    fixture " + lc.fixture + " (" + (f->second.inferred ? f->second.note : "hand-written recipe") + ")\n";
    add_steps(out, "steps", f->second.steps);
    add_steps(out, "clean-up", f->second.cleanup);
  }
  if (lc.timed_out_fixture) out += "    timed-out fixture " + *lc.timed_out_fixture + "\n";
  for (auto it = lc.bind.begin(); it != lc.bind.end(); ++it) {
    bool consumed = std::find(lc.consumed.begin(), lc.consumed.end(), it.key()) != lc.consumed.end();
    out += "    bind " + it.key() + " = " + text_of(it.value()) + (consumed ? " (names an existing resource)" : "") + "\n";
  }
  if (!lc.omit.empty()) {
    out += "    left out of valid requests:";
    for (const auto& m : lc.omit) out += " " + m;
    out += "\n";
  }
  if (!lc.produces.empty()) {
    out += "    a successful call makes:";
    for (const auto& c : lc.produces) out += " ${" + c.variable + "} (" + c.where + ")";
    out += "\n";
    add_steps(out, "its clean-up", lc.cleanup);
  }
  if (lc.closes) out += "    a successful call closes the resource\n";
  if (lc.read_back) out += "    read back with " + lc.read_back->operation + " " + text_of(lc.read_back->input) + "\n";
  add_assertions(out, "while live", lc.while_live);
  add_assertions(out, "after close", lc.after_close);
}

void add_model_rules(std::string& out, const spec::SpecSet& specs, const spec::Service& service, const spec::Operation& op) {
  auto violations = gen::violations_of(op);
  out += "\nConstraint rules derived from the model (" + std::to_string(violations.size()) +
         "; constraint [model], expected answer from " +
         (violations.empty() ? std::string("-") : "the operation's rule, else the " + service.name + " validation style") + "):\n";
  if (violations.empty()) out += "    none: the input has no modeled constraint\n";
  oracle::Scope scope{specs, service, op};
  for (const auto& v : violations) {
    Json c = {{"situation", spec::to_string(v.situation)}, {"member", v.member}, {"path", v.path()},
              {"template", v.template_key}, {"sensitive", v.target && v.target->shape && v.target->shape->sensitive}};
    oracle::ViolationExpected e = oracle::expect_for_violation(scope, c, fixture::Variables{});
    std::string expected;
    if (!e.known) {
      expected = "a 4xx with an error identity (no template for this constraint)";
    } else {
      spec::Expectation x;
      x.status = e.expected.status;
      x.error = e.expected.error;
      x.message = e.expected.message;
      x.provenance = e.expected.provenance;
      x.message_provenance = e.expected.message_provenance;
      expected = expectation_text(x) + (e.from_rule ? " (rule " + e.rule + ")" : "");
    }
    out += "    " + v.path() + " " + v.constraint + (v.limit ? " " + std::to_string(*v.limit) : std::string()) + " -> " +
           expected + "\n";
  }
}

}  // namespace

std::string operation_card(const spec::SpecSet& specs, const spec::Operation& op) {
  const spec::Service* service = specs.find_service(op.service);
  std::string out = op.id() + "\n";
  out += "  spec: " + op.file + " (" + (op.origin.empty() ? std::string(spec::kOriginHandWritten) : op.origin) + ")\n";
  if (service) {
    out += "  wire: " + std::string(spec::to_string(service->protocol)) + ", " +
           (service->protocol == spec::Protocol::AwsJson1_0 ? "POST /, X-Amz-Target " + service->target_prefix + "." + op.name
                                                            : op.method + " " + op.uri) +
           "\n";
  }
  if (!op.documentation.empty()) out += "  " + op.documentation.substr(0, 300) + "\n";
  out += "\nInput members:\n";
  if (op.input.members.empty()) out += "    none\n";
  for (const auto& m : op.input.members) out += "    " + m.name + ": " + constraints_of(m) + " [" + spec::to_string(m.provenance) + "]\n";
  out += "\nErrors:\n";
  for (const auto& e : op.errors)
    out += "    " + e.name + " " + std::to_string(e.status) + " [" + spec::to_string(e.provenance) + "]" +
           (e.message ? ", message \"" + *e.message + "\" [" + spec::to_string(e.message_provenance) + "]" : "") + "\n";
  out += "\nRules:\n";
  if (op.rules.empty()) out += "    none written or inferred\n";
  for (const auto& r : op.rules) {
    out += "    " + r.id + ": " + spec::to_string(r.situation) + (r.member ? " " + *r.member : std::string()) + " -> " +
           expectation_text(r.expect) + (r.inferred ? " (inferred" + (r.note.empty() ? std::string() : ": " + r.note) + ")"
                                                    : " (written in " + op.file + ")") +
           "\n";
  }
  if (service) {
    add_model_rules(out, specs, *service, op);
    add_recipe(out, *service, op);
  }
  if (op.pagination) {
    const auto& p = *op.pagination;
    out += "\nPagination: " + p.input_token + " -> " + p.output_token + ", page size " + p.page_size +
           (p.max_page_size ? " (max " + std::to_string(*p.max_page_size) + ")" : "") + ", items " + p.items + " [" +
           spec::to_string(p.provenance) + "]" + (p.note.empty() ? "" : " - " + p.note) + "\n";
  }
  if (service) {
    out += "\nChecks:\n";
    oracle::Scope scope{specs, *service, op};
    for (const auto& check : oracle::registry()) {
      auto why = check.not_applicable(scope);
      out += "    " + check.name + ": " + (why ? "n/a - " + *why : std::string("applies")) + "\n";
    }
  }
  return out;
}

}  // namespace conform::report
