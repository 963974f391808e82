// Execution lifecycle, history and lazy deadlines (see engine.h).
#include "emulator/sfn/engine.h"

#include <algorithm>

namespace conform::emulator::sfn {
namespace {

EventType terminal_event(Status status) {
  switch (status) {
    case Status::Succeeded: return EventType::ExecutionSucceeded;
    case Status::Failed: return EventType::ExecutionFailed;
    case Status::TimedOut: return EventType::ExecutionTimedOut;
    case Status::Aborted: return EventType::ExecutionAborted;
    case Status::Running: break;
  }
  return EventType::ExecutionFailed;
}

// How many state transitions a run may still make: each adds two events, and the execution's last
// event must still fit.
int transition_budget(const Execution& exec) {
  size_t used = exec.history.size() + 1;
  return used >= kMaxHistoryEvents ? 0 : static_cast<int>((kMaxHistoryEvents - used) / 2);
}

void record_visits(Execution& exec, const Advance& advance, double now) {
  for (const Visit& v : advance.visits) {
    record(exec, make_event(entered_type(v.state->kind), now, v.state, v.input));
    auto exited = exited_type(v.state->kind);
    if (v.output && exited) record(exec, make_event(*exited, now, v.state, v.output));
  }
}

// Applies the result of running the definition: queue a task, or end the execution.
void apply_advance(Store& store, Execution& exec, Advance advance, double now, Ids& ids) {
  record_visits(exec, advance, now);
  switch (advance.kind) {
    case Advance::Kind::Succeeded:
      exec.output = *advance.text;
      end_execution(store, exec, Status::Succeeded, now, std::nullopt, std::nullopt);
      return;
    case Advance::Kind::Failed:
      end_execution(store, exec, Status::Failed, now, advance.error, advance.cause);
      return;
    case Advance::Kind::WaitTask:
      break;
  }
  const StateDef& s = *advance.task;
  record(exec, make_event(EventType::ActivityScheduled, now, &s, advance.text));
  Task task;
  task.token = ids.task_token("sfn");
  task.execution_arn = exec.arn;
  task.state = s.name;
  task.activity_arn = s.resource;
  task.input = *advance.text;
  task.scheduled = now;
  if (s.timeout_seconds) {
    task.timeout_at = now + static_cast<double>(*s.timeout_seconds);
    store.deadlines.emplace(*task.timeout_at, Deadline{Deadline::Kind::TaskTimeout, task.token});
  }
  exec.open_token = task.token;
  store.queues[task.activity_arn].push_back(task.token);
  store.tasks[task.token] = std::move(task);
  store.work.notify_all();
}

}  // namespace

void record(Execution& exec, Event event) { exec.history.push_back(std::move(event)); }

void close_task(Store& store, Task& task) {
  if (!task.open) return;
  task.open = false;
  auto q = store.queues.find(task.activity_arn);
  if (q != store.queues.end()) {
    auto& dq = q->second;
    dq.erase(std::remove(dq.begin(), dq.end(), task.token), dq.end());
  }
}

void end_execution(Store& store, Execution& exec, Status status, double when,
                   std::optional<std::string> error, std::optional<std::string> cause) {
  if (exec.status != Status::Running) return;
  exec.status = status;
  exec.stop = when;
  exec.error = std::move(error);
  exec.cause = std::move(cause);
  Event end = make_event(terminal_event(status), when);
  if (status == Status::Succeeded) end.data = share(exec.output);
  end.error = share(exec.error);
  end.cause = share(exec.cause);
  record(exec, std::move(end));
  if (!exec.open_token.empty()) {
    auto t = store.tasks.find(exec.open_token);
    if (t != store.tasks.end()) close_task(store, t->second);
    exec.open_token.clear();
  }
}

void begin_execution(Store& store, Execution& exec, Json input, double now, Ids& ids) {
  const Definition& def = exec.definition();
  if (def.timeout_seconds) {
    exec.timeout_at = now + static_cast<double>(*def.timeout_seconds);
    store.deadlines.emplace(*exec.timeout_at, Deadline{Deadline::Kind::Execution, exec.arn});
  }
  Text input_text = std::make_shared<const std::string>(exec.input);
  Event started = make_event(EventType::ExecutionStarted, now, nullptr, input_text);
  started.who = std::make_shared<const std::string>(exec.revision->role_arn);
  record(exec, std::move(started));
  apply_advance(store, exec, run_from(def, def.start_at, std::move(input), input_text, transition_budget(exec)),
                now, ids);
}

void continue_after_task(Store& store, Execution& exec, const Task& task, Json output, Text output_text,
                         double now, Ids& ids) {
  const Definition& def = exec.definition();
  const StateDef& s = def.states.at(task.state);
  record(exec, make_event(EventType::ActivitySucceeded, now, &s, output_text));
  record(exec, make_event(EventType::TaskStateExited, now, &s, output_text));
  apply_advance(store, exec,
                continue_after(def, task.state, std::move(output), std::move(output_text), transition_budget(exec)),
                now, ids);
}

namespace {

// The execution a task belongs to, if still stored.
Execution* execution_of(Store& store, const Task& task) {
  auto e = store.executions.find(task.execution_arn);
  return e == store.executions.end() ? nullptr : &e->second;
}

void fire(Store& store, double when, const Deadline& d) {
  if (d.kind == Deadline::Kind::Execution) {
    auto e = store.executions.find(d.key);
    if (e == store.executions.end() || e->second.timeout_at != when) return;
    end_execution(store, e->second, Status::TimedOut, when, std::nullopt, std::nullopt);
    return;
  }
  auto t = store.tasks.find(d.key);
  if (t == store.tasks.end() || !t->second.open) return;
  Task& task = t->second;
  const auto& due = d.kind == Deadline::Kind::TaskTimeout ? task.timeout_at : task.heartbeat_at;
  if (due != when) return;  // stale (heartbeat moved it)
  close_task(store, task);
  Execution* exec = execution_of(store, task);
  if (!exec || exec->open_token != task.token) return;
  const std::string timeout = "States.Timeout";
  Event timed_out = make_event(EventType::ActivityTimedOut, when, &exec->definition().states.at(task.state));
  timed_out.error = std::make_shared<const std::string>(timeout);
  record(*exec, std::move(timed_out));
  end_execution(store, *exec, Status::Failed, when, timeout, std::nullopt);
}

}  // namespace

void fire_deadlines(Store& store, double now) {
  while (!store.deadlines.empty() && store.deadlines.begin()->first <= now) {
    auto it = store.deadlines.begin();
    double when = it->first;
    Deadline d = it->second;
    store.deadlines.erase(it);
    fire(store, when, d);
  }
}

}  // namespace conform::emulator::sfn
