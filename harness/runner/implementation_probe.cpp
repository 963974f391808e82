// One request per operation: does the target know it at all? (see implementation_probe.h)
#include "harness/runner/implementation_probe.h"

#include <algorithm>

#include "harness/protocol/unknown_operation.h"

namespace conform::runner {

namespace {

// Every Uri member gets the placeholder, so the request reaches the operation's route.
spec::Json probe_input(const spec::Operation& op, const std::string& placeholder) {
  spec::Json input = spec::Json::object();
  for (const spec::Member& m : op.input.members)
    if (m.location == spec::Location::Uri) input[m.name] = placeholder;
  return input;
}

}  // namespace

std::vector<OperationSupport> probe_operation_support(const Plan& plan, const spec::SpecSet& specs,
                                                      transport::Caller& caller, const std::string& run_id) {
  const std::string placeholder = run_id + "-never-created";
  std::vector<OperationSupport> out(plan.ops.size());
  for (size_t i = 0; i < plan.ops.size(); ++i) {
    const spec::Operation& op = *plan.ops[i];
    const spec::Service* service = specs.find_service(op.service);
    if (!service) continue;
    try {
      protocol::DecodedResponse r = caller.call(*service, op, probe_input(op, placeholder), "probe");
      if (protocol::answers_as_unknown_operation(specs, op, r)) {
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

std::vector<report::ServiceCoverage> coverage_of(const Plan& plan, const std::vector<OperationSupport>& support) {
  std::vector<report::ServiceCoverage> out;
  for (size_t i = 0; i < plan.ops.size() && i < support.size(); ++i) {
    const spec::Operation& op = *plan.ops[i];
    auto it = std::find_if(out.begin(), out.end(), [&](const report::ServiceCoverage& c) { return c.service == op.service; });
    if (it == out.end()) {
      out.push_back({});
      out.back().service = op.service;
      it = out.end() - 1;
    }
    ++it->operations;
    if (support[i].implemented) {
      ++it->implemented;
    } else {
      it->not_implemented.push_back(op.id());
      it->evidence[op.id()] = support[i].evidence;
    }
  }
  return out;
}

std::vector<report::ServiceCoverage> probe_and_mark_support(Plan& plan, const spec::SpecSet& specs,
                                                            transport::Caller& caller, const std::string& run_id) {
  std::vector<OperationSupport> support = probe_operation_support(plan, specs, caller, run_id);
  for (size_t i = 0; i < support.size(); ++i)
    if (!support[i].implemented) mark_not_implemented(plan, i, support[i].evidence);
  return coverage_of(plan, support);
}

}  // namespace conform::runner
