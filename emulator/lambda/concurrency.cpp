// GetFunctionConcurrency, PutFunctionConcurrency and DeleteFunctionConcurrency: a function's reserved
// concurrency (for the function as a whole; a qualifier in FunctionName must exist and is otherwise
// ignored).
//
// Get answers {} when none is reserved. Put refuses a reservation that would leave less than the
// account's minimum unreserved concurrency (account_limits.h) with InvalidParameterValueException and
// answers {ReservedConcurrentExecutions}. Delete answers 204, also when none was reserved.
#include "emulator/lambda/account_limits.h"
#include "emulator/lambda/function_target.h"
#include "emulator/lambda/handlers.h"
#include "emulator/lambda/support.h"

namespace conform::emulator::lambda {

Outcome get_function_concurrency(State& state, const Call& call) {
  auto found = find_function(state, call);
  if (auto* error = std::get_if<Outcome>(&found)) return *error;
  const Function& f = std::get<FunctionTarget>(found).function;
  Json out = Json::object();
  if (f.reserved_concurrency) out["ReservedConcurrentExecutions"] = *f.reserved_concurrency;
  return Outcome::ok(out);
}

Outcome put_function_concurrency(State& state, const Call& call) {
  auto found = find_function(state, call);
  if (auto* error = std::get_if<Outcome>(&found)) return *error;
  const std::string name = std::get<FunctionTarget>(found).function.name;
  const int64_t wanted = integer_member(call.input, "ReservedConcurrentExecutions").value_or(0);
  return state.with_functions([&](std::map<std::string, Function>& functions) -> Outcome {
    auto it = functions.find(name);
    if (it == functions.end()) return function_not_found(call, name);
    int64_t reserved_elsewhere = 0;
    for (const auto& [other, f] : functions)
      if (other != name) reserved_elsewhere += f.reserved_concurrency.value_or(0);
    if (kConcurrentExecutions - reserved_elsewhere - wanted < kMinimumUnreservedConcurrency)
      return invalid_parameter(
          "Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution "
          "below its minimum value of [" + std::to_string(kMinimumUnreservedConcurrency) + "].");
    it->second.reserved_concurrency = wanted;
    return Outcome::ok(Json{{"ReservedConcurrentExecutions", wanted}});
  });
}

Outcome delete_function_concurrency(State& state, const Call& call) {
  auto found = find_function(state, call);
  if (auto* error = std::get_if<Outcome>(&found)) return *error;
  const std::string name = std::get<FunctionTarget>(found).function.name;
  bool cleared = state.update_function(name, [](Function& f) {
    f.reserved_concurrency.reset();
    return true;
  }).value_or(false);
  if (!cleared) return function_not_found(call, name);
  return no_content();
}

}  // namespace conform::emulator::lambda
