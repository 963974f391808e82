// PublishVersion and ListVersionsByFunction.
//
// Publish (publishing.h) answers 201. Preconditions, checked against $LATEST under the state's lock:
// CodeSha256 other than $LATEST's -> InvalidParameterValueException; RevisionId other than $LATEST's ->
// 412 PreconditionFailedException. PublishTo (LATEST_PUBLISHED) only applies to functions on a capacity
// provider, which the emulator has none of: InvalidParameterValueException.
// List: $LATEST (FunctionArn ":$LATEST") then each version by number; MaxItems 1..10000, at most 50 per
// page (documented), default 50.
#include "emulator/lambda/configuration.h"
#include "emulator/lambda/function_target.h"
#include "emulator/lambda/handlers.h"
#include "emulator/lambda/paging.h"
#include "emulator/lambda/publishing.h"
#include "emulator/lambda/support.h"

namespace conform::emulator::lambda {
namespace {

constexpr size_t kVersionsPerPage = 50;

}  // namespace

Outcome publish_version(State& state, const Call& call) {
  auto found = find_function(state, call);
  if (auto* error = std::get_if<Outcome>(&found)) return *error;
  const std::string name = std::get<FunctionTarget>(found).function.name;
  if (!string_member(call.input, "PublishTo").empty())
    return invalid_parameter("PublishTo is only supported for functions with a capacity provider.");  // emulator wording
  std::optional<std::string> description;
  if (call.input.contains("Description")) description = string_member(call.input, "Description");
  const std::string code_sha = string_member(call.input, "CodeSha256");
  const std::string revision = string_member(call.input, "RevisionId");
  auto published = state.update_function(name, [&](Function& f) -> Outcome {
    const std::string latest_sha = string_member(f.configuration, "CodeSha256");
    if (!code_sha.empty() && code_sha != latest_sha)
      return invalid_parameter("CodeSHA256 (" + code_sha + ") is different from current CodeSHA256 in $LATEST (" +
                               latest_sha + "). Please try again with the CodeSHA256 in $LATEST.");  // emulator wording
    if (!revision.empty() && revision != string_member(f.configuration, "RevisionId"))
      return revision_mismatch();
    Outcome o = Outcome::ok(publish_latest(f, call, description));
    o.status_override = 201;
    return o;
  });
  if (!published) return function_not_found(call, name);
  return *published;
}

Outcome list_versions_by_function(State& state, const Call& call) {
  auto found = find_function(state, call);
  if (auto* error = std::get_if<Outcome>(&found)) return *error;
  const Function& f = std::get<FunctionTarget>(found).function;
  std::vector<Keyed> versions = {{number_key(0), *configuration_of(f, "$LATEST")}};
  for (const auto& [number, c] : f.versions) versions.push_back({number_key(static_cast<uint64_t>(number)), c});
  size_t size = page_size(integer_member(call.input, "MaxItems"), kVersionsPerPage, kVersionsPerPage);
  return page_answer(versions, false, "versions:" + f.name, string_member(call.input, "Marker"), size, "Versions");
}

}  // namespace conform::emulator::lambda
