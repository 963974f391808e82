#include "harness/oracle/check_support.h"

#include "harness/protocol/coral_text.h"
#include "harness/protocol/unknown_operation.h"

#include <cctype>

namespace conform::oracle {

Json bind_input(const spec::Operation& op, Json input, const fixture::Variables& vars) {
  if (!input.is_object()) input = Json::object();
  if (op.lifecycle && op.lifecycle->bind.is_object())
    for (auto it = op.lifecycle->bind.begin(); it != op.lifecycle->bind.end(); ++it)
      input[it.key()] = fixture::expand(it.value(), vars);
  return input;
}

const spec::Rule* rule_for(const spec::Operation& op, spec::Situation s, const std::string& member) {
  const spec::Rule* fallback = nullptr;
  for (const auto* r : op.rules_for(s)) {
    if (!r->member) {
      if (!fallback) fallback = r;
      continue;
    }
    if (member.empty() || *r->member == member) return r;
  }
  return fallback;
}

Expected valid_expectation(const spec::Operation& op, std::string* rule_id) {
  if (const spec::Rule* r = rule_for(op, spec::Situation::Valid)) {
    if (rule_id) *rule_id = r->id;
    return Expected::from(r->expect);
  }
  if (rule_id) *rule_id = "valid";
  Expected e;
  e.provenance = spec::Provenance::Model;
  return e;
}

std::vector<const spec::Operation*> siblings(const Scope& scope) {
  if (!scope.op.lifecycle) return {};
  return scope.specs.operations_on_fixture(scope.op.service, scope.op.lifecycle->fixture);
}

std::vector<const spec::Operation*> closers(const Scope& scope) {
  std::vector<const spec::Operation*> out;
  for (const auto* s : siblings(scope))
    if (s->lifecycle && s->lifecycle->closes) out.push_back(s);
  return out;
}

std::optional<ReadBackResult> read_back(CaseBuilder& b, const spec::Operation& op, const fixture::Variables& vars) {
  if (!op.lifecycle || !op.lifecycle->read_back) return std::nullopt;
  const auto& rb = *op.lifecycle->read_back;
  const spec::Operation* rop = b.scope().specs.find_operation(op.service, rb.operation);
  if (!rop) return std::nullopt;
  ReadBackResult out;
  out.response = b.call(*rop, fixture::expand(rb.input, vars), "read-back", &out.index);
  if (protocol::answers_as_unknown_operation(b.scope().specs, *rop, out.response)) {
    b.not_run("the state cannot be read back: the target does not implement " + rop->id());
    return std::nullopt;
  }
  return out;
}

fixture::Variables with_probe(fixture::Variables vars, const Json& value) {
  if (!value.is_null()) vars.set("value", value.is_string() ? value : Json(protocol::coral_value_text(value)));
  return vars;
}

std::string printed_path(const spec::Service& service, const std::string& path) {
  if (!service.validation.lower_camel_paths) return path;
  std::string out = path;
  bool start = true;
  for (char& c : out) {
    if (start) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    start = c == '.';
  }
  return out;
}

std::optional<std::string> needs_lifecycle(const Scope& scope) {
  if (!scope.op.lifecycle) return "the operation has no lifecycle";
  return std::nullopt;
}

}  // namespace conform::oracle
