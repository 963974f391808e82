#include "emulator/lambda/function_target.h"

#include "emulator/lambda/names.h"
#include "emulator/lambda/support.h"

namespace conform::emulator::lambda {

std::optional<Json> configuration_of(const Function& f, const std::string& qualifier) {
  if (qualifier.empty()) return f.configuration;
  if (qualifier == "$LATEST") {
    Json c = f.configuration;
    c["FunctionArn"] = f.arn + ":$LATEST";
    return c;
  }
  if (!is_version_number(qualifier)) return std::nullopt;
  auto it = f.versions.find(std::stoll(qualifier));
  if (it == f.versions.end()) return std::nullopt;
  return it->second;
}

std::variant<FunctionTarget, Outcome> find_function(const State& state, const Call& call) {
  FunctionRef ref = resolve_function_name(string_member(call.input, "FunctionName"));
  std::string qualifier = string_member(call.input, "Qualifier");
  if (!ref.qualifier.empty() && !qualifier.empty() && ref.qualifier != qualifier)
    return invalid_parameter("The derived qualifier from the function name does not match the specified qualifier.");
  if (qualifier.empty()) qualifier = ref.qualifier;
  bool elsewhere = (!ref.region.empty() && ref.region != call.region) ||
                   (!ref.account.empty() && ref.account != call.account);
  auto f = elsewhere ? std::nullopt : state.function(ref.name);
  if (!f) return function_not_found(call, ref.name, qualifier);
  auto configuration = configuration_of(*f, qualifier);
  if (!configuration) return function_not_found(call, ref.name, qualifier);
  return FunctionTarget{std::move(*f), qualifier, std::move(*configuration)};
}

}  // namespace conform::emulator::lambda
