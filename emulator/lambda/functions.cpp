// CreateFunction and DeleteFunction.
//
// Create: the configuration of configuration.h, the Tags kept for ListTags / GetFunction, Publish=true
// publishes version 1 at once and answers its configuration (201). A configuration_problem()
// (configuration.h) is refused with InvalidParameterValueException.
// Delete: unqualified or $LATEST deletes the function with its versions; a version number deletes that
// version only; 204. Fault LambdaDeleteLeavesReadable: 204 but the function stays.
#include "emulator/lambda/configuration.h"
#include "emulator/lambda/function_target.h"
#include "emulator/lambda/handlers.h"
#include "emulator/lambda/names.h"
#include "emulator/lambda/publishing.h"
#include "emulator/lambda/support.h"

namespace conform::emulator::lambda {

Outcome create_function(State& state, const Call& call) {
  const Json& in = call.input;
  FunctionRef ref = resolve_function_name(string_member(in, "FunctionName"));
  Function f;
  f.name = ref.name;
  f.arn = function_arn(call.region, call.account, ref.name);
  f.configuration = new_configuration(call, f.name, f.arn);
  if (auto problem = configuration_problem(f.configuration)) return invalid_parameter(*problem);
  if (auto tags = in.find("Tags"); tags != in.end() && tags->is_object()) f.tags = *tags;
  if (!state.add_function(f))
    return Outcome::error("ResourceConflictException", "Function already exist: " + f.name, Json{{"Type", "User"}});
  Json answer = f.configuration;
  if (bool_member(in, "Publish").value_or(false))
    if (auto published = state.update_function(f.name, [&](Function& g) { return publish_latest(g, call, std::nullopt); }))
      answer = *published;
  Outcome o = Outcome::ok(answer);
  o.status_override = 201;
  return o;
}

Outcome delete_function(State& state, const Call& call) {
  auto found = find_function(state, call);
  if (auto* error = std::get_if<Outcome>(&found)) return *error;
  const FunctionTarget& target = std::get<FunctionTarget>(found);
  bool deleted = false;
  if (is_version_number(target.qualifier)) {
    int64_t number = std::stoll(target.qualifier);
    deleted = state.update_function(target.function.name, [&](Function& f) { return f.versions.erase(number) > 0; })
                  .value_or(false);
  } else {
    deleted = call.faults.has(Fault::LambdaDeleteLeavesReadable) || state.remove_function(target.function.name);
  }
  if (!deleted) return function_not_found(call, target.function.name, target.qualifier);
  return no_content();
}

}  // namespace conform::emulator::lambda
