// The stepfunctions backend: dispatches each operation to its handler (see handlers.h).
#include "emulator/sfn/backend.h"

#include <map>
#include <string>

#include "emulator/sfn/engine.h"
#include "emulator/sfn/handlers.h"

namespace conform::emulator {
namespace {

using Handler = Outcome (*)(sfn::Env&);

const std::map<std::string, Handler>& handlers() {
  static const std::map<std::string, Handler> table = {
      {"CreateActivity", sfn::create_activity},
      {"DescribeActivity", sfn::describe_activity},
      {"ListActivities", sfn::list_activities},
      {"DeleteActivity", sfn::delete_activity},
      {"CreateStateMachine", sfn::create_state_machine},
      {"DescribeStateMachine", sfn::describe_state_machine},
      {"UpdateStateMachine", sfn::update_state_machine},
      {"ListStateMachines", sfn::list_state_machines},
      {"DeleteStateMachine", sfn::delete_state_machine},
      {"StartExecution", sfn::start_execution},
      {"DescribeExecution", sfn::describe_execution},
      {"DescribeStateMachineForExecution", sfn::describe_state_machine_for_execution},
      {"ListExecutions", sfn::list_executions},
      {"GetExecutionHistory", sfn::get_execution_history},
      {"StopExecution", sfn::stop_execution},
      {"GetActivityTask", sfn::get_activity_task},
      {"SendTaskSuccess", sfn::send_task_success},
      {"SendTaskFailure", sfn::send_task_failure},
      {"SendTaskHeartbeat", sfn::send_task_heartbeat},
      {"TagResource", sfn::tag_resource},
      {"UntagResource", sfn::untag_resource},
      {"ListTagsForResource", sfn::list_tags_for_resource},
  };
  return table;
}

class StepFunctionsBackend final : public Backend {
 public:
  explicit StepFunctionsBackend(SfnOptions options) : options_(options) {}
  std::string service_name() const override { return "stepfunctions"; }
  bool implements(const std::string& op) const override { return handlers().count(op) > 0; }

  Outcome handle(const Call& call) override {
    auto it = handlers().find(call.op.name);
    if (it == handlers().end())
      return Outcome::error("UnknownOperationException", "Operation not supported by the emulator: " +
                                                             call.op.name);
    sfn::Env env{store_, call, options_};
    return it->second(env);
  }

 private:
  SfnOptions options_;
  sfn::Store store_;
};

}  // namespace

std::unique_ptr<Backend> make_stepfunctions_backend() { return make_stepfunctions_backend(SfnOptions{}); }

std::unique_ptr<Backend> make_stepfunctions_backend(SfnOptions options) {
  return std::make_unique<StepFunctionsBackend>(options);
}

namespace sfn {

std::optional<std::string> input_string(const Call& call, const char* member) {
  auto it = call.input.find(member);
  if (it == call.input.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

const Json* input_member(const Call& call, const char* member) {
  auto it = call.input.find(member);
  return it == call.input.end() || it->is_null() ? nullptr : &*it;
}

bool input_bool(const Call& call, const char* member, bool absent) {
  const Json* v = input_member(call, member);
  return v && v->is_boolean() ? v->get<bool>() : absent;
}

void fire_due(Env& env) {
  if (!env.call.faults.has(Fault::SfnTimeoutNotEnforced)) fire_deadlines(env.store, env.now());
}

std::string to_text(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

}  // namespace sfn
}  // namespace conform::emulator
