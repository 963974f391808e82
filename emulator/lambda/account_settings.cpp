// GetAccountSettings: the account's limits (account_limits.h; UnreservedConcurrentExecutions is the
// concurrency no function reserves) and usage (FunctionCount; TotalCodeSize sums the CodeSize of every
// function's $LATEST and published versions), read atomically.
#include "emulator/lambda/account_limits.h"
#include "emulator/lambda/handlers.h"
#include "emulator/lambda/support.h"

namespace conform::emulator::lambda {

Outcome get_account_settings(State& state, const Call& call) {
  return state.with_functions([](std::map<std::string, Function>& functions) {
    int64_t reserved = 0, code_size = 0;
    for (const auto& [name, f] : functions) {
      reserved += f.reserved_concurrency.value_or(0);
      code_size += integer_member(f.configuration, "CodeSize").value_or(0);
      for (const auto& [number, c] : f.versions) code_size += integer_member(c, "CodeSize").value_or(0);
    }
    Json limit = {{"TotalCodeSize", kTotalCodeSize},
                  {"CodeSizeUnzipped", kCodeSizeUnzipped},
                  {"CodeSizeZipped", kCodeSizeZipped},
                  {"ConcurrentExecutions", kConcurrentExecutions},
                  {"UnreservedConcurrentExecutions", kConcurrentExecutions - reserved}};
    Json usage = {{"TotalCodeSize", code_size}, {"FunctionCount", static_cast<int64_t>(functions.size())}};
    return Outcome::ok(Json{{"AccountLimit", limit}, {"AccountUsage", usage}});
  });
}

}  // namespace conform::emulator::lambda
