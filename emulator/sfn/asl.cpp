// Parsing and checking the ASL subset (see asl.h).
#include "emulator/sfn/asl.h"

#include <deque>
#include <set>
#include <vector>

#include "emulator/sfn/arn.h"

namespace conform::emulator::sfn {
namespace {

struct Failure {
  std::string code, detail, path;
};

std::string message(const Failure& f) {
  std::string m = "Invalid State Machine Definition: '" + f.code + ": " + f.detail;
  if (!f.path.empty()) m += " at " + f.path;
  return m + "'";
}

const std::set<std::string> kTopFields = {"StartAt", "States", "Comment", "Version", "TimeoutSeconds"};

const std::set<std::string>& allowed_fields(StateKind k) {
  static const std::set<std::string> task = {"Type", "Comment", "Resource", "TimeoutSeconds",
                                             "HeartbeatSeconds", "Next", "End"};
  static const std::set<std::string> pass = {"Type", "Comment", "Result", "Next", "End"};
  static const std::set<std::string> succeed = {"Type", "Comment"};
  static const std::set<std::string> fail = {"Type", "Comment", "Error", "Cause"};
  switch (k) {
    case StateKind::Task: return task;
    case StateKind::Pass: return pass;
    case StateKind::Succeed: return succeed;
    case StateKind::Fail: return fail;
  }
  return succeed;
}

std::optional<StateKind> kind_from(const std::string& t) {
  if (t == "Task") return StateKind::Task;
  if (t == "Pass") return StateKind::Pass;
  if (t == "Succeed") return StateKind::Succeed;
  if (t == "Fail") return StateKind::Fail;
  return std::nullopt;
}

// Reads a positive integer field; sets `f` and returns false when present but invalid.
bool read_seconds(const Json& state, const char* field, const std::string& path, std::optional<int64_t>& out,
                  Failure& f) {
  auto it = state.find(field);
  if (it == state.end()) return true;
  if (!it->is_number_integer() || it->get<int64_t>() < 1 || it->get<int64_t>() > 99999999) {
    f = {"SCHEMA_VALIDATION_FAILED", "Value must be a positive integer", path + "/" + field};
    return false;
  }
  out = it->get<int64_t>();
  return true;
}

bool read_transition(const Json& state, StateDef& s, const std::string& path, Failure& f) {
  auto next = state.find("Next");
  auto end = state.find("End");
  bool has_end = end != state.end();
  if (has_end && !(end->is_boolean() && end->get<bool>())) {
    f = {"SCHEMA_VALIDATION_FAILED", "Value must be true", path + "/End"};
    return false;
  }
  if (next != state.end() && !next->is_string()) {
    f = {"SCHEMA_VALIDATION_FAILED", "Value must be a string", path + "/Next"};
    return false;
  }
  if ((next != state.end()) == has_end) {
    f = {"SCHEMA_VALIDATION_FAILED", "Exactly one of these fields is required: [Next, End]", path};
    return false;
  }
  if (next != state.end()) s.next = next->get<std::string>();
  return true;
}

bool read_state(const std::string& name, const Json& state, StateDef& s, Failure& f) {
  const std::string path = "/States/" + name;
  if (name.empty() || name.size() > 80) {
    f = {"SCHEMA_VALIDATION_FAILED", "State names must be 1 to 80 characters long", path};
    return false;
  }
  if (!state.is_object()) {
    f = {"SCHEMA_VALIDATION_FAILED", "Value must be an object", path};
    return false;
  }
  auto type = state.find("Type");
  if (type == state.end() || !type->is_string()) {
    f = {"SCHEMA_VALIDATION_FAILED", "These fields are required: [Type]", path};
    return false;
  }
  auto kind = kind_from(type->get<std::string>());
  if (!kind) {
    f = {"SCHEMA_VALIDATION_FAILED", "State type '" + type->get<std::string>() + "' is not supported",
         path + "/Type"};
    return false;
  }
  s.name = name;
  s.kind = *kind;
  for (auto it = state.begin(); it != state.end(); ++it) {
    if (!allowed_fields(s.kind).count(it.key())) {
      f = {"SCHEMA_VALIDATION_FAILED", "Field '" + it.key() + "' is not supported", path};
      return false;
    }
  }
  if (s.kind == StateKind::Task) {
    auto res = state.find("Resource");
    if (res == state.end() || !res->is_string()) {
      f = {"SCHEMA_VALIDATION_FAILED", "These fields are required: [Resource]", path};
      return false;
    }
    s.resource = res->get<std::string>();
    if (check_arn(s.resource, ArnType::Activity)) {
      f = {"SCHEMA_VALIDATION_FAILED", "Value is not a valid resource ARN", path + "/Resource"};
      return false;
    }
    if (!read_seconds(state, "TimeoutSeconds", path, s.timeout_seconds, f)) return false;
    if (!read_seconds(state, "HeartbeatSeconds", path, s.heartbeat_seconds, f)) return false;
    if (s.timeout_seconds && s.heartbeat_seconds && *s.heartbeat_seconds >= *s.timeout_seconds) {
      f = {"SCHEMA_VALIDATION_FAILED", "HeartbeatSeconds must be smaller than TimeoutSeconds", path};
      return false;
    }
  }
  if (s.kind == StateKind::Pass) {
    auto r = state.find("Result");
    if (r != state.end()) {
      s.result = *r;
      s.result_text = std::make_shared<const std::string>(r->dump(-1, ' ', false, Json::error_handler_t::replace));
    }
  }
  if (s.kind == StateKind::Fail) {
    for (const char* field : {"Error", "Cause"}) {
      auto it = state.find(field);
      if (it == state.end()) continue;
      if (!it->is_string()) {
        f = {"SCHEMA_VALIDATION_FAILED", "Value must be a string", path + "/" + field};
        return false;
      }
      (std::string(field) == "Error" ? s.error : s.cause) = it->get<std::string>();
    }
  }
  if (s.kind == StateKind::Task || s.kind == StateKind::Pass) return read_transition(state, s, path, f);
  return true;
}

bool check_graph(const Definition& d, Failure& f) {
  for (const auto& [name, s] : d.states) {
    if (s.next && !d.states.count(*s.next)) {
      f = {"MISSING_TRANSITION_TARGET", "Missing 'Next' target: " + *s.next, "/States/" + name + "/Next"};
      return false;
    }
  }
  std::set<std::string> seen = {d.start_at};
  std::deque<std::string> todo = {d.start_at};
  while (!todo.empty()) {
    const StateDef& s = d.states.at(todo.front());
    todo.pop_front();
    if (s.next && seen.insert(*s.next).second) todo.push_back(*s.next);
  }
  for (const auto& [name, s] : d.states) {
    if (!seen.count(name)) {
      f = {"UNREACHABLE_STATE", "State \"" + name + "\" is not reachable.", "/States/" + name};
      return false;
    }
  }
  return true;
}

std::optional<Definition> parse(const std::string& text, Failure& f) {
  Json doc = Json::parse(text, nullptr, false);
  if (doc.is_discarded()) {
    f = {"INVALID_JSON_DESCRIPTION", "The definition is not valid JSON", ""};
    return std::nullopt;
  }
  if (!doc.is_object()) {
    f = {"SCHEMA_VALIDATION_FAILED", "Value must be an object", "/"};
    return std::nullopt;
  }
  for (auto it = doc.begin(); it != doc.end(); ++it) {
    if (!kTopFields.count(it.key())) {
      f = {"SCHEMA_VALIDATION_FAILED", "Field '" + it.key() + "' is not supported", "/"};
      return std::nullopt;
    }
  }
  auto start = doc.find("StartAt");
  auto states = doc.find("States");
  if (start == doc.end() || states == doc.end()) {
    f = {"SCHEMA_VALIDATION_FAILED", "These fields are required: [StartAt, States]", "/"};
    return std::nullopt;
  }
  if (!start->is_string()) {
    f = {"SCHEMA_VALIDATION_FAILED", "Value must be a string", "/StartAt"};
    return std::nullopt;
  }
  if (!states->is_object() || states->empty()) {
    f = {"SCHEMA_VALIDATION_FAILED", "Value must be a non-empty object", "/States"};
    return std::nullopt;
  }
  Definition d;
  d.start_at = start->get<std::string>();
  if (!read_seconds(doc, "TimeoutSeconds", "", d.timeout_seconds, f)) return std::nullopt;
  for (auto it = states->begin(); it != states->end(); ++it) {
    StateDef s;
    if (!read_state(it.key(), it.value(), s, f)) return std::nullopt;
    d.states[it.key()] = std::move(s);
  }
  if (!d.states.count(d.start_at)) {
    f = {"MISSING_TRANSITION_TARGET", "Missing 'Next' target: " + d.start_at, "/StartAt"};
    return std::nullopt;
  }
  if (!check_graph(d, f)) return std::nullopt;
  return d;
}

}  // namespace

bool Definition::has_task() const {
  for (const auto& [name, s] : states)
    if (s.kind == StateKind::Task) return true;
  return false;
}

ParsedDefinition parse_definition(const std::string& text) {
  Failure f;
  ParsedDefinition out;
  out.definition = parse(text, f);
  if (!out.definition) out.error = message(f);
  return out;
}

}  // namespace conform::emulator::sfn
