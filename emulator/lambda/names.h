// Lambda names and ARNs: resolving a FunctionName parameter (name, name:qualifier, full or partial ARN)
// and building function and durable-execution ARNs.
//
// Promises: pure functions; never throw.
#pragma once

#include <optional>
#include <string>

namespace conform::emulator::lambda {

struct FunctionRef {
  std::string name;
  std::string qualifier;  // empty when none was given
  std::string region;     // from a full ARN or a partial one that names it; empty otherwise
  std::string account;    // from a full or partial ARN; empty otherwise
};

// "my-function", "my-function:1", "123456789012:function:my-function[:q]",
// "arn:aws:lambda:us-east-1:123456789012:function:my-function[:q]".
FunctionRef resolve_function_name(const std::string& function_name);
std::string function_arn(const std::string& region, const std::string& account, const std::string& name);
// arn:aws:lambda:<region>:<account>:function:<name>:<version>/durable-execution/<execution>/<id>
std::string durable_execution_arn(const std::string& region, const std::string& account, const std::string& name,
                                  const std::string& version, const std::string& execution, const std::string& id);

// A taggable resource ARN (ListTags, TagResource, UntagResource) that names a function: its parts.
// nullopt for any other resource type (code signing config, event source mapping, ...).
std::optional<FunctionRef> function_of_resource_arn(const std::string& arn);

// A published version number ("1", "42"): digits only, no leading zero.
bool is_version_number(const std::string& qualifier);

}  // namespace conform::emulator::lambda
