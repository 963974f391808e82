// Running a definition between waits: from a state and its input, follow Pass states until the
// execution needs an activity (a Task state) or ends (Succeed, Fail, or End on a Pass).
//
// Promises: pure and total: any parsed Definition and state name give an answer; a Pass loop is cut
// after kMaxTransitions and fails the execution with States.Runtime (AWS ends such executions when
// their history reaches its 25,000-event limit).
#pragma once

#include <optional>
#include <string>

#include "emulator/sfn/asl.h"

namespace conform::emulator::sfn {

struct Advance {
  enum class Kind { WaitTask, Succeeded, Failed } kind = Kind::Succeeded;
  const StateDef* task = nullptr;             // WaitTask: the Task state entered
  Json data;                                  // WaitTask: the task's input; Succeeded: the output
  bool data_unchanged = true;                 // `data` is still the input given to run_from
  std::optional<std::string> error, cause;    // Failed
};

constexpr int kMaxTransitions = 25000;

// Enters `state` with `input` and runs until the execution waits or ends.
Advance run_from(const Definition& d, const std::string& state, Json input);

// Continues after the Task `task_state` produced `output` (SendTaskSuccess).
Advance continue_after(const Definition& d, const std::string& task_state, Json output);

}  // namespace conform::emulator::sfn
