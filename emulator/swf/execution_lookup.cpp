// Execution lookups (see execution_lookup.h).
#include "emulator/swf/execution_lookup.h"

#include "emulator/swf/json_access.h"
#include "emulator/swf/messages.h"

namespace conform::emulator::swf {
namespace {

ExecutionLookup unknown(std::string message) {
  ExecutionLookup l;
  l.answer = Outcome::error(msg::kUnknownResource, std::move(message));
  return l;
}

ExecutionLookup found(Execution* e) {
  ExecutionLookup l;
  l.execution = e;
  return l;
}

}  // namespace

ExecutionLookup named_execution(Store& store, const Json& input) {
  std::string domain = get_string(input, "domain");
  const Json& ex = member(input, "execution");
  std::string workflow_id = get_string(ex, "workflowId"), run_id = get_string(ex, "runId");
  if (!store.find_domain(domain)) return unknown(msg::unknown_domain(domain));
  Execution* e = store.find_execution(domain, workflow_id, run_id);
  if (!e) return unknown(msg::unknown_execution(workflow_id, run_id));
  return found(e);
}

ExecutionLookup open_execution(Store& store, const Json& input) {
  std::string domain = get_string(input, "domain");
  std::string workflow_id = get_string(input, "workflowId");
  std::string run_id = get_string(input, "runId");
  if (!store.find_domain(domain)) return unknown(msg::unknown_domain(domain));
  if (run_id.empty()) {
    Execution* e = store.find_open_by_workflow_id(domain, workflow_id);
    return e ? found(e) : unknown(msg::unknown_open_execution(workflow_id));
  }
  Execution* e = store.find_execution(domain, workflow_id, run_id);
  if (!e || !e->open) return unknown(msg::unknown_execution(workflow_id, run_id));
  return found(e);
}

}  // namespace conform::emulator::swf
