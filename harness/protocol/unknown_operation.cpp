// "Not implemented" answers (see unknown_operation.h).
#include "harness/protocol/unknown_operation.h"

#include <set>
#include <string>

namespace conform::protocol {

namespace {

bool unknown_operation_code(const std::string& code) {
  static const std::set<std::string> codes = {"UnknownOperationException", "UnknownOperation", "InvalidAction",
                                              "NotImplemented", "NotImplementedException"};
  return codes.count(code) > 0;
}

}  // namespace

bool answers_as_unknown_operation(const spec::SpecSet& specs, const spec::Operation& op, const DecodedResponse& response) {
  if (response.transport_error || response.ok()) return false;
  if (response.status == 501) return true;
  if (response.error && unknown_operation_code(response.error->code)) return true;
  const spec::Service* service = specs.find_service(op.service);
  if (service && service->protocol == spec::Protocol::RestJson1 && (response.status == 404 || response.status == 405))
    return !response.error || response.error->code.empty() || !specs.find_error(op, response.error->code);
  return false;
}

}  // namespace conform::protocol
