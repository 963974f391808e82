// The Step Functions backend's state: activities, state machines, executions and activity tasks, with
// the deadlines that can close them. Plain data guarded by one mutex.
//
// Promises: every field is read or written only with `mu` held (handlers lock it; engine.h functions
// require it held). Tasks are never erased: a closed task stays, with open == false, so a closed token
// is told from one never issued. `work` is notified whenever a task is queued.
#pragma once

#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "emulator/sfn/asl.h"

namespace conform::emulator::sfn {

struct Activity {
  std::string arn, name;
  double created = 0;
};

struct StateMachine {
  std::string arn, name, definition, role_arn, type = "STANDARD";
  double created = 0;
  std::shared_ptr<const Definition> parsed;
};

enum class Status { Running, Succeeded, Failed, TimedOut, Aborted };
const char* to_string(Status s);

struct Execution {
  std::string arn, name, machine_arn;
  std::shared_ptr<const Definition> definition;
  Status status = Status::Running;
  double start = 0;
  std::optional<double> stop;
  std::string input;                          // JSON text as given (or "{}")
  std::optional<std::string> output;          // JSON text, SUCCEEDED only
  std::optional<std::string> error, cause;    // absent unless set
  std::string open_token;                     // the task the execution waits on; empty when none
  std::optional<double> timeout_at;           // whole-execution deadline
};

struct Task {
  std::string token, execution_arn, state, activity_arn;
  std::string input;                          // JSON text handed to the worker
  double scheduled = 0;
  std::optional<double> started;              // when a worker received it
  std::optional<double> timeout_at;           // TimeoutSeconds from scheduling
  std::optional<double> heartbeat_at;         // HeartbeatSeconds from start / last heartbeat
  bool open = true;
};

struct Deadline {
  enum class Kind { TaskTimeout, Heartbeat, Execution } kind = Kind::TaskTimeout;
  std::string key;                            // task token or execution ARN
};

struct Store {
  std::mutex mu;
  std::condition_variable work;
  std::map<std::string, Activity> activities;               // by ARN
  std::map<std::string, StateMachine> machines;             // by ARN
  std::map<std::string, Execution> executions;              // by ARN
  std::map<std::string, Task> tasks;                        // by token
  std::map<std::string, std::deque<std::string>> queues;    // activity ARN -> tokens not yet handed out
  std::multimap<double, Deadline> deadlines;                // may hold stale entries; checked on firing
};

}  // namespace conform::emulator::sfn
