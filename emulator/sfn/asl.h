// The Amazon States Language subset the emulator runs: a definition with StartAt and States made of
// Task (an activity Resource ARN, optional TimeoutSeconds and HeartbeatSeconds), Pass (optional
// Result), Succeed and Fail (optional Error and Cause) states, plus an optional top-level
// TimeoutSeconds.
//
// Promises: parse_definition() never throws; it accepts exactly the definitions it can run (every
// transition target exists, every state is reachable, each Task/Pass has exactly one of Next/End) and
// otherwise returns the InvalidDefinition message in AWS's form
// `Invalid State Machine Definition: '<CODE>: <detail> at <JSON path>'`.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>

#include "harness/spec/model.h"

namespace conform::emulator::sfn {

using Json = spec::Json;
// A JSON text shared, never copied, by the states, history events and executions that carry it.
using Text = std::shared_ptr<const std::string>;

enum class StateKind { Task, Pass, Succeed, Fail };

struct StateDef {
  std::string name;
  StateKind kind = StateKind::Pass;
  std::optional<std::string> next;            // Task/Pass: the following state; nullopt when End
  std::string resource;                       // Task: activity ARN
  std::optional<int64_t> timeout_seconds;     // Task
  std::optional<int64_t> heartbeat_seconds;   // Task
  std::optional<Json> result;                 // Pass
  Text result_text;                           // Pass: `result` as compact JSON text; null without Result
  std::optional<std::string> error, cause;    // Fail
};

struct Definition {
  std::string start_at;
  std::map<std::string, StateDef> states;
  std::optional<int64_t> timeout_seconds;     // whole execution
  bool has_task() const;
};

struct ParsedDefinition {
  std::optional<Definition> definition;       // set iff `error` is empty
  std::string error;                          // InvalidDefinition message
};

ParsedDefinition parse_definition(const std::string& text);

}  // namespace conform::emulator::sfn
