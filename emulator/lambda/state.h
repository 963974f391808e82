// The Lambda backend's state: functions (with their published versions, tags and reserved concurrency)
// and durable executions, behind one mutex.
//
// Promises: every method is thread-safe and hands out copies; update_function and with_functions run
// their callable under the lock, so a read-check-write inside one call is atomic. An execution's status
// only moves RUNNING -> a terminal status, once (closing is atomic: concurrent stops agree on one
// StopTimestamp). Execution sequence numbers increase in start order.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <vector>

#include "emulator/core/backend.h"

namespace conform::emulator::lambda {

struct Function {
  std::string name;
  std::string arn;                     // unqualified
  uint64_t serial = 0;                 // set by add_function: tells a re-created function from the old one
  Json configuration;                  // $LATEST, as GetFunctionConfiguration answers it unqualified
  std::map<int64_t, Json> versions;    // published versions by number (each a FunctionConfiguration)
  int64_t last_version = 0;            // version numbers are never reused
  bool changed_since_publish = true;   // $LATEST differs from the last published version
  Json tags = Json::object();
  std::optional<int64_t> reserved_concurrency;
};

struct DurableExecution {
  std::string arn, name, function_name, function_arn, version = "$LATEST";
  uint64_t function_serial = 0;     // Function::serial of the function it was started on
  uint64_t sequence = 0;            // set by start_execution: start order
  std::string input_payload;        // the Invoke payload as text
  std::string status = "RUNNING";   // RUNNING | SUCCEEDED | FAILED | TIMED_OUT | STOPPED
  double start = 0;
  std::optional<double> end;
  std::optional<Json> error;        // the ErrorObject given to StopDurableExecution
  std::optional<Json> durable_config;  // the function's DurableConfig when the execution started
};

class State {
 public:
  // nullopt when a function of that name exists already; otherwise the function with its serial.
  std::optional<Function> add_function(Function f);
  std::optional<Function> function(const std::string& name) const;
  std::vector<Function> functions() const;  // ordered by name
  bool remove_function(const std::string& name);

  // Calls change(Function&) on the named function under the lock and returns its result; nullopt when
  // there is no such function.
  template <class Change>
  auto update_function(const std::string& name, Change&& change) -> std::optional<std::invoke_result_t<Change, Function&>> {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = functions_.find(name);
    if (it == functions_.end()) return std::nullopt;
    return change(it->second);
  }
  // Calls f(std::map<std::string, Function>&) under the lock (account-wide checks and changes).
  template <class F>
  auto with_functions(F&& f) -> std::invoke_result_t<F, std::map<std::string, Function>&> {
    std::lock_guard<std::mutex> lock(mutex_);
    return f(functions_);
  }

  // Adds `e` unless its function (name and serial) already has an execution called `e.name`; returns the execution
  // that now holds the name and whether it is the new one (atomic: concurrent starts agree).
  std::pair<DurableExecution, bool> start_execution(DurableExecution e);
  std::optional<DurableExecution> execution(const std::string& arn) const;
  // The executions started on this incarnation of the function, in start order.
  std::vector<DurableExecution> executions_of(const std::string& function_name, uint64_t function_serial) const;
  // RUNNING -> STOPPED at `now` with `error`; returns the execution as it is afterwards (unchanged when
  // it had ended already), nullopt when unknown.
  std::optional<DurableExecution> stop(const std::string& arn, double now, std::optional<Json> error);

 private:
  mutable std::mutex mutex_;
  uint64_t next_serial_ = 0;
  std::map<std::string, Function> functions_;
  std::map<std::string, DurableExecution> executions_;                 // by ARN
  std::map<std::tuple<std::string, uint64_t, std::string>, std::string> by_name_;  // (function, serial, name) -> ARN
};

}  // namespace conform::emulator::lambda
