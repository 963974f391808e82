// Running a definition between waits: from a state and its input, follow Pass states until the
// execution needs an activity (a Task state) or ends (Succeed, Fail, or End on a Pass).
//
// Promises: pure and total: any parsed Definition and state name give an answer; every state entered
// is listed in `visits`, in order, with the data it received and (when it exited) the data it passed
// on, as shared texts (never copies of the definition's Results or of the input); a Pass loop is cut
// after `max_transitions` and fails the execution with States.Runtime (AWS ends such executions when
// their history reaches its 25,000-event limit).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "emulator/sfn/asl.h"

namespace conform::emulator::sfn {

// One state entered during a run.
struct Visit {
  const StateDef* state = nullptr;
  Text input;                                 // what the state received
  Text output;                                // what it passed on; null when it did not exit (Task, Fail)
};

struct Advance {
  enum class Kind { WaitTask, Succeeded, Failed } kind = Kind::Succeeded;
  const StateDef* task = nullptr;             // WaitTask: the Task state entered
  Json data;                                  // WaitTask: the task's input; Succeeded: the output
  Text text;                                  // `data` as text: the input text given, or a Pass Result's
  std::optional<std::string> error, cause;    // Failed
  std::vector<Visit> visits;                  // the states entered, in order
};

constexpr int kMaxTransitions = 25000;

// Enters `state` with `input` and runs until the execution waits or ends. `input_text` is `input`'s
// text as the caller received it (kept byte for byte while no Result replaces it); null: `input` dumped.
Advance run_from(const Definition& d, const std::string& state, Json input, Text input_text = nullptr,
                 int max_transitions = kMaxTransitions);

// Continues after the Task `task_state` produced `output` (SendTaskSuccess).
Advance continue_after(const Definition& d, const std::string& task_state, Json output, Text output_text = nullptr,
                       int max_transitions = kMaxTransitions);

}  // namespace conform::emulator::sfn
