// The Pass/Succeed/Fail/Task walk (see interpreter.h).
#include "emulator/sfn/interpreter.h"

namespace conform::emulator::sfn {
namespace {

Advance make(Advance::Kind kind) {
  Advance a;
  a.kind = kind;
  return a;
}

Text text_of(const Json& data, Text given) {
  if (given) return given;
  return std::make_shared<const std::string>(data.dump(-1, ' ', false, Json::error_handler_t::replace));
}

}  // namespace

Advance run_from(const Definition& d, const std::string& state, Json input, Text input_text, int max_transitions) {
  std::string current = state;
  Json data = std::move(input);
  Text text = text_of(data, std::move(input_text));
  std::vector<Visit> visits;
  auto finish = [&](Advance a) {
    a.visits = std::move(visits);
    return a;
  };
  for (int steps = 0; steps < max_transitions; ++steps) {
    auto it = d.states.find(current);
    if (it == d.states.end()) {
      Advance a = make(Advance::Kind::Failed);
      a.error = "States.Runtime";
      a.cause = "The state '" + current + "' does not exist.";
      return finish(std::move(a));
    }
    const StateDef& s = it->second;
    visits.push_back(Visit{&s, text, nullptr});
    switch (s.kind) {
      case StateKind::Task: {
        Advance a = make(Advance::Kind::WaitTask);
        a.task = &s;
        a.data = std::move(data);
        a.text = text;
        return finish(std::move(a));
      }
      case StateKind::Succeed: {
        visits.back().output = text;
        Advance a = make(Advance::Kind::Succeeded);
        a.data = std::move(data);
        a.text = text;
        return finish(std::move(a));
      }
      case StateKind::Fail: {
        Advance a = make(Advance::Kind::Failed);
        a.error = s.error;
        a.cause = s.cause;
        return finish(std::move(a));
      }
      case StateKind::Pass:
        if (s.result) {
          data = *s.result;
          text = s.result_text;
        }
        visits.back().output = text;
        if (!s.next) {
          Advance a = make(Advance::Kind::Succeeded);
          a.data = std::move(data);
          a.text = text;
          return finish(std::move(a));
        }
        current = *s.next;
        break;
    }
  }
  Advance a = make(Advance::Kind::Failed);
  a.error = "States.Runtime";
  a.cause = "The execution reached the maximum number of history events (25000).";
  return finish(std::move(a));
}

Advance continue_after(const Definition& d, const std::string& task_state, Json output, Text output_text,
                       int max_transitions) {
  auto it = d.states.find(task_state);
  if (it == d.states.end() || !it->second.next) {
    Advance a = make(Advance::Kind::Succeeded);
    a.text = text_of(output, std::move(output_text));
    a.data = std::move(output);
    return a;
  }
  return run_from(d, *it->second.next, std::move(output), std::move(output_text), max_transitions);
}

}  // namespace conform::emulator::sfn
