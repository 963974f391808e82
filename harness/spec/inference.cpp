// Producer -> consumer inference of fixture recipes, lifecycles and identifier rules (see inference.h).
#include "harness/spec/inference.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>
#include <optional>
#include <set>

#include "harness/spec/naming.h"
#include "harness/spec/pagination.h"

namespace conform::spec {

namespace {

using namespace naming;

const std::set<std::string> kBuiltins = {"run", "seq", "uuid", "region", "account"};
const char* const kNoResourceFixture = "inferredNoResource";

// What one hand-written recipe makes, and after how many of its steps.
struct Recipe {
  const Fixture* fixture = nullptr;
  std::map<std::string, size_t> captured;  // variable -> steps needed
  struct Named {
    std::string noun;  // lowerCamel noun of a producing step ("domain", "workflowType")
    Json input;
    size_t after = 0;
    std::string producer;
  };
  std::vector<Named> named;
  std::map<std::string, size_t> nouns;  // lowerCamel noun -> steps after which one exists
};

Recipe read_recipe(const Fixture& f) {
  Recipe r;
  r.fixture = &f;
  for (size_t i = 0; i < f.steps.size(); ++i) {
    const Step& step = f.steps[i];
    for (const auto* list : {&step.captures, &step.input_captures})
      for (const auto& c : *list) {
        r.captured.emplace(c.variable, i + 1);
        r.nouns.emplace(resource_of(c.variable), i + 1);
      }
    auto [verb, noun] = verb_and_noun(step.operation);
    if (!noun.empty() && is_producer_verb(verb) && step.input.is_object()) {
      r.named.push_back({lower_first(noun), step.input, i + 1, step.operation});
      r.nouns.emplace(lower_first(noun), i + 1);
    }
  }
  return r;
}

// Steps needed before `value` can be expanded; nullopt when it uses a variable the recipe does not
// capture within its first `limit` steps.
std::optional<size_t> steps_for(const Json& value, const Recipe& r, size_t at_least, size_t limit) {
  size_t need = at_least;
  for (const auto& v : referenced_variables(value)) {
    if (kBuiltins.count(v)) continue;
    auto it = r.captured.find(v);
    if (it == r.captured.end() || it->second > limit) return std::nullopt;
    need = std::max(need, it->second);
  }
  return need <= limit ? std::optional<size_t>(need) : std::nullopt;
}

struct Binding {
  Json value;
  size_t after = 0;
  std::string how;
};

// How the recipe's first `limit` steps can fill member `m`: a captured variable of the member's name, the
// name a producing step gave its noun, or a structure of such values.
std::optional<Binding> bind_member(const Member& m, const Recipe& r, size_t limit, const std::string& op_noun = "") {
  std::optional<Binding> best;
  auto offer = [&](Json value, size_t after, std::string how) {
    auto need = steps_for(value, r, after, limit);
    if (need && (!best || *need < best->after)) best = Binding{std::move(value), *need, std::move(how)};
  };
  const bool structure = m.shape && m.shape->type == ShapeType::Structure;
  const std::string& recipe = r.fixture->name;
  if (!structure) {
    for (const auto& [var, after] : r.captured)
      if (same_name(var, m.name)) offer(Json("${" + var + "}"), after, "${" + var + "} captured by recipe " + recipe);
    // A member naming any resource (tagging's resourceArn, Lambda's Resource): the first ARN the recipe
    // captures.
    if (resource_of(m.name) == "resource") {
      const std::pair<const std::string, size_t>* first = nullptr;
      for (const auto& c : r.captured)
        if (ends_with(c.first, "Arn") && (!first || c.second < first->second)) first = &c;
      if (first) offer(Json("${" + first->first + "}"), first->second,
                       "${" + first->first + "}, the first ARN recipe " + recipe + " captures (any resource it made)");
    }
  }
  for (const auto& in : r.named) {
    // DescribeDomain's `name` is the name RegisterDomain gave the domain.
    const bool own_name = same_name(m.name, "name") && !op_noun.empty() && lower_first(op_noun) == in.noun;
    if (!structure && (same_name(m.name, in.noun) || same_name(m.name, in.noun + "Name") || own_name) &&
        in.input.contains("name") && in.input["name"].is_string())
      offer(in.input["name"], in.after, "the name recipe " + recipe + " gives " + in.producer);
    if (structure && same_name(m.name, in.noun)) {
      Json value = Json::object();
      bool complete = true;
      for (const auto& sm : m.shape->members) {
        if (in.input.contains(sm.name) && in.input[sm.name].is_string()) value[sm.name] = in.input[sm.name];
        else if (sm.required) complete = false;
      }
      if (complete && !value.empty()) offer(value, in.after, "the " + m.name + " recipe " + recipe + " gives " + in.producer);
    }
  }
  if (structure && !best) {  // a structure of captured variables (SWF's execution{workflowId, runId})
    Json value = Json::object();
    bool complete = true;
    for (const auto& sm : m.shape->members) {
      auto it = std::find_if(r.captured.begin(), r.captured.end(), [&](const auto& c) { return same_name(c.first, sm.name); });
      if (it != r.captured.end()) value[sm.name] = "${" + it->first + "}";
      else if (sm.required) complete = false;
    }
    if (complete && !value.empty()) offer(value, 0, "variables captured by recipe " + recipe);
  }
  return best;
}

// How an operation is aimed at live resources: the prefix of a recipe it runs after and the members it
// gets from there.
struct Plan {
  const Recipe* recipe = nullptr;  // null: a request standing alone
  size_t steps = 0;                // recipe steps run first
  const Step* own = nullptr;       // the operation is the recipe's next step: its input, what it makes
  Json bind = Json::object();
  std::vector<std::string> consumed, notes;
  int required_bound = 0;          // consumers: required members bound (more is better)
};

// The operation is a step of the recipe: it is sent as the recipe sends it, after the steps before it.
std::optional<Plan> as_recipe_step(const Operation& op, const Recipe& r) {
  const auto& steps = r.fixture->steps;
  for (size_t k = 0; k < steps.size(); ++k) {
    if (steps[k].operation != op.name || !steps[k].input.is_object()) continue;
    Plan p;
    p.recipe = &r;
    p.steps = k;
    p.own = &steps[k];
    for (auto it = steps[k].input.begin(); it != steps[k].input.end(); ++it) {
      const Member* m = op.input.find_member(it.key());
      if (!m) continue;
      p.bind[it.key()] = it.value();
      if (bind_member(*m, r, k)) p.consumed.push_back(it.key());
    }
    p.notes.push_back("sent as recipe " + r.fixture->name + " sends it in step " + std::to_string(k + 1));
    return p;
  }
  return std::nullopt;
}

// An Update<Noun> is sent with the values the recipe created the noun with, where it has the same
// optional members (UpdateStateMachine's definition and roleArn from CreateStateMachine): a request that
// changes nothing is valid, one with none of them may not be (MissingRequiredParameter).
void add_update_values(const Operation& op, const Recipe& r, Plan& p) {
  auto [verb, noun] = verb_and_noun(op.name);
  if (verb != "Update") return;
  for (const auto& made : r.named) {
    if (made.noun != lower_first(noun)) continue;
    for (const auto& m : op.input.members) {
      if (m.required || p.bind.contains(m.name) || !made.input.contains(m.name)) continue;
      p.bind[m.name] = made.input[m.name];
      p.steps = std::max(p.steps, made.after);
      p.notes.push_back(m.name + " = the value " + made.producer + " was given in recipe " + r.fixture->name);
    }
    return;
  }
}

// The listed noun a List/Count operation's answer holds ("activity" for ListActivities), when the recipe
// makes one: the steps needed.
std::optional<size_t> steps_for_listed_noun(const Operation& op, const Recipe& r) {
  auto [verb, noun] = verb_and_noun(op.name);
  if (verb != "List" || noun.empty()) return std::nullopt;
  const std::string listed = lower_first(singular(noun));
  // "openWorkflowExecution" lists what "workflowExecution" names: equal, or ending in it as a word.
  auto lists = [&listed](const std::string& made) {
    if (made.empty()) return false;
    std::string word = made;
    word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
    return made == listed || ends_with(listed, word);
  };
  std::optional<size_t> best;
  size_t best_len = 0;
  for (const auto& [made, after] : r.nouns) {
    if (!lists(made) || made.size() < best_len) continue;
    best = after;
    best_len = made.size();
  }
  return best;
}

// The operation consumes what the recipe makes: each required identifier member is bound.
std::optional<Plan> as_consumer(const Operation& op, const Recipe& r) {
  Plan p;
  p.recipe = &r;
  bool required_bound = false;
  for (const auto& m : op.input.members) {
    if (!m.shape || is_page_token_name(m.name)) continue;
    const bool structure = m.shape->type == ShapeType::Structure;
    if (!m.required && (structure || !is_identifier_name(m.name))) continue;  // optional: identifier strings only
    auto b = bind_member(m, r, SIZE_MAX, verb_and_noun(op.name).second);
    if (!b) {
      if (m.required && is_identifier_name(m.name)) return std::nullopt;
      continue;
    }
    p.bind[m.name] = b->value;
    p.steps = std::max(p.steps, b->after);
    p.consumed.push_back(m.name);
    p.notes.push_back(m.name + " = " + b->how);
    required_bound = required_bound || m.required;
    p.required_bound += m.required ? 1 : 0;
  }
  add_update_values(op, r, p);
  auto listed = steps_for_listed_noun(op, r);
  if (listed) {
    p.steps = std::max(p.steps, *listed);
    p.notes.push_back("recipe " + r.fixture->name + " makes something for it to list");
  }
  if (!required_bound && !listed) return std::nullopt;
  return p;
}

// A reading request that needs no resource: every required member is a plain value.
std::optional<Plan> standing_alone(const Operation& op) {
  const std::string verb = verb_and_noun(op.name).first;
  if (verb != "List" && verb != "Get" && verb != "Describe" && verb != "Count") return std::nullopt;
  for (const auto& m : op.input.members)
    if (m.required && is_identifier_name(m.name)) return std::nullopt;
  Plan p;
  p.notes.push_back("a reading request with no identifier to fill: sent standing alone");
  return p;
}

// The plan that binds the most required members (a structure such as SWF's activityType is no
// identifier by name, but a recipe that makes one is better than one that leaves it random), then the
// one with the fewest recipe steps.
std::optional<Plan> choose_plan(const Operation& op, const std::vector<Recipe>& recipes) {
  std::optional<Plan> best;
  auto consider = [&](std::optional<Plan> p) {
    if (!p) return;
    if (!best || p->required_bound > best->required_bound ||
        (p->required_bound == best->required_bound && p->steps < best->steps))
      best = std::move(p);
  };
  for (const auto& r : recipes) consider(as_recipe_step(op, r));
  if (best) return best;
  for (const auto& r : recipes) consider(as_consumer(op, r));
  if (best) return best;
  return standing_alone(op);
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
    for (const auto* list : {&f.steps[i].captures, &f.steps[i].input_captures})
      for (const auto& c : *list) {
        available.insert(c.variable);
        out.provides.push_back(c.variable);
      }
  }
  for (const auto& step : f.cleanup) {
    auto vars = referenced_variables(step.input);
    if (std::all_of(vars.begin(), vars.end(), [&](const std::string& v) { return available.count(v) > 0; }))
      out.cleanup.push_back(step);
  }
  return out;
}

// The clean-up of what the recipe's step `own` makes: the recipe's clean-up steps that use one of its
// captures and otherwise only what the steps before it captured.
std::vector<Step> cleanup_of_own_step(const Fixture& f, size_t steps, const Step& own) {
  std::set<std::string> before(kBuiltins.begin(), kBuiltins.end()), made;
  for (size_t i = 0; i < steps && i < f.steps.size(); ++i)
    for (const auto* list : {&f.steps[i].captures, &f.steps[i].input_captures})
      for (const auto& c : *list) before.insert(c.variable);
  for (const auto& c : own.captures) made.insert(c.variable);
  std::vector<Step> out;
  for (const auto& step : f.cleanup) {
    auto vars = referenced_variables(step.input);
    bool uses_made = std::any_of(vars.begin(), vars.end(), [&](const std::string& v) { return made.count(v) > 0; });
    bool resolvable = std::all_of(vars.begin(), vars.end(), [&](const std::string& v) { return before.count(v) || made.count(v); });
    if (uses_made && resolvable) out.push_back(step);
  }
  return out;
}

// Members a generated valid request leaves out: every optional member the recipe does not bind. An
// optional value may name something no recipe made (a Qualifier, a Marker, a RevisionId), or depend on
// state (a concurrency above what is unreserved, a page token): an inferred valid request carries only
// what the recipe binds and what the model requires.
std::vector<std::string> omitted_members(const Operation& op, const Json& bind) {
  std::vector<std::string> out;
  for (const auto& m : op.input.members)
    if (!bind.contains(m.name) && m.shape && (!m.required || is_page_token_name(m.name))) out.push_back(m.name);
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

class Inferrer {
 public:
  Inferrer(SpecSet& set, Service& service) : set_(set), service_(service) {
    for (const auto& [name, fixture] : service.fixtures)
      if (!fixture.inferred) recipes_.push_back(read_recipe(fixture));
  }

  void infer(Operation& op) {
    std::optional<Plan> plan = choose_plan(op, recipes_);
    if (!plan) return;
    Lifecycle lc;
    lc.fixture = fixture_for(*plan);
    lc.bind = plan->bind;
    lc.consumed = plan->consumed;
    lc.omit = omitted_members(op, plan->bind);
    lc.inferred = true;
    for (const auto& n : plan->notes) lc.note += (lc.note.empty() ? "" : "; ") + n;
    if (plan->own) {
      lc.produces = plan->own->captures;
      lc.cleanup = cleanup_of_own_step(*plan->recipe->fixture, plan->steps, *plan->own);
    } else {
      add_read_back(op, lc);
    }
    op.lifecycle = std::move(lc);
    add_rules(op);
  }

 private:
  std::string fixture_for(const Plan& plan) {
    if (!plan.recipe) {
      if (!service_.fixtures.count(kNoResourceFixture)) {
        Fixture none;
        none.name = kNoResourceFixture;
        none.inferred = true;
        none.note = "no steps: the request needs no resource";
        none.description = "Inferred: " + none.note + ".";
        service_.fixtures[none.name] = none;
      }
      return kNoResourceFixture;
    }
    const Fixture& source = *plan.recipe->fixture;
    if (plan.steps >= source.steps.size()) return source.name;
    std::string name = "inferred" + source.name + "Steps" + std::to_string(plan.steps);
    name[8] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[8])));
    if (!service_.fixtures.count(name)) service_.fixtures[name] = prefix_of(source, plan.steps, name);
    return name;
  }

  // A Delete<Noun> closes the resource a consumed member names when that resource is the noun
  // (DeleteStateMachine's stateMachineArn); DeleteFunctionConcurrency deletes a setting of a function
  // that stays.
  static bool deletes_what_it_names(const Operation& op, const Lifecycle& lc) {
    auto [verb, noun] = verb_and_noun(op.name);
    if (verb != "Delete") return false;
    for (const auto& member : lc.consumed)
      if (resource_of(member) == lower_first(noun)) return true;
    return false;
  }

  void add_read_back(const Operation& op, Lifecycle& lc) {
    lc.closes = deletes_what_it_names(op, lc);
    const Operation* r = find_read_back(set_, op, lc.bind);
    if (!r) return;
    lc.read_back = ReadBack{r->name, read_back_input(*r, lc.bind)};
    if (lc.closes) {
      for (const auto& member : lc.consumed) {
        const ErrorSpec* gone = lc.bind[member].is_string() ? not_found_for(*r, member) : nullptr;
        if (!gone) continue;
        StateAssertion a;
        a.error = gone->name;
        a.provenance = Provenance::Inferred;
        a.note = "after " + op.name + ", " + r->name + " of the same " + member + " answers " + gone->name;
        lc.after_close.push_back(a);
        break;
      }
    } else if (r->output) {
      for (const auto& member : lc.consumed) {
        if (!lc.bind[member].is_string() || !r->output->find_member(member)) continue;
        StateAssertion a;
        a.pointer = "/" + member;
        a.equals = lc.bind[member];
        a.provenance = Provenance::Inferred;
        a.note = r->name + " echoes the " + member + " it was asked about";
        lc.while_live.push_back(a);
      }
    }
  }

  void add_rules(Operation& op) {
    const Lifecycle& lc = *op.lifecycle;
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
    for (const auto& member : lc.consumed) {
      const Json& value = lc.bind[member];
      if (!value.is_string() || has_rule(op, Situation::UnknownResource, member)) continue;
      const ErrorSpec* e = not_found_for(op, member);
      if (!e) continue;
      Rule r;
      r.id = "inferred-unknown-" + member;
      r.situation = Situation::UnknownResource;
      r.member = member;
        r.value = value.get<std::string>();
      // An ARN keeps its form with a fresh last segment; any other identifier (a name, a runId, which
      // may hold '/') is replaced whole.
      const std::string& v = *r.value;
      const bool arn_variable = v.size() > 6 && v.rfind("${", 0) == 0 && v.back() == '}' &&
                                (ends_with(v.substr(0, v.size() - 1), "Arn") || ends_with(v.substr(0, v.size() - 1), "ARN"));
      const bool arn = ends_with(member, "Arn") || ends_with(member, "ARN") || v.rfind("arn:", 0) == 0 || arn_variable;
      r.value_replace = arn ? "[^:/]+$" : "^.*$";
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

  SpecSet& set_;
  Service& service_;
  std::vector<Recipe> recipes_;
};

}  // namespace

void infer_recipes(SpecSet& set) {
  for (auto& op : set.operations)
    if (!op.pagination) op.pagination = detect_pagination(op);
  for (auto& [name, service] : set.services) {
    Inferrer inferrer(set, service);
    for (auto& op : set.operations)
      if (op.service == name && !op.lifecycle) inferrer.infer(op);
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
