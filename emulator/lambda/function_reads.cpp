// GetFunction, GetFunctionConfiguration and ListFunctions.
//
// GetFunction answers the designated configuration (function_target.h), Code {RepositoryType "S3"}
// (no Location: the emulator has no download URL to give), the function's Tags when it has any and
// Concurrency when a reserved concurrency is set. ListFunctions lists every function by name, each as
// its unqualified $LATEST configuration without the members GetFunction alone returns; FunctionVersion
// ALL lists, per function, $LATEST (FunctionArn ":$LATEST") and each published version. MasterRegion
// selects Lambda@Edge replicas, which the emulator never has (an empty list); without FunctionVersion
// ALL it is refused, as documented. Pages: MaxItems 1..10000, at most 50 per page (documented), default
// 50; Marker / NextMarker per paging.h. Fault LambdaListIgnoresMaxItems: one page with everything.
#include "emulator/lambda/configuration.h"
#include "emulator/lambda/function_target.h"
#include "emulator/lambda/handlers.h"
#include "emulator/lambda/paging.h"
#include "emulator/lambda/support.h"

namespace conform::emulator::lambda {
namespace {

constexpr size_t kFunctionsPerPage = 50;

// Keys: the name, then the version ($LATEST first). Functions come ordered by name, and '\x01' sorts
// before every character a function name may hold, so the keys ascend.
std::vector<Keyed> listing(const std::vector<Function>& functions, bool all_versions) {
  std::vector<Keyed> out;
  for (const auto& f : functions) {
    const std::string prefix = f.name + "\x01";
    out.push_back({prefix + number_key(0), list_entry(*configuration_of(f, all_versions ? "$LATEST" : ""))});
    if (!all_versions) continue;
    for (const auto& [number, c] : f.versions)
      out.push_back({prefix + number_key(static_cast<uint64_t>(number)), list_entry(c)});
  }
  return out;
}

}  // namespace

Outcome get_function(State& state, const Call& call) {
  auto found = find_function(state, call);
  if (auto* error = std::get_if<Outcome>(&found)) return *error;
  const FunctionTarget& target = std::get<FunctionTarget>(found);
  Json out = Json::object();
  out["Configuration"] = target.configuration;
  out["Code"] = Json{{"RepositoryType", "S3"}};
  if (!target.function.tags.empty()) out["Tags"] = target.function.tags;
  if (target.function.reserved_concurrency)
    out["Concurrency"] = Json{{"ReservedConcurrentExecutions", *target.function.reserved_concurrency}};
  return Outcome::ok(out);
}

Outcome get_function_configuration(State& state, const Call& call) {
  auto found = find_function(state, call);
  if (auto* error = std::get_if<Outcome>(&found)) return *error;
  return Outcome::ok(std::get<FunctionTarget>(found).configuration);
}

Outcome list_functions(State& state, const Call& call) {
  const bool all_versions = string_member(call.input, "FunctionVersion") == "ALL";
  const bool edge_only = !string_member(call.input, "MasterRegion").empty();
  if (edge_only && !all_versions)
    return invalid_parameter("MasterRegion can only be used with FunctionVersion ALL.");  // emulator wording
  std::vector<Keyed> items = edge_only ? std::vector<Keyed>{} : listing(state.functions(), all_versions);
  size_t size = call.faults.has(Fault::LambdaListIgnoresMaxItems)
                    ? items.size()
                    : page_size(integer_member(call.input, "MaxItems"), kFunctionsPerPage, kFunctionsPerPage);
  return page_answer(items, false, "functions", string_member(call.input, "Marker"), size, "Functions");
}

}  // namespace conform::emulator::lambda
