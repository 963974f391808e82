// Test helper: calls the swf backend in-process, without the core, with a ManualClock and chosen
// faults. Inputs are taken as already validated (as the core would hand them over). `live_activity`
// walks the SWF activityTask recipe to a started activity task.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <vector>
#include <string>

#include "emulator/core/backend.h"
#include "emulator/swf/backend.h"

namespace conform::emulator::swf_test {

inline FaultSet with(Fault f) {
  FaultSet s;
  s.add(f);
  return s;
}

// Activity type defaults as RegisterActivityType members ("NONE" where not given).
struct ActivityDefaults {
  std::string start_to_close = "NONE", schedule_to_start = "NONE", schedule_to_close = "NONE", heartbeat = "NONE";
};

class Direct {
 public:
  explicit Direct(FaultSet faults = {}) : faults_(faults), backend_(make_swf_backend(fast())) {
    service_.name = "swf";
  }
  static SwfOptions fast() {
    SwfOptions o;
    o.poll_wait = std::chrono::milliseconds(0);
    return o;
  }

  Outcome call(const std::string& op, Json input) {
    spec::Operation* operation_ptr;
    {
      std::lock_guard<std::mutex> lock(ops_mu_);  // calls may come from several threads
      auto [it, inserted] = ops_.try_emplace(op);
      if (inserted) {
        it->second.service = "swf";
        it->second.name = op;
      }
      operation_ptr = &it->second;
    }
    const spec::Operation& operation = *operation_ptr;
    http::Request request;
    Call c{service_, operation, std::move(input), request, faults_, clock_, ids_};
    return backend_->handle(c);
  }

  ManualClock& clock() { return clock_; }

  using ActivityDefaults = swf_test::ActivityDefaults;

  struct Live {
    std::string domain, workflow_id, run_id, token;
    int64_t scheduled_id = 0, started_id = 0;
    Json execution() const { return Json{{"workflowId", workflow_id}, {"runId", run_id}}; }
  };

  // Domain, types, a started execution, its first decision task answered with ScheduleActivityTask
  // (`schedule_extra` merged into the decision attributes), and the started activity task.
  Live live_activity(const std::string& tag, ActivityDefaults defaults = ActivityDefaults(), Json schedule_extra = Json::object()) {
    Live l;
    l.domain = "dom-" + tag;
    l.workflow_id = "wf-" + tag;
    call("RegisterDomain", {{"name", l.domain}, {"workflowExecutionRetentionPeriodInDays", "1"}});
    call("RegisterWorkflowType", {{"domain", l.domain},
                                  {"name", "wt"},
                                  {"version", "1"},
                                  {"defaultTaskList", {{"name", "decisions"}}},
                                  {"defaultExecutionStartToCloseTimeout", "3600"},
                                  {"defaultTaskStartToCloseTimeout", "NONE"},
                                  {"defaultChildPolicy", "TERMINATE"}});
    call("RegisterActivityType", {{"domain", l.domain},
                                  {"name", "at"},
                                  {"version", "1"},
                                  {"defaultTaskList", {{"name", "activities"}}},
                                  {"defaultTaskStartToCloseTimeout", defaults.start_to_close},
                                  {"defaultTaskScheduleToStartTimeout", defaults.schedule_to_start},
                                  {"defaultTaskScheduleToCloseTimeout", defaults.schedule_to_close},
                                  {"defaultTaskHeartbeatTimeout", defaults.heartbeat}});
    l.run_id = call("StartWorkflowExecution",
                    {{"domain", l.domain}, {"workflowId", l.workflow_id}, {"workflowType", {{"name", "wt"}, {"version", "1"}}},
                     {"input", "wf-input"}})
                   .output.value("runId", "");
    std::string decision = poll_decision(l.domain);
    Json attrs = {{"activityType", {{"name", "at"}, {"version", "1"}}}, {"activityId", "act-1"}, {"input", "in"}};
    for (auto& [k, v] : schedule_extra.items()) attrs[k] = v;
    call("RespondDecisionTaskCompleted",
         {{"taskToken", decision},
          {"decisions", Json::array({{{"decisionType", "ScheduleActivityTask"},
                                      {"scheduleActivityTaskDecisionAttributes", attrs}}})}});
    Outcome task = call("PollForActivityTask", {{"domain", l.domain}, {"taskList", {{"name", "activities"}}}});
    l.token = task.output.value("taskToken", "");
    l.started_id = task.output.value("startedEventId", 0);
    l.scheduled_id = l.started_id - 1;
    return l;
  }

  std::string poll_decision(const std::string& domain) {
    return call("PollForDecisionTask", {{"domain", domain}, {"taskList", {{"name", "decisions"}}}})
        .output.value("taskToken", "");
  }

  Json history(const Live& l) {
    return call("GetWorkflowExecutionHistory", {{"domain", l.domain}, {"execution", l.execution()}})
        .output.value("events", Json::array());
  }

 private:
  ManualClock clock_;
  Ids ids_;
  FaultSet faults_;
  spec::Service service_;
  std::mutex ops_mu_;
  std::map<std::string, spec::Operation> ops_;
  std::unique_ptr<Backend> backend_;
};

// Events of `type` in a history.
inline std::vector<Json> events_of(const Json& events, const std::string& type) {
  std::vector<Json> out;
  for (const Json& e : events)
    if (e.value("eventType", "") == type) out.push_back(e);
  return out;
}

}  // namespace conform::emulator::swf_test
