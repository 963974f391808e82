#include "fuzz/mutator/script_mutator.h"

#include <algorithm>
#include <cstring>
#include <optional>
#include <vector>

#include "fuzz/mutator/op_catalog.h"
#include "fuzz/support/request_script.h"

namespace conform::fuzz {
namespace {

size_t pick(Rng& rng, size_t n) { return n == 0 ? 0 : std::uniform_int_distribution<size_t>(0, n - 1)(rng); }

using Steps = std::vector<ScriptStep>;

// Steps whose operation the catalog recognises, with their catalog entries.
std::vector<std::pair<size_t, const CatalogOp*>> known_steps(const Steps& steps) {
  std::vector<std::pair<size_t, const CatalogOp*>> out;
  for (size_t i = 0; i < steps.size(); ++i)
    if (const CatalogOp* c = OpCatalog::get().find(steps[i])) out.emplace_back(i, c);
  return out;
}

// A member of `op` (top level, or one level inside a structure member of the JSON body) to mutate.
const spec::Member* pick_member(const CatalogOp& c, Rng& rng, bool identifiers_only) {
  std::vector<const spec::Member*> members;
  for (const auto& m : c.op->input.members) {
    bool id = !OpCatalog::placeholder_for(m).empty();
    if (!identifiers_only || id) members.push_back(&m);
  }
  return members.empty() ? nullptr : members[pick(rng, members.size())];
}

spec::Json valid_input(const CatalogOp& c, Rng& rng) {
  spec::Json input = spec::Json::object();
  for (const auto& m : c.op->input.members) {
    std::string ph = OpCatalog::placeholder_for(m);
    if (!ph.empty()) input[m.name] = "{{" + ph + "}}";
    else if (m.required || pick(rng, 3) == 0) input[m.name] = plain_value(m, rng);
  }
  return input;
}

// True when `op` has a member set_member may rewrite (any member; identifiers only for Identifier).
bool has_member(const CatalogOp& c, bool identifiers_only) {
  for (const auto& m : c.op->input.members)
    if (!identifiers_only || !OpCatalog::placeholder_for(m).empty()) return true;
  return false;
}

bool set_member(Steps& steps, Mutation kind, Rng& rng) {
  bool identifiers_only = kind == Mutation::Identifier;
  std::vector<std::pair<size_t, const CatalogOp*>> eligible;  // steps with a member to rewrite
  for (const auto& k : known_steps(steps))
    if (has_member(*k.second, identifiers_only)) eligible.push_back(k);
  if (eligible.empty()) return false;
  auto [index, c] = eligible[pick(rng, eligible.size())];
  const spec::Member* m = pick_member(*c, rng, identifiers_only);
  if (!m) return false;
  spec::Json input = OpCatalog::input_of(*c, steps[index]);
  if (kind == Mutation::Boundary) input[m->name] = boundary_value(*m, rng);
  else if (kind == Mutation::WrongType) input[m->name] = wrong_type_value(*m, rng);
  else input[m->name] = identifier_value(*m, OpCatalog::placeholder_for(*m), rng);
  steps[index] = OpCatalog::make_step(*c, input);
  return true;
}

bool apply_structured(Mutation kind, Steps& steps, Rng& rng) {
  const auto& catalog = OpCatalog::get();
  switch (kind) {
    case Mutation::InsertRequest: {
      if (steps.size() >= kMaxSteps || catalog.ops().empty()) return false;
      const CatalogOp& c = catalog.ops()[pick(rng, catalog.ops().size())];
      steps.insert(steps.begin() + pick(rng, steps.size() + 1), OpCatalog::make_step(c, valid_input(c, rng)));
      return true;
    }
    case Mutation::ReClose: {
      if (steps.size() >= kMaxSteps) return false;
      std::vector<size_t> closers;
      for (auto [i, c] : known_steps(steps))
        if (c->closes) closers.push_back(i);
      if (closers.empty()) return false;
      size_t from = closers[pick(rng, closers.size())];
      ScriptStep copy = steps[from];
      steps.insert(steps.begin() + from + 1 + pick(rng, steps.size() - from), copy);
      return true;
    }
    case Mutation::SwapSibling: {
      std::vector<std::pair<size_t, const CatalogOp*>> candidates;
      for (auto [i, c] : known_steps(steps))
        if (!catalog.siblings(*c).empty()) candidates.emplace_back(i, c);
      if (candidates.empty()) return false;
      auto [index, c] = candidates[pick(rng, candidates.size())];
      auto sibs = catalog.siblings(*c);
      const CatalogOp* to = sibs[pick(rng, sibs.size())];
      spec::Json old_input = OpCatalog::input_of(*c, steps[index]);
      spec::Json input = valid_input(*to, rng);
      for (auto it = old_input.begin(); it != old_input.end(); ++it)
        if (to->op->input.find_member(it.key())) input[it.key()] = it.value();
      steps[index] = OpCatalog::make_step(*to, input);
      return true;
    }
    case Mutation::Boundary:
    case Mutation::WrongType:
    case Mutation::Identifier: return set_member(steps, kind, rng);
    case Mutation::Advance: {
      if (steps.size() >= kMaxSteps) return false;
      static const double seconds[] = {1, 2, 61, 121, 301, 601, 3601, 86401};
      ScriptStep s;
      s.is_advance = true;
      s.advance_seconds = seconds[pick(rng, sizeof(seconds) / sizeof(seconds[0]))];
      steps.insert(steps.begin() + pick(rng, steps.size() + 1), s);
      return true;
    }
    case Mutation::DropStep:
      if (steps.size() < 2) return false;
      steps.erase(steps.begin() + pick(rng, steps.size()));
      return true;
    default: return false;
  }
}

// `fallback` on the body of steps[i] (growing it into the room max_size leaves): the rendered script,
// or nullopt when it no longer fits.
std::optional<std::string> mutate_body(Steps& steps, size_t i, size_t input_size, size_t max_size,
                                       const ByteMutator& fallback) {
  std::string body = steps[i].body;
  size_t room = max_size > input_size ? max_size - input_size : 0;
  size_t cap = std::min(body.size() + room, kMaxBody);
  body.resize(std::max(cap, body.size()));
  size_t n = fallback(reinterpret_cast<uint8_t*>(body.data()), steps[i].body.size(), body.size());
  body.resize(std::min(n, body.size()));
  steps[i].body = body;
  std::string out = render_script(steps);
  if (out.size() <= max_size) return out;
  return std::nullopt;
}

std::string mutate_whole(std::string_view input, size_t max_size, const ByteMutator& fallback) {
  std::string whole(input);
  whole.resize(max_size);
  size_t n = fallback(reinterpret_cast<uint8_t*>(whole.data()), std::min(input.size(), max_size), max_size);
  whole.resize(std::min(n, max_size));
  return whole;
}

std::string mutate_bytes(std::string_view input, size_t max_size, Rng& rng, const ByteMutator& fallback) {
  Steps steps = parse_script(input);
  std::vector<size_t> with_body;
  for (size_t i = 0; i < steps.size(); ++i)
    if (!steps[i].is_advance) with_body.push_back(i);
  if (max_size == 0) return std::string();
  if (!with_body.empty() && pick(rng, 4) != 0 && max_size > input.size())
    if (auto out = mutate_body(steps, with_body[pick(rng, with_body.size())], input.size(), max_size, fallback))
      return *out;
  return mutate_whole(input, max_size, fallback);
}

}  // namespace

const char* to_string(Mutation m) {
  static const char* names[] = {"insert-request", "re-close", "swap-sibling", "boundary", "wrong-type",
                                "identifier",     "advance",  "drop-step",    "bytes"};
  auto i = static_cast<size_t>(m);
  return i < sizeof(names) / sizeof(names[0]) ? names[i] : "?";
}

std::string apply_mutation(Mutation m, std::string_view input, size_t max_size, Rng& rng, const ByteMutator& fallback) {
  if (m != Mutation::Bytes) {
    Steps steps = parse_script(input);
    if (apply_structured(m, steps, rng)) {
      std::string out = render_script(steps);
      if (out.size() <= max_size) return out;
    }
  }
  return mutate_bytes(input, max_size, rng, fallback);
}

std::string mutate_script(std::string_view input, size_t max_size, Rng& rng, const ByteMutator& fallback) {
  // Structured mutations most of the time; the byte fallback keeps libFuzzer's own strengths.
  auto m = static_cast<Mutation>(pick(rng, static_cast<size_t>(Mutation::kCount) + 2));
  if (static_cast<size_t>(m) >= static_cast<size_t>(Mutation::kCount)) m = Mutation::Bytes;
  return apply_mutation(m, input, max_size, rng, fallback);
}

std::string mutate_request(std::string_view input, size_t max_size, Rng& rng, const ByteMutator& fallback) {
  static const Mutation kinds[] = {Mutation::InsertRequest, Mutation::SwapSibling, Mutation::Boundary,
                                   Mutation::WrongType, Mutation::Identifier};
  constexpr size_t kKinds = sizeof(kinds) / sizeof(kinds[0]);
  size_t k = pick(rng, kKinds + 2);  // two shares for the byte fallback, as mutate_script
  auto step = parse_step(input);
  if (k < kKinds) {
    Steps steps;
    if (step && !step->is_advance && kinds[k] != Mutation::InsertRequest) steps.push_back(*step);
    if (apply_structured(kinds[k], steps, rng) && steps.size() == 1) {
      std::string out = render_script(steps);
      if (out.size() <= max_size) return out;
    }
  }
  // Bytes: the body three times in four when there is a request line to keep, else the whole input.
  if (max_size == 0) return std::string();
  if (step && !step->is_advance && pick(rng, 4) != 0 && max_size > input.size()) {
    Steps one{*step};
    if (auto out = mutate_body(one, 0, input.size(), max_size, fallback)) return *out;
  }
  return mutate_whole(input, max_size, fallback);
}

std::string cross_over_scripts(std::string_view a, std::string_view b, size_t max_size, Rng& rng) {
  Steps sa = parse_script(a), sb = parse_script(b);
  Steps out;
  if (pick(rng, 2) == 0) {
    size_t i = pick(rng, sa.size() + 1), j = pick(rng, sb.size() + 1);
    out.assign(sa.begin(), sa.begin() + i);
    out.insert(out.end(), sb.begin() + j, sb.end());
  } else {
    out = sa;
    size_t at = pick(rng, out.size() + 1);
    size_t from = pick(rng, sb.size() + 1), len = pick(rng, 4);
    out.insert(out.begin() + at, sb.begin() + from, sb.begin() + std::min(sb.size(), from + len));
  }
  if (out.size() > kMaxSteps) out.resize(kMaxSteps);
  std::string text = render_script(out);
  if (text.size() > max_size) text.resize(max_size);
  return text;
}

}  // namespace conform::fuzz
