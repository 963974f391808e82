// The SWF backend: one lock around the store, timeouts enforced on every call, polls that wait
// briefly for a task (see ops.h, store.h, timeouts.h).
#include "emulator/swf/backend.h"

#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>

#include "emulator/swf/messages.h"
#include "emulator/swf/ops.h"
#include "emulator/swf/store.h"
#include "emulator/swf/timeouts.h"

namespace conform::emulator {
namespace {

using swf::Context;

class SwfBackend final : public Backend {
 public:
  explicit SwfBackend(SwfOptions options) : options_(options) {}
  std::string service_name() const override { return "swf"; }
  bool implements(const std::string& op) const override {
    return op == "PollForDecisionTask" || op == "PollForActivityTask" || ops().count(op) > 0;
  }

  Outcome handle(const Call& call) override {
    const std::string& op = call.op.name;
    std::unique_lock<std::mutex> lock(mu_);
    if (op == "PollForDecisionTask") return poll(lock, call, swf::poll_for_decision_task, swf::empty_decision_task);
    if (op == "PollForActivityTask") return poll(lock, call, swf::poll_for_activity_task, swf::empty_activity_task);
    auto it = ops().find(op);
    if (it == ops().end()) return Outcome::error(swf::msg::kNotPermitted, "Operation " + op + " is not supported");
    Context c{store_, call, call.clock.now()};
    swf::enforce_all_timeouts(store_, c.now);
    Outcome out = it->second(c);
    lock.unlock();
    changed_.notify_all();
    return out;
  }

 private:
  using Op = Outcome (*)(Context&);
  using Poll = std::optional<Outcome> (*)(Context&);

  static const std::map<std::string, Op>& ops() {
    static const std::map<std::string, Op> table = {
        {"RegisterDomain", swf::register_domain},
        {"DescribeDomain", swf::describe_domain},
        {"RegisterWorkflowType", swf::register_workflow_type},
        {"RegisterActivityType", swf::register_activity_type},
        {"StartWorkflowExecution", swf::start_workflow_execution},
        {"GetWorkflowExecutionHistory", swf::get_workflow_execution_history},
        {"RespondDecisionTaskCompleted", swf::respond_decision_task_completed},
        {"RespondActivityTaskCompleted", swf::respond_activity_task_completed},
        {"RespondActivityTaskFailed", swf::respond_activity_task_failed},
        {"RespondActivityTaskCanceled", swf::respond_activity_task_canceled},
        {"RecordActivityTaskHeartbeat", swf::record_activity_task_heartbeat},
        {"ListDomains", swf::list_domains},
        {"DescribeActivityType", swf::describe_activity_type},
        {"DescribeWorkflowType", swf::describe_workflow_type},
        {"ListActivityTypes", swf::list_activity_types},
        {"ListWorkflowTypes", swf::list_workflow_types},
        {"DeprecateDomain", swf::deprecate_domain},
        {"UndeprecateDomain", swf::undeprecate_domain},
        {"DeprecateActivityType", swf::deprecate_activity_type},
        {"DeprecateWorkflowType", swf::deprecate_workflow_type},
        {"UndeprecateActivityType", swf::undeprecate_activity_type},
        {"UndeprecateWorkflowType", swf::undeprecate_workflow_type},
        {"DeleteActivityType", swf::delete_activity_type},
        {"DeleteWorkflowType", swf::delete_workflow_type},
        {"TagResource", swf::tag_resource},
        {"UntagResource", swf::untag_resource},
        {"ListTagsForResource", swf::list_tags_for_resource},
        {"DescribeWorkflowExecution", swf::describe_workflow_execution},
        {"ListOpenWorkflowExecutions", swf::list_open_workflow_executions},
        {"ListClosedWorkflowExecutions", swf::list_closed_workflow_executions},
        {"CountOpenWorkflowExecutions", swf::count_open_workflow_executions},
        {"CountClosedWorkflowExecutions", swf::count_closed_workflow_executions},
        {"CountPendingActivityTasks", swf::count_pending_activity_tasks},
        {"CountPendingDecisionTasks", swf::count_pending_decision_tasks},
        {"TerminateWorkflowExecution", swf::terminate_workflow_execution},
        {"RequestCancelWorkflowExecution", swf::request_cancel_workflow_execution},
        {"SignalWorkflowExecution", swf::signal_workflow_execution},
    };
    return table;
  }

  Outcome poll(std::unique_lock<std::mutex>& lock, const Call& call, Poll try_take, Outcome (*empty)()) {
    auto give_up = std::chrono::steady_clock::now() + options_.poll_wait;
    for (;;) {
      Context c{store_, call, call.clock.now()};
      swf::enforce_all_timeouts(store_, c.now);
      if (auto out = try_take(c)) {
        lock.unlock();
        changed_.notify_all();
        return *out;
      }
      if (changed_.wait_until(lock, give_up) == std::cv_status::timeout) {
        Context last{store_, call, call.clock.now()};
        swf::enforce_all_timeouts(store_, last.now);
        if (auto out = try_take(last)) return *out;
        return empty();
      }
    }
  }

  SwfOptions options_;
  std::mutex mu_;
  std::condition_variable changed_;
  swf::Store store_;
};

}  // namespace

std::unique_ptr<Backend> make_swf_backend() { return make_swf_backend(SwfOptions{}); }
std::unique_ptr<Backend> make_swf_backend(SwfOptions options) { return std::make_unique<SwfBackend>(options); }

}  // namespace conform::emulator
