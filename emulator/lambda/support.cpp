#include "emulator/lambda/support.h"

#include "emulator/lambda/names.h"

namespace conform::emulator::lambda {

std::string string_member(const Json& input, const char* name) {
  auto it = input.find(name);
  return it != input.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::optional<int64_t> integer_member(const Json& input, const char* name) {
  auto it = input.find(name);
  if (it == input.end() || !it->is_number_integer()) return std::nullopt;
  return it->get<int64_t>();
}

std::optional<bool> bool_member(const Json& input, const char* name) {
  auto it = input.find(name);
  if (it == input.end() || !it->is_boolean()) return std::nullopt;
  return it->get<bool>();
}

Outcome no_content() {
  Outcome o = Outcome::ok();
  o.status_override = 204;
  return o;
}

Outcome invalid_parameter(const std::string& message) {
  return Outcome::error("InvalidParameterValueException", message, Json{{"Type", "User"}});
}

Outcome function_not_found(const Call& call, const std::string& name, const std::string& qualifier) {
  std::string arn = function_arn(call.region, call.account, name);
  if (!qualifier.empty()) arn += ":" + qualifier;
  return resource_not_found("Function not found: " + arn);
}

Outcome revision_mismatch() {
  return Outcome::error("PreconditionFailedException",
                        "The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias "
                        "API to retrieve the latest Revision Id",  // emulator wording
                        Json{{"Type", "User"}});
}

Outcome resource_not_found(const std::string& message) {
  return Outcome::error("ResourceNotFoundException", message, Json{{"Type", "User"}});
}

Outcome execution_not_found(const std::string& arn) {
  return resource_not_found("Durable execution not found: " + arn);  // emulator wording
}

}  // namespace conform::emulator::lambda
