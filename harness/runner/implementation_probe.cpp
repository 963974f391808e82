// One request per operation: does the target know it at all? (see implementation_probe.h)
#include "harness/runner/implementation_probe.h"

#include <set>

namespace conform::runner {

namespace {

bool unknown_operation_code(const std::string& code) {
  static const std::set<std::string> codes = {"UnknownOperationException", "UnknownOperation", "InvalidAction",
                                              "NotImplemented", "NotImplementedException"};
  return codes.count(code) > 0;
}

// Every Uri member gets a placeholder, so the request reaches the operation's route.
spec::Json probe_input(const spec::Operation& op) {
  spec::Json input = spec::Json::object();
  for (const spec::Member& m : op.input.members)
    if (m.location == spec::Location::Uri) input[m.name] = "conform-probe";
  return input;
}

}  // namespace

bool answers_as_unknown_operation(const spec::SpecSet& specs, const spec::Operation& op,
                                  const protocol::DecodedResponse& response) {
  if (response.transport_error || response.ok()) return false;
  if (response.status == 501) return true;
  if (response.error && unknown_operation_code(response.error->code)) return true;
  const spec::Service* service = specs.find_service(op.service);
  if (service && service->protocol == spec::Protocol::RestJson1 && (response.status == 404 || response.status == 405))
    return !response.error || response.error->code.empty() || !specs.find_error(op, response.error->code);
  return false;
}

std::vector<OperationSupport> probe_operation_support(const Plan& plan, const spec::SpecSet& specs,
                                                      transport::Caller& caller) {
  std::vector<OperationSupport> out(plan.ops.size());
  for (size_t i = 0; i < plan.ops.size(); ++i) {
    const spec::Operation& op = *plan.ops[i];
    const spec::Service* service = specs.find_service(op.service);
    if (!service) continue;
    try {
      protocol::DecodedResponse r = caller.call(*service, op, probe_input(op), "probe");
      if (answers_as_unknown_operation(specs, op, r)) {
        out[i].implemented = false;
        out[i].evidence = std::to_string(r.status) + (r.error && !r.error->code.empty() ? " " + r.error->code : "") +
                          (r.message && !r.message->empty() ? ": " + r.message->substr(0, 200) : "");
      }
    } catch (...) {
      // judged by the checks
    }
  }
  return out;
}

}  // namespace conform::runner
