// UpdateFunctionConfiguration: changes the modeled settings of $LATEST (configuration.h), with a new
// RevisionId and LastModified; the update completes at once (LastUpdateStatus Successful).
//
// Errors: a configuration_problem() of the result (configuration.h) -> InvalidParameterValueException;
// RevisionId other than $LATEST's -> 412 PreconditionFailedException; a published version named in
// FunctionName -> InvalidParameterValueException (documented: only the unpublished version can be
// modified; emulator wording); unknown function or qualifier -> 404 (function_target.h).
#include "emulator/lambda/configuration.h"
#include "emulator/lambda/function_target.h"
#include "emulator/lambda/handlers.h"
#include "emulator/lambda/support.h"

namespace conform::emulator::lambda {

Outcome update_function_configuration(State& state, const Call& call) {
  auto found = find_function(state, call);
  if (auto* error = std::get_if<Outcome>(&found)) return *error;
  const FunctionTarget& target = std::get<FunctionTarget>(found);
  if (!target.qualifier.empty() && target.qualifier != "$LATEST")
    return invalid_parameter("The configuration of a published version cannot be modified: " +
                             target.qualifier);  // emulator wording
  const std::string revision = string_member(call.input, "RevisionId");
  auto updated = state.update_function(target.function.name, [&](Function& f) -> Outcome {
    if (!revision.empty() && revision != string_member(f.configuration, "RevisionId"))
      return revision_mismatch();
    Json changed = f.configuration;
    apply_settings(changed, call.input);
    if (auto problem = configuration_problem(changed)) return invalid_parameter(*problem);
    f.configuration = std::move(changed);
    f.configuration["LastModified"] = last_modified(call.clock.now());
    f.configuration["RevisionId"] = call.ids.uuid();
    f.configuration["LastUpdateStatus"] = "Successful";
    f.changed_since_publish = true;
    return Outcome::ok(*configuration_of(f, target.qualifier));
  });
  if (!updated) return function_not_found(call, target.function.name);
  return *updated;
}

}  // namespace conform::emulator::lambda
