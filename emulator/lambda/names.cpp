#include "emulator/lambda/names.h"

namespace conform::emulator::lambda {

FunctionRef resolve_function_name(const std::string& function_name) {
  std::string rest = function_name;
  const std::string marker = "function:";
  size_t at = rest.find(marker);
  if (at != std::string::npos && (at == 0 || rest[at - 1] == ':')) rest = rest.substr(at + marker.size());
  FunctionRef ref;
  size_t colon = rest.find(':');
  ref.name = rest.substr(0, colon);
  if (colon != std::string::npos) ref.qualifier = rest.substr(colon + 1);
  return ref;
}

std::string function_arn(const std::string& region, const std::string& account, const std::string& name) {
  return "arn:aws:lambda:" + region + ":" + account + ":function:" + name;
}

std::string durable_execution_arn(const std::string& region, const std::string& account, const std::string& name,
                                  const std::string& version, const std::string& execution, const std::string& id) {
  return function_arn(region, account, name) + ":" + version + "/durable-execution/" + execution + "/" + id;
}

}  // namespace conform::emulator::lambda
