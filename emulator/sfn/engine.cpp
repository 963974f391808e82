// Execution lifecycle and lazy deadlines (see engine.h).
#include "emulator/sfn/engine.h"

#include <algorithm>

namespace conform::emulator::sfn {

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
  if (!exec.open_token.empty()) {
    auto t = store.tasks.find(exec.open_token);
    if (t != store.tasks.end()) close_task(store, t->second);
    exec.open_token.clear();
  }
}

namespace {

std::string text_of(const Advance& a, const std::string* raw) {
  if (raw && a.data_unchanged) return *raw;
  return a.data.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace

void apply_advance(Store& store, Execution& exec, Advance advance, double now, Ids& ids,
                   const std::string* raw) {
  switch (advance.kind) {
    case Advance::Kind::Succeeded:
      exec.output = text_of(advance, raw);
      end_execution(store, exec, Status::Succeeded, now, std::nullopt, std::nullopt);
      return;
    case Advance::Kind::Failed:
      end_execution(store, exec, Status::Failed, now, advance.error, advance.cause);
      return;
    case Advance::Kind::WaitTask:
      break;
  }
  const StateDef& s = *advance.task;
  Task task;
  task.token = ids.task_token("sfn");
  task.execution_arn = exec.arn;
  task.state = s.name;
  task.activity_arn = s.resource;
  task.input = text_of(advance, raw);
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

void begin_execution(Store& store, Execution& exec, Json input, double now, Ids& ids) {
  if (exec.definition->timeout_seconds) {
    exec.timeout_at = now + static_cast<double>(*exec.definition->timeout_seconds);
    store.deadlines.emplace(*exec.timeout_at, Deadline{Deadline::Kind::Execution, exec.arn});
  }
  apply_advance(store, exec, run_from(*exec.definition, exec.definition->start_at, std::move(input)), now,
                ids, &exec.input);
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
  if (Execution* exec = execution_of(store, task); exec && exec->open_token == task.token)
    end_execution(store, *exec, Status::Failed, when, std::string("States.Timeout"), std::nullopt);
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
