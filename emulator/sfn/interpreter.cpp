// The Pass/Succeed/Fail/Task walk (see interpreter.h).
#include "emulator/sfn/interpreter.h"

namespace conform::emulator::sfn {
namespace {

Advance make(Advance::Kind kind) {
  Advance a;
  a.kind = kind;
  return a;
}

}  // namespace

Advance run_from(const Definition& d, const std::string& state, Json input) {
  std::string current = state;
  Json data = std::move(input);
  bool unchanged = true;
  for (int steps = 0; steps < kMaxTransitions; ++steps) {
    auto it = d.states.find(current);
    if (it == d.states.end()) {
      Advance a = make(Advance::Kind::Failed);
      a.error = "States.Runtime";
      a.cause = "The state '" + current + "' does not exist.";
      return a;
    }
    const StateDef& s = it->second;
    switch (s.kind) {
      case StateKind::Task: {
        Advance a = make(Advance::Kind::WaitTask);
        a.task = &s;
        a.data = std::move(data);
        a.data_unchanged = unchanged;
        return a;
      }
      case StateKind::Succeed: {
        Advance a = make(Advance::Kind::Succeeded);
        a.data = std::move(data);
        a.data_unchanged = unchanged;
        return a;
      }
      case StateKind::Fail: {
        Advance a = make(Advance::Kind::Failed);
        a.error = s.error;
        a.cause = s.cause;
        return a;
      }
      case StateKind::Pass:
        if (s.result) {
          data = *s.result;
          unchanged = false;
        }
        if (!s.next) {
          Advance a = make(Advance::Kind::Succeeded);
          a.data = std::move(data);
          a.data_unchanged = unchanged;
          return a;
        }
        current = *s.next;
        break;
    }
  }
  Advance a = make(Advance::Kind::Failed);
  a.error = "States.Runtime";
  a.cause = "The execution reached the maximum number of history events (25000).";
  return a;
}

Advance continue_after(const Definition& d, const std::string& task_state, Json output) {
  auto it = d.states.find(task_state);
  if (it == d.states.end() || !it->second.next) {
    Advance a = make(Advance::Kind::Succeeded);
    a.data = std::move(output);
    return a;
  }
  return run_from(d, *it->second.next, std::move(output));
}

}  // namespace conform::emulator::sfn
