#include "harness/campaign/mutate.h"

#include <algorithm>
#include <set>

#include "harness/gen/validate.h"
#include "harness/gen/valid_input.h"

namespace conform::campaign {

namespace {

using spec::Json;

const char* kClassNames[] = {"ASCII", "2-byte", "3-byte", "4-byte", "mixed"};

void append_class_char(std::string& out, int cls, Rng& rng) {
  switch (cls) {
    case 0: out += static_cast<char>('a' + rng.below(26)); break;
    case 1: out += "\xc3\xa9"; break;              // é
    case 2: out += "\xe2\x82\xac"; break;          // €
    case 3: out += "\xf0\x9f\x98\x80"; break;      // 😀
    default: append_class_char(out, static_cast<int>(rng.below(4)), rng);
  }
}

size_t code_point_count(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

Json wrong_type(const spec::Shape& shape, Rng& rng, std::string* what) {
  std::vector<Json> choices;
  if (shape.type != spec::ShapeType::String) choices.push_back("conform");
  if (shape.type != spec::ShapeType::Integer && shape.type != spec::ShapeType::Long &&
      shape.type != spec::ShapeType::Double && shape.type != spec::ShapeType::Timestamp)
    choices.push_back(12345);
  if (shape.type != spec::ShapeType::Boolean) choices.push_back(true);
  if (shape.type != spec::ShapeType::List) choices.push_back(Json::array({"conform"}));
  if (shape.type != spec::ShapeType::Structure && shape.type != spec::ShapeType::Map)
    choices.push_back(Json{{"conform", 1}});
  choices.push_back(nullptr);
  Json v = choices[rng.below(choices.size())];
  *what = std::string("wrong type (") + v.type_name() + ")";
  return v;
}

Json boundary_string(const spec::Shape& shape, Rng& rng, std::string* what) {
  std::vector<std::pair<int64_t, std::string>> lengths;
  if (shape.length && shape.length->min) {
    if (*shape.length->min > 0) lengths.emplace_back(*shape.length->min - 1, "min-1");
    lengths.emplace_back(*shape.length->min, "min");
  }
  if (shape.length && shape.length->max) {
    bool huge = *shape.length->max > 8192;
    if (!huge || rng.chance(25)) {
      lengths.emplace_back(*shape.length->max, "max");
      lengths.emplace_back(*shape.length->max + 1, "max+1");
    }
  }
  if (lengths.empty()) lengths = {{0, "empty"}, {1, "1"}, {256, "256"}, {4096, "4096"}};
  auto [n, label] = lengths[rng.below(lengths.size())];
  int cls = static_cast<int>(rng.below(5));
  *what = label + " code points (" + kClassNames[cls] + ")";
  return code_point_string(static_cast<size_t>(std::max<int64_t>(0, n)), cls, rng);
}

Json boundary_number(const spec::Shape& shape, Rng& rng, std::string* what) {
  std::vector<std::pair<Json, std::string>> values{{0, "0"}, {-1, "-1"}, {9007199254740993LL, "2^53+1"}};
  if (shape.range && shape.range->min) {
    values.emplace_back(*shape.range->min - 1, "min-1");
    values.emplace_back(*shape.range->min, "min");
  }
  if (shape.range && shape.range->max) {
    values.emplace_back(*shape.range->max, "max");
    values.emplace_back(*shape.range->max + 1, "max+1");
  }
  if (shape.type == spec::ShapeType::Double || shape.type == spec::ShapeType::Timestamp) values.emplace_back(0.5, "0.5");
  auto& pick = values[rng.below(values.size())];
  *what = "number " + pick.second;
  return pick.first;
}

Json token_value(const Json* current, Rng& rng, const std::vector<std::string>& tokens, std::string* what) {
  int kind = static_cast<int>(rng.below(tokens.empty() ? 3 : 4));
  if (kind == 3) {
    *what = "harvested token (live or closed)";
    return tokens[rng.below(tokens.size())];
  }
  if (kind == 0 && current && current->is_string() && !current->get_ref<const std::string&>().empty()) {
    std::string forged = current->get<std::string>();
    size_t i = rng.below(forged.size());
    forged[i] = forged[i] == 'A' ? 'B' : 'A';
    *what = "forged token (one character changed)";
    return forged;
  }
  if (kind <= 1) {
    std::string forged;
    size_t n = current && current->is_string() ? std::max<size_t>(1, current->get_ref<const std::string&>().size()) : 64;
    for (size_t i = 0; i < n; ++i) forged += "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"[rng.below(62)];
    *what = "forged token (random, same length)";
    return forged;
  }
  static const char* malformed[] = {"", " ", "null", "%00", "arn:aws:states:::"};
  *what = "malformed token";
  return malformed[rng.below(5)];
}

// A new value for `member` (or nullopt: remove it).
// `sound`: only values every layer agrees how to judge (strings, in-range numbers, booleans, non-empty
// containers): no wrong types, nulls, empty containers or numbers beyond the type's range, which some
// services reject while decoding (SerializationException) before any rule a check expects applies.
std::optional<Json> new_value(const spec::Member& member, const Json* current, bool is_bound, bool sound, Rng& rng,
                              const std::vector<std::string>& tokens, std::string* what, int depth = 0) {
  const spec::Shape& shape = *member.shape;
  if (is_bound && rng.chance(70)) return token_value(current, rng, tokens, what);
  int pick = static_cast<int>(rng.below(10));
  if (pick == 0) {
    *what = "removed";
    return std::nullopt;
  }
  if (pick == 1 && !sound) return wrong_type(shape, rng, what);
  switch (shape.type) {
    case spec::ShapeType::String:
      if (!shape.enum_values.empty() && pick < 5) {
        std::string v = shape.enum_values[rng.below(shape.enum_values.size())];
        if (pick == 4) std::transform(v.begin(), v.end(), v.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        *what = pick == 4 ? "enum value lower-cased" : "another enum value";
        return Json(v);
      }
      if (pick < 5 && current && current->is_string()) {
        int cls = 1 + static_cast<int>(rng.below(4));
        *what = std::string("same length in ") + kClassNames[cls] + " characters";
        return code_point_string(code_point_count(current->get<std::string>()), cls, rng);
      }
      return boundary_string(shape, rng, what);
    case spec::ShapeType::Integer:
    case spec::ShapeType::Long:
    case spec::ShapeType::Double:
    case spec::ShapeType::Timestamp:
      if (sound) {
        if (!shape.range || (!shape.range->min && !shape.range->max)) {
          *what = "number 1";
          return Json(1);
        }
        *what = "number at its bound";
        return Json(shape.range->max ? *shape.range->max : *shape.range->min);
      }
      return boundary_number(shape, rng, what);
    case spec::ShapeType::Boolean:
      *what = "boolean flipped";
      return Json(!(current && current->is_boolean() && current->get<bool>()));
    case spec::ShapeType::Structure:
      if (depth < 3 && current && current->is_object() && !shape.members.empty()) {
        const spec::Member& inner = shape.members[rng.below(shape.members.size())];
        auto it = current->find(inner.name);
        std::string inner_what;
        auto v = new_value(inner, it == current->end() ? nullptr : &*it, false, sound, rng, tokens, &inner_what, depth + 1);
        Json copy = *current;
        if (v) copy[inner.name] = *v;
        else copy.erase(inner.name);
        *what = inner.name + ": " + inner_what;
        return copy;
      }
      if (sound) {
        *what = "removed";
        return std::nullopt;
      }
      *what = "empty structure";
      return Json::object();
    case spec::ShapeType::List:
      if (current && current->is_array() && !current->empty() && pick < 6) {
        Json copy = *current;
        copy.push_back(copy.back());
        *what = "list element repeated";
        return copy;
      }
      if (sound) {
        *what = "removed";
        return std::nullopt;
      }
      *what = "empty list";
      return Json::array();
    case spec::ShapeType::Map:
      if (sound) {
        *what = "removed";
        return std::nullopt;
      }
      *what = "empty map";
      return Json::object();
    case spec::ShapeType::Blob:
      return boundary_string(shape, rng, what);
  }
  if (sound) {
    *what = "removed";
    return std::nullopt;
  }
  return wrong_type(shape, rng, what);
}

struct Slot {
  Json::json_pointer where;
  const spec::Operation* op;
};

std::vector<std::string> violation_set(const spec::Operation& op, const Json& input) {
  std::set<std::string> bound = gen::left_out_members(op);
  std::vector<std::string> out;
  for (const auto& v : gen::validate_input(op, input)) {
    if (v.constraint == "required" && bound.count(v.path)) continue;  // filled from the fixture
    out.push_back(v.path + "|" + v.constraint);
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool is_oracle_only(const std::string& check) { return check == "no_server_error" || check == "error_has_identity"; }

std::vector<const spec::Operation*> closers_of(const spec::SpecSet& specs, const spec::Operation& op) {
  std::vector<const spec::Operation*> out;
  if (!op.lifecycle) return out;
  for (const auto& o : specs.operations)
    if (o.service == op.service && o.lifecycle && o.lifecycle->fixture == op.lifecycle->fixture && o.lifecycle->closes)
      out.push_back(&o);
  return out;
}

}  // namespace

std::string code_point_string(size_t n, int cls, Rng& rng) {
  std::string out;
  out.reserve(n * (cls == 0 ? 1 : 4));
  for (size_t i = 0; i < n; ++i) append_class_char(out, cls, rng);
  return out;
}

std::vector<std::string> harvest_tokens(const spec::Operation& op, const std::vector<std::string>& bodies) {
  std::vector<std::string> out;
  std::set<std::string> bound = gen::bound_members(op);
  if (bound.empty()) return out;
  for (const auto& body : bodies) {
    Json doc = Json::parse(body, nullptr, false);
    if (!doc.is_object()) continue;
    for (const auto& name : bound) {
      auto it = doc.find(name);
      if (it != doc.end() && it->is_string() && !it->get_ref<const std::string&>().empty() && it->get_ref<const std::string&>().size() < 4096)
        out.push_back(it->get<std::string>());
    }
  }
  return out;
}

std::optional<Mutant> mutate_case(const spec::SpecSet& specs, const spec::Operation& op, const std::string& check,
                                  const Json& case_input, Rng& rng, const std::vector<std::string>& tokens) {
  try {
    if (!case_input.is_object()) return std::nullopt;
    Json c = case_input;
    const bool closed_mode = check == "closed_token_idempotence" && c.value("mode", "") == "closed";

    // A lifecycle mutation: the first close by another closer (then every sibling re-closes).
    auto closers = closers_of(specs, op);
    if (closed_mode && closers.size() > 1 && rng.chance(25)) {
      const spec::Operation* closer = closers[rng.below(closers.size())];
      if (closer->name != c.value("closer", "") && c.contains("inputs") && c["inputs"].contains(closer->name)) {
        c["closer"] = closer->name;
        c["closeInput"] = c["inputs"][closer->name];
        return Mutant{op.id(), check, std::move(c), "first close by " + closer->name};
      }
    }

    std::vector<Slot> slots;
    if (c.contains("input") && c["input"].is_object()) slots.push_back({Json::json_pointer("/input"), &op});
    if (closed_mode) {
      if (c.contains("different") && c["different"].is_object()) slots.push_back({Json::json_pointer("/different"), &op});
      if (const spec::Operation* closer = specs.find_operation(op.service, c.value("closer", "")))
        if (c.contains("closeInput") && c["closeInput"].is_object()) slots.push_back({Json::json_pointer("/closeInput"), closer});
      if (c.contains("inputs") && c["inputs"].is_object())
        for (auto it = c["inputs"].begin(); it != c["inputs"].end(); ++it)
          if (const spec::Operation* sib = specs.find_operation(op.service, it.key()); sib && it->is_object())
            slots.push_back({Json::json_pointer("/inputs/" + it.key()), sib});
    }
    if (slots.empty()) return std::nullopt;
    const Slot& slot = slots[rng.below(slots.size())];
    const spec::Operation& target = *slot.op;
    if (target.input.members.empty()) return std::nullopt;

    Json& input = c[slot.where];
    std::vector<const spec::Member*> candidates;
    for (const auto& m : target.input.members) {
      if (check == "negative_rejection" && m.name == c.value("member", "")) continue;  // keep the violation as it is
      if (m.shape) candidates.push_back(&m);
    }
    if (candidates.empty()) return std::nullopt;
    const spec::Member& member = *candidates[rng.below(candidates.size())];
    std::set<std::string> bound = gen::left_out_members(target);
    auto before = violation_set(target, input);
    auto it = input.find(member.name);
    std::string what;
    auto value = new_value(member, it == input.end() ? nullptr : &*it, bound.count(member.name) > 0, !is_oracle_only(check),
                           rng, tokens, &what);
    if (value) input[member.name] = *value;
    else input.erase(member.name);
    std::string mutation = target.name + "." + member.name + ": " + what;

    if (is_oracle_only(check)) return Mutant{op.id(), check, std::move(c), mutation};
    auto after = violation_set(target, input);
    // A bound member forged inside a fixture-bound case is overwritten by the fixture, and an omitted
    // one (lifecycle `omit`: it may name something no recipe made) cannot be vouched for: judge the
    // mutant by the response oracles alone.
    bool overwritten = bound.count(member.name) > 0 && !is_oracle_only(check);
    if (after == before && !overwritten) return Mutant{op.id(), check, std::move(c), mutation};
    Json alone{{"kind", "mutated"}, {"mutation", mutation}, {"input", input}};
    return Mutant{target.id(), "no_server_error", std::move(alone), mutation};
  } catch (...) {
    return std::nullopt;
  }
}

}  // namespace conform::campaign
