// The Lambda backend's state: functions and durable executions, behind one mutex.
//
// Promises: every method is thread-safe; an execution's status only moves RUNNING -> a terminal
// status, once (closing is atomic: concurrent stops agree on one StopTimestamp).
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "emulator/core/backend.h"

namespace conform::emulator::lambda {

struct Function {
  std::string name;
  std::string arn;           // unqualified
  Json configuration;        // FunctionConfiguration as CreateFunction answered it
  std::optional<Json> durable_config;
};

struct DurableExecution {
  std::string arn, name, function_name, function_arn, version = "$LATEST";
  std::string input_payload;        // the Invoke payload as text
  std::string status = "RUNNING";   // RUNNING | SUCCEEDED | FAILED | TIMED_OUT | STOPPED
  double start = 0;
  std::optional<double> end;
  std::optional<Json> error;        // the ErrorObject given to StopDurableExecution
  std::optional<Json> durable_config;
};

class State {
 public:
  // nullopt when a function of that name exists already.
  std::optional<Function> add_function(Function f);
  std::optional<Function> function(const std::string& name) const;
  bool remove_function(const std::string& name);

  // Adds `e` unless `e.function_name` already has an execution called `e.name`; returns the execution
  // that now holds the name and whether it is the new one (atomic: concurrent starts agree).
  std::pair<DurableExecution, bool> start_execution(DurableExecution e);
  std::optional<DurableExecution> execution(const std::string& arn) const;
  // RUNNING -> STOPPED at `now` with `error`; returns the execution as it is afterwards (unchanged when
  // it had ended already), nullopt when unknown.
  std::optional<DurableExecution> stop(const std::string& arn, double now, std::optional<Json> error);

 private:
  mutable std::mutex mutex_;
  std::map<std::string, Function> functions_;
  std::map<std::string, DurableExecution> executions_;                 // by ARN
  std::map<std::pair<std::string, std::string>, std::string> by_name_;  // (function, name) -> ARN
};

}  // namespace conform::emulator::lambda
