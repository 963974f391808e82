// The Step Functions backend's state: activities, state machines (with their revisions and tags),
// executions (with their event histories) and activity tasks, with the deadlines that can close them.
// Plain data guarded by one mutex.
//
// Promises: every field is read or written only with `mu` held (handlers lock it; engine.h functions
// require it held). Tasks are never erased: a closed task stays, with open == false, so a closed token
// is told from one never issued. `work` is notified whenever a task is queued.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "emulator/sfn/asl.h"
#include "emulator/sfn/history.h"

namespace conform::emulator::sfn {

// A resource's tags in the order first added (TagResource replaces the value of an existing key in place).
struct Tag {
  std::string key, value;
};
using Tags = std::vector<Tag>;

struct Activity {
  std::string arn, name;
  double created = 0;
  Json encryption;                            // encryptionConfiguration as given; null when not given
  Tags tags;
};

// One configuration of a state machine, as CreateStateMachine or UpdateStateMachine set it. Immutable:
// an update makes a new revision, and each execution keeps the revision it started with.
struct Revision {
  std::string definition, role_arn;
  std::shared_ptr<const Definition> parsed;
  Json logging, tracing;                      // loggingConfiguration, tracingConfiguration as answered
  Json encryption;                            // encryptionConfiguration as given; null when not given
  double updated = 0;                         // when this revision was made (creation or update)
  std::optional<std::string> revision_id;     // none until the first update
};

struct StateMachine {
  std::string arn, name, type = "STANDARD";
  double created = 0;
  std::shared_ptr<const Revision> revision;
  Tags tags;
};

enum class Status { Running, Succeeded, Failed, TimedOut, Aborted };
const char* to_string(Status s);

struct Execution {
  std::string arn, name, machine_arn;
  std::shared_ptr<const Revision> revision;   // the machine's revision when the execution started
  uint64_t seq = 0;                           // start order within the store (ties of startDate)
  Status status = Status::Running;
  double start = 0;
  std::optional<double> stop;
  std::string input;                          // JSON text as given (or "{}")
  std::optional<std::string> output;          // JSON text, SUCCEEDED only
  std::optional<std::string> error, cause;    // absent unless set
  std::string open_token;                     // the task the execution waits on; empty when none
  std::optional<double> timeout_at;           // whole-execution deadline
  std::vector<Event> history;                 // event i has id i + 1
  const Definition& definition() const { return *revision->parsed; }
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
  uint64_t next_seq = 0;                                    // Execution::seq of the next execution
};

}  // namespace conform::emulator::sfn
