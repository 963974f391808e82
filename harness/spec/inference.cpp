// Producer -> consumer inference of fixture recipes, lifecycles and identifier rules (see inference.h).
#include "harness/spec/inference.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>
#include <set>

namespace conform::spec {

namespace {

const std::set<std::string> kBuiltins = {"run", "seq", "uuid", "region", "account"};
const std::vector<std::string> kProducerVerbs = {"Create", "Register", "Start", "Put", "Publish"};

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string lower_first(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
  return s;
}

// Equal but for the case of the first letter (Lambda's `FunctionName` and a recipe's `functionName`).
bool same_name(const std::string& a, const std::string& b) { return !a.empty() && lower_first(a) == lower_first(b); }

bool is_identifier_name(const std::string& name) {
  static const std::vector<std::string> suffixes = {"Arn", "ARN", "Name", "Id", "Token"};
  for (const auto& s : suffixes)
    if (ends_with(name, s)) return true;
  const std::string l = lower_first(name);
  return l == "domain" || l == "name";
}

// The first word of an operation name ("Describe" of DescribeActivity) and the rest ("Activity").
std::pair<std::string, std::string> verb_and_noun(const std::string& op) {
  if (op.empty()) return {"", ""};  // a pure sleep step
  size_t i = 1;
  while (i < op.size() && !std::isupper(static_cast<unsigned char>(op[i]))) ++i;
  return {op.substr(0, i), op.substr(i)};
}

// Variables a template string references (${name}).
std::vector<std::string> referenced(const Json& tmpl) {
  std::vector<std::string> out;
  if (tmpl.is_string()) {
    static const std::regex var(R"(\$\{([A-Za-z][A-Za-z0-9]*)\})");
    const std::string s = tmpl.get<std::string>();
    for (auto it = std::sregex_iterator(s.begin(), s.end(), var); it != std::sregex_iterator(); ++it)
      out.push_back((*it)[1].str());
  } else if (tmpl.is_structured()) {
    for (const auto& e : tmpl) {
      auto more = referenced(e);
      out.insert(out.end(), more.begin(), more.end());
    }
  }
  return out;
}

bool is_not_found_error(const std::string& name) {
  return name.find("DoesNotExist") != std::string::npos || name.find("NotFound") != std::string::npos ||
         name.rfind("UnknownResource", 0) == 0 || name.rfind("NoSuch", 0) == 0;
}

std::vector<const ErrorSpec*> not_found_errors(const Operation& op) {
  std::vector<const ErrorSpec*> out;
  for (const auto& e : op.errors)
    if (is_not_found_error(e.name)) out.push_back(&e);
  return out;
}

// The not-found error for a member: the one naming the member's resource, else the only one.
const ErrorSpec* not_found_for(const Operation& op, const std::string& member) {
  auto errors = not_found_errors(op);
  if (errors.empty()) return nullptr;
  std::string resource = member;
  for (const char* suffix : {"Arn", "ARN", "Name", "Id"})
    if (ends_with(resource, suffix) && resource.size() > std::string(suffix).size()) {
      resource.resize(resource.size() - std::string(suffix).size());
      break;
    }
  for (const auto* e : errors)
    if (lower_first(e->name).rfind(lower_first(resource), 0) == 0) return e;
  return errors.size() == 1 ? errors.front() : nullptr;
}

// What one hand-written recipe produces, and after how many of its steps.
struct Products {
  const Fixture* fixture = nullptr;
  std::map<std::string, size_t> captured;  // variable -> steps needed
  struct Input {
    std::string noun;  // lowerCamel noun of a producer step ("domain", "workflowType")
    Json input;
    size_t after = 0;
  };
  std::vector<Input> inputs;
};

Products products_of(const Fixture& f) {
  Products p;
  p.fixture = &f;
  for (size_t i = 0; i < f.steps.size(); ++i) {
    const Step& step = f.steps[i];
    for (const auto& c : step.captures) p.captured.emplace(c.variable, i + 1);
    auto [verb, noun] = verb_and_noun(step.operation);
    if (!noun.empty() && step.input.is_object() &&
        std::find(kProducerVerbs.begin(), kProducerVerbs.end(), verb) != kProducerVerbs.end())
      p.inputs.push_back({lower_first(noun), step.input, i + 1});
  }
  return p;
}

struct Binding {
  Json value;
  size_t after = 0;
  std::string how;
};

// Steps needed before `value` can be expanded (nullopt: it uses a variable the recipe never captures).
std::optional<size_t> steps_for(const Json& value, const Products& p, size_t at_least) {
  size_t need = at_least;
  for (const auto& v : referenced(value)) {
    if (kBuiltins.count(v)) continue;
    auto it = p.captured.find(v);
    if (it == p.captured.end()) return std::nullopt;
    need = std::max(need, it->second);
  }
  return need;
}

std::optional<Binding> bind_member(const Member& m, const Products& p) {
  std::optional<Binding> best;
  auto offer = [&](Json value, size_t after, std::string how) {
    auto need = steps_for(value, p, after);
    if (need && (!best || *need < best->after)) best = Binding{std::move(value), *need, std::move(how)};
  };
  const bool structure = m.shape && m.shape->type == ShapeType::Structure;
  if (!structure) {
    for (const auto& [var, after] : p.captured)
      if (same_name(var, m.name)) offer(Json("${" + var + "}"), after, "${" + var + "} captured by recipe " + p.fixture->name);
  }
  for (const auto& in : p.inputs) {
    const std::string producer = p.fixture->steps[in.after - 1].operation;
    if (!structure && (same_name(m.name, in.noun) || same_name(m.name, in.noun + "Name")) && in.input.contains("name") &&
        in.input["name"].is_string())
      offer(in.input["name"], in.after, "the name recipe " + p.fixture->name + " gives " + producer);
    if (structure && same_name(m.name, in.noun)) {
      Json value = Json::object();
      bool complete = true;
      for (const auto& sm : m.shape->members) {
        if (in.input.contains(sm.name) && in.input[sm.name].is_string()) value[sm.name] = in.input[sm.name];
        else if (sm.required) complete = false;
      }
      if (complete && !value.empty())
        offer(value, in.after, "the " + m.name + " recipe " + p.fixture->name + " gives " + producer);
    }
  }
  if (structure && !best) {  // a structure of captured variables (SWF's execution{workflowId, runId})
    Json value = Json::object();
    bool complete = true;
    for (const auto& sm : m.shape->members) {
      auto it = std::find_if(p.captured.begin(), p.captured.end(), [&](const auto& c) { return same_name(c.first, sm.name); });
      if (it != p.captured.end()) value[sm.name] = "${" + it->first + "}";
      else if (sm.required) complete = false;
    }
    if (complete && !value.empty()) offer(value, 0, "variables captured by recipe " + p.fixture->name);
  }
  return best;
}

struct Candidate {
  const Fixture* fixture = nullptr;
  size_t steps = 0;
  Json bind = Json::object();
  std::vector<std::string> notes;
};

std::optional<Candidate> candidate_for(const Operation& op, const Products& p) {
  Candidate c;
  c.fixture = p.fixture;
  bool required_bound = false;
  for (const auto& m : op.input.members) {
    if (!m.shape) continue;
    auto b = bind_member(m, p);
    if (!b) {
      if (m.required && is_identifier_name(m.name)) return std::nullopt;
      continue;
    }
    c.bind[m.name] = b->value;
    c.steps = std::max(c.steps, b->after);
    c.notes.push_back(m.name + " = " + b->how);
    required_bound = required_bound || m.required;
  }
  if (!required_bound) return std::nullopt;
  return c;
}

// The recipe's first `steps` steps, with the clean-up steps those steps make possible.
Fixture prefix_of(const Fixture& f, size_t steps, const std::string& name) {
  Fixture out;
  out.name = name;
  out.inferred = true;
  out.note = "the first " + std::to_string(steps) + " step(s) of recipe " + f.name;
  out.description = "Inferred: " + out.note + ".";
  std::set<std::string> available(kBuiltins.begin(), kBuiltins.end());
  for (size_t i = 0; i < steps && i < f.steps.size(); ++i) {
    out.steps.push_back(f.steps[i]);
    for (const auto& c : f.steps[i].captures) {
      available.insert(c.variable);
      out.provides.push_back(c.variable);
    }
  }
  for (const auto& step : f.cleanup) {
    auto vars = referenced(step.input);
    if (std::all_of(vars.begin(), vars.end(), [&](const std::string& v) { return available.count(v) > 0; }))
      out.cleanup.push_back(step);
  }
  return out;
}

const Operation* find_read_back(const SpecSet& set, const Operation& op, const Json& bind) {
  const std::string noun = verb_and_noun(op.name).second;
  if (noun.empty()) return nullptr;
  for (const char* verb : {"Describe", "Get"}) {
    const Operation* r = set.find_operation(op.service, verb + noun);
    if (!r) continue;
    bool complete = true;
    for (const auto& m : r->input.members)
      if (m.required && !bind.contains(m.name)) complete = false;
    if (complete) return r;
  }
  return nullptr;
}

Json read_back_input(const Operation& r, const Json& bind) {
  Json in = Json::object();
  for (const auto& m : r.input.members)
    if (bind.contains(m.name)) in[m.name] = bind[m.name];
  return in;
}

bool has_rule(const Operation& op, Situation s, const std::string& member) {
  for (const auto& r : op.rules)
    if (r.situation == s && (!r.member || *r.member == member)) return true;
  return false;
}

void infer_for(SpecSet& set, Service& service, Operation& op, std::map<std::string, std::string>& prefix_names) {
  std::optional<Candidate> best;
  for (const auto& [name, fixture] : service.fixtures) {
    if (fixture.inferred) continue;
    auto c = candidate_for(op, products_of(fixture));
    if (c && (!best || c->steps < best->steps)) best = std::move(c);
  }
  if (!best) return;
  const Fixture& source = *best->fixture;
  std::string fixture_name = source.name;
  if (best->steps < source.steps.size()) {
    const std::string key = source.name + "/" + std::to_string(best->steps);
    auto it = prefix_names.find(key);
    if (it == prefix_names.end()) {
      std::string name = "inferred" + source.name + "Steps" + std::to_string(best->steps);
      name[8] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[8])));
      service.fixtures[name] = prefix_of(source, best->steps, name);
      it = prefix_names.emplace(key, name).first;
    }
    fixture_name = it->second;
  }
  Lifecycle lc;
  lc.fixture = fixture_name;
  lc.bind = best->bind;
  lc.inferred = true;
  for (const auto& n : best->notes) lc.note += (lc.note.empty() ? "" : "; ") + n;
  const std::string verb = verb_and_noun(op.name).first;
  lc.closes = verb == "Delete";
  if (const Operation* r = find_read_back(set, op, best->bind)) {
    lc.read_back = ReadBack{r->name, read_back_input(*r, best->bind)};
    if (lc.closes) {
      for (const auto& [member, value] : best->bind.items()) {
        const ErrorSpec* gone = value.is_string() ? not_found_for(*r, member) : nullptr;
        if (!gone) continue;
        StateAssertion a;
        a.error = gone->name;
        a.provenance = Provenance::Inferred;
        a.note = "after " + op.name + ", " + r->name + " of the same " + member + " answers " + gone->name;
        lc.after_close.push_back(a);
        break;
      }
    } else if (r->output) {
      for (const auto& [member, value] : best->bind.items()) {
        if (!value.is_string() || !r->output->find_member(member)) continue;
        StateAssertion a;
        a.pointer = "/" + member;
        a.equals = value;
        a.provenance = Provenance::Inferred;
        a.note = r->name + " echoes the " + member + " it was asked about";
        lc.while_live.push_back(a);
      }
    }
  }
  op.lifecycle = std::move(lc);

  if (op.rules_for(Situation::Valid).empty()) {
    Rule valid;
    valid.id = "inferred-valid";
    valid.situation = Situation::Valid;
    valid.expect.provenance = Provenance::Inferred;
    valid.inferred = true;
    valid.note = "a valid request on resources the recipe made succeeds";
    op.rules.push_back(valid);
  }
  const size_t not_found_count = not_found_errors(op).size();
  for (const auto& [member, value] : best->bind.items()) {
    if (!value.is_string() || has_rule(op, Situation::UnknownResource, member)) continue;
    const ErrorSpec* e = not_found_for(op, member);
    if (!e) continue;
    Rule r;
    r.id = "inferred-unknown-" + member;
    r.situation = Situation::UnknownResource;
    r.member = member;
    r.value = value.get<std::string>();
    r.value_replace = "[^:/]+$";
    r.value_with = "never-issued-${uuid}";
    r.expect.status = e->status;
    r.expect.error = e->name;
    r.expect.provenance = not_found_count == 1 ? Provenance::Model : Provenance::Inferred;
    r.inferred = true;
    r.note = "a well-formed " + member + " that was never issued: the operation's not-found error" +
             std::string(not_found_count == 1 ? " (its only one in the model)" : " (chosen by name)");
    op.rules.push_back(std::move(r));
  }
}

}  // namespace

void infer_recipes(SpecSet& set) {
  for (auto& [name, service] : set.services) {
    std::map<std::string, std::string> prefix_names;
    for (auto& op : set.operations)
      if (op.service == name && !op.lifecycle) infer_for(set, service, op, prefix_names);
  }
}

std::vector<std::string> unproduced_members(const SpecSet& set, const std::string& service) {
  std::vector<std::string> out;
  for (const auto& op : set.operations) {
    if (op.service != service || op.lifecycle) continue;
    for (const auto& m : op.input.members)
      if (m.required && is_identifier_name(m.name)) out.push_back(op.id() + "." + m.name);
  }
  return out;
}

}  // namespace conform::spec
