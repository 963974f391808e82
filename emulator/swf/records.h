// The SWF resources the emulator keeps: domains (with their tags), registered types, workflow
// executions with their decision task and activity tasks.
//
// Promises: plain data with no behaviour of its own; an Execution owns its History; an activity task
// is identified within its execution by the id of its ActivityTaskScheduled event; a deprecated domain
// or type keeps its deprecation time; a closed execution keeps its close status and time. All access is
// guarded by the backend's lock.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "emulator/swf/duration.h"
#include "emulator/swf/history.h"

namespace conform::emulator::swf {

// A domain tag ({key, value}); the value is optional in the model.
struct Tag {
  std::string key;
  std::optional<std::string> value;
};

struct Domain {
  std::string name;
  std::string retention_days;
  std::optional<std::string> description;
  bool deprecated = false;
  std::vector<Tag> tags;  // in the order first added; keys unique
};

// A registered workflow or activity type: {name, version} plus the registration input (defaults).
struct TypeRecord {
  Json type;          // {"name", "version"}
  Json registration;  // the RegisterXxxType input as sent
  double created = 0;
  std::optional<double> deprecated_at;  // set while the type is DEPRECATED
};

struct ActivityTask {
  enum State { Scheduled, Started, Closed };
  int64_t scheduled_id = 0;
  int64_t started_id = 0;
  std::string activity_id;
  Json activity_type;
  std::string task_list;
  std::optional<std::string> input;
  Duration schedule_to_start, schedule_to_close, start_to_close, heartbeat;
  double scheduled_at = 0, started_at = 0, last_heartbeat = 0;
  State state = Scheduled;
  bool cancel_requested = false;
  int64_t cancel_requested_id = 0;
  std::optional<std::string> heartbeat_details;
  std::string token;  // issued when the task starts
};

struct DecisionTask {
  enum State { Scheduled, Started };
  int64_t scheduled_id = 0;
  int64_t started_id = 0;
  State state = Scheduled;
  double started_at = 0;
  std::string token;
};

struct Execution {
  std::string domain, workflow_id, run_id;
  Json workflow_type;  // {"name", "version"}
  std::string task_list;
  std::string child_policy;
  Duration execution_timeout, task_timeout;
  std::string execution_timeout_text, task_timeout_text;  // as sent or defaulted
  double started_at = 0;
  bool open = true;
  double closed_at = 0;           // the close event's timestamp, once closed
  std::string close_status;       // CloseStatus (COMPLETED, FAILED, ...), once closed
  bool cancel_requested = false;  // RequestCancelWorkflowExecution was accepted
  std::vector<std::string> tags;  // StartWorkflowExecution's tagList
  History history;
  std::map<int64_t, ActivityTask> activities;  // by scheduled event id
  std::optional<DecisionTask> decision;        // the outstanding decision task, if any
  bool decision_needed_after_current = false;  // events arrived while a decision task was started
  int64_t previous_started_id = 0;             // started event id of the last completed decision task

  std::string key() const { return domain + "\n" + workflow_id + "\n" + run_id; }
  // The WorkflowExecutionStarted event's timestamp (millisecond precision, as the history shows it).
  double start_timestamp() const {
    return history.events().empty() ? started_at : history.events().front().value("eventTimestamp", started_at);
  }
  Json execution_json() const { return Json{{"workflowId", workflow_id}, {"runId", run_id}}; }
};

}  // namespace conform::emulator::swf
