// Lambda names and ARNs: resolving a FunctionName parameter (name, name:qualifier, full or partial ARN)
// and building function and durable-execution ARNs.
//
// Promises: pure functions; never throw.
#pragma once

#include <string>

namespace conform::emulator::lambda {

struct FunctionRef {
  std::string name;
  std::string qualifier;  // empty when none was given
};

FunctionRef resolve_function_name(const std::string& function_name);
std::string function_arn(const std::string& region, const std::string& account, const std::string& name);
// arn:aws:lambda:<region>:<account>:function:<name>:<version>/durable-execution/<execution>/<id>
std::string durable_execution_arn(const std::string& region, const std::string& account, const std::string& name,
                                  const std::string& version, const std::string& execution, const std::string& id);

}  // namespace conform::emulator::lambda
