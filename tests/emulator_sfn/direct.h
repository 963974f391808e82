// Test helper: calls the stepfunctions backend in-process, without the core, with a ManualClock and
// chosen faults. Inputs are taken as already validated (as the core would hand them over).
#pragma once

#include <map>
#include <memory>
#include <string>

#include "emulator/core/backend.h"
#include "emulator/sfn/backend.h"

namespace conform::emulator::sfn_test {

class Direct {
 public:
  explicit Direct(FaultSet faults = {}, SfnOptions options = fast_options())
      : faults_(faults), backend_(make_stepfunctions_backend(options)) {
    service_.name = "stepfunctions";
  }
  static SfnOptions fast_options() {
    SfnOptions o;
    o.poll_wait = std::chrono::milliseconds(0);
    return o;
  }

  Outcome call(const std::string& op, Json input) {
    spec::Operation& operation = op_(op);
    http::Request request;
    Call c{service_, operation, std::move(input), request, faults_, clock_, ids_};
    return backend_->handle(c);
  }

  ManualClock& clock() { return clock_; }

  // The activityTask recipe: an activity, a one-Task machine on it, a running execution, its token.
  struct Live {
    std::string activity_arn, machine_arn, execution_arn, token;
  };
  Live live_task(const std::string& tag, const std::string& task_extra = "") {
    Live l;
    l.activity_arn = call("CreateActivity", {{"name", "act-" + tag}}).output["activityArn"];
    std::string def = R"({"StartAt":"T","States":{"T":{"Type":"Task","Resource":")" + l.activity_arn +
                      "\"" + task_extra + R"(,"End":true}}})";
    l.machine_arn = call("CreateStateMachine", {{"name", "sm-" + tag},
                                                {"definition", def},
                                                {"roleArn", "arn:aws:iam::123456789012:role/conform"}})
                        .output["stateMachineArn"];
    l.execution_arn =
        call("StartExecution", {{"stateMachineArn", l.machine_arn}, {"input", R"({"k":1})"}}).output["executionArn"];
    Outcome task = call("GetActivityTask", {{"activityArn", l.activity_arn}});
    l.token = task.output.value("taskToken", "");
    return l;
  }

  Json describe(const std::string& execution_arn) {
    return call("DescribeExecution", {{"executionArn", execution_arn}}).output;
  }

 private:
  spec::Operation& op_(const std::string& name) {
    auto& o = ops_[name];
    o.service = "stepfunctions";
    o.name = name;
    return o;
  }
  ManualClock clock_;
  Ids ids_;
  FaultSet faults_;
  spec::Service service_;
  std::map<std::string, spec::Operation> ops_;
  std::unique_ptr<Backend> backend_;
};

inline FaultSet with(Fault f) {
  FaultSet s;
  s.add(f);
  return s;
}

}  // namespace conform::emulator::sfn_test
