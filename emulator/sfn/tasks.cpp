// GetActivityTask and the task-token lifecycle: SendTaskSuccess, SendTaskFailure, SendTaskHeartbeat
// (see handlers.h). A token is open from scheduling until the first successful close, its timeout, or
// the end of its execution; afterwards every call with it answers TaskTimedOut.
#include <chrono>
#include <functional>
#include <thread>

#include "emulator/sfn/engine.h"
#include "emulator/sfn/errors.h"
#include "emulator/sfn/arn.h"
#include "emulator/sfn/handlers.h"
#include "harness/protocol/json_reader.h"

namespace conform::emulator::sfn {
namespace {

constexpr auto kNonAtomicGap = std::chrono::milliseconds(50);  // SfnCloseNotAtomic's race window

// Hands the oldest queued task of `activity_arn` to a worker, or nullptr when none is queued.
Task* take_task(Env& env, const std::string& activity_arn) {
  auto q = env.store.queues.find(activity_arn);
  while (q != env.store.queues.end() && !q->second.empty()) {
    std::string token = q->second.front();
    q->second.pop_front();
    auto t = env.store.tasks.find(token);
    if (t == env.store.tasks.end() || !t->second.open) continue;
    Task& task = t->second;
    double now = env.now();
    task.started = now;
    auto exec = env.store.executions.find(task.execution_arn);
    if (exec != env.store.executions.end()) {
      const StateDef& s = exec->second.definition().states.at(task.state);
      Event started = make_event(EventType::ActivityStarted, now, &s);
      started.who = share(input_string(env.call, "workerName"));
      record(exec->second, std::move(started));
      if (s.heartbeat_seconds) {
        task.heartbeat_at = now + static_cast<double>(*s.heartbeat_seconds);
        env.store.deadlines.emplace(*task.heartbeat_at, Deadline{Deadline::Kind::Heartbeat, task.token});
      }
    }
    return &task;
  }
  return nullptr;
}

// Finds the open task of the request's taskToken and runs `act` on it with the lock held; answers the
// token errors (and their planted faults) otherwise.
Outcome with_open_task(Env& env, bool closes, const std::function<void(Task&)>& act) {
  const Call& call = env.call;
  std::string token = input_string(call, "taskToken").value_or("");
  std::unique_lock<std::mutex> lock(env.store.mu);
  fire_due(env);
  auto t = env.store.tasks.find(token);
  if (t == env.store.tasks.end()) {
    if (Ids::is_well_formed_token(token, "sfn")) return task_does_not_exist();
    if (call.faults.has(Fault::SfnInvalidTokenAccepted)) return Outcome::ok();
    return invalid_token();
  }
  if (!t->second.open) {
    if (call.faults.has(Fault::SfnClosedTokenAccepted)) return Outcome::ok();
    if (call.faults.has(Fault::SfnWrongErrorIdentity)) return task_does_not_exist();
    return task_timed_out();
  }
  if (closes && call.faults.has(Fault::SfnCloseNotAtomic)) {
    // Planted race: the check above and the act below are no longer one step.
    lock.unlock();
    std::this_thread::sleep_for(kNonAtomicGap);
    lock.lock();
    t = env.store.tasks.find(token);  // tasks are never erased
  }
  act(t->second);
  return Outcome::ok();
}

Execution* execution_waiting_on(Env& env, const Task& task) {
  auto e = env.store.executions.find(task.execution_arn);
  if (e == env.store.executions.end()) return nullptr;
  Execution& exec = e->second;
  return exec.status == Status::Running && exec.open_token == task.token ? &exec : nullptr;
}

}  // namespace

Outcome get_activity_task(Env& env) {
  std::string arn = input_string(env.call, "activityArn").value_or("");
  if (auto bad = check_arn(arn, ArnType::Activity)) return invalid_arn(*bad);
  auto give_up = std::chrono::steady_clock::now() + env.options.poll_wait;
  std::unique_lock<std::mutex> lock(env.store.mu);
  fire_due(env);
  if (!env.store.activities.count(arn)) return activity_does_not_exist(arn);
  while (true) {
    if (Task* task = take_task(env, arn))
      return Outcome::ok({{"taskToken", task->token}, {"input", task->input}});
    if (std::chrono::steady_clock::now() >= give_up || !env.store.activities.count(arn))
      return Outcome::ok();  // no task: no taskToken member
    env.store.work.wait_until(lock, give_up);
    fire_due(env);
  }
}

Outcome send_task_success(Env& env) {
  std::string output = input_string(env.call, "output").value_or("");
  Json output_json = protocol::parse_json(output);
  if (output_json.is_discarded()) return invalid_output(output);
  return with_open_task(env, true, [&](Task& task) {
    close_task(env.store, task);
    Execution* exec = execution_waiting_on(env, task);
    if (!exec) return;
    exec->open_token.clear();
    continue_after_task(env.store, *exec, task, std::move(output_json), std::make_shared<const std::string>(output),
                        env.now(), env.call.ids);
  });
}

Outcome send_task_failure(Env& env) {
  auto error = input_string(env.call, "error");
  auto cause = input_string(env.call, "cause");
  return with_open_task(env, true, [&](Task& task) {
    close_task(env.store, task);
    Execution* exec = execution_waiting_on(env, task);
    if (!exec) return;
    Event failed = make_event(EventType::ActivityFailed, env.now(), &exec->definition().states.at(task.state));
    failed.error = share(error);
    failed.cause = share(cause);
    record(*exec, std::move(failed));
    end_execution(env.store, *exec, Status::Failed, env.now(), error, cause);
  });
}

Outcome send_task_heartbeat(Env& env) {
  return with_open_task(env, false, [&](Task& task) {
    if (!task.heartbeat_at) return;  // not started, or no HeartbeatSeconds
    auto exec = env.store.executions.find(task.execution_arn);
    if (exec == env.store.executions.end()) return;
    const StateDef& s = exec->second.definition().states.at(task.state);
    task.heartbeat_at = env.now() + static_cast<double>(s.heartbeat_seconds.value_or(0));
    env.store.deadlines.emplace(*task.heartbeat_at, Deadline{Deadline::Kind::Heartbeat, task.token});
  });
}

}  // namespace conform::emulator::sfn
