// ListTags, TagResource and UntagResource on functions.
//
// The Resource is an unqualified function ARN. A qualified one (version or alias) is refused with
// InvalidParameterValueException (documented: Lambda does not support tags on aliases or versions;
// emulator wording). Other taggable resource types (code signing configs, event source mappings,
// capacity providers, network connectors) are never created by the emulator: 404. TagResource merges
// (a key given again takes the new value), UntagResource removes the keys it names (absent keys are
// no error); both answer 204. ListTags answers {"Tags": {...}} ({} when none).
#include <variant>

#include "emulator/lambda/handlers.h"
#include "emulator/lambda/names.h"
#include "emulator/lambda/support.h"

namespace conform::emulator::lambda {
namespace {

// The function a Resource ARN designates, or the error to answer.
std::variant<Function, Outcome> tagged_function(const State& state, const Call& call) {
  const std::string resource = string_member(call.input, "Resource");
  auto ref = function_of_resource_arn(resource);
  if (!ref) return resource_not_found("Resource not found: " + resource);  // emulator wording
  if (!ref->qualifier.empty())
    return invalid_parameter("Tags on function aliases and versions are not supported. Please specify a function "
                             "ARN.");  // emulator wording
  auto f = ref->region == call.region && ref->account == call.account ? state.function(ref->name) : std::nullopt;
  if (!f) return function_not_found(call, ref->name);
  return std::move(*f);
}

// Applies change(Json& tags) to the tags of the function the Resource designates: 204, or the error.
template <class Change>
Outcome change_tags(State& state, const Call& call, Change change) {
  auto found = tagged_function(state, call);
  if (auto* error = std::get_if<Outcome>(&found)) return *error;
  const std::string& name = std::get<Function>(found).name;
  bool changed = state.update_function(name, [&](Function& f) {
    change(f.tags);
    return true;
  }).value_or(false);
  return changed ? no_content() : function_not_found(call, name);
}

}  // namespace

Outcome list_tags(State& state, const Call& call) {
  auto found = tagged_function(state, call);
  if (auto* error = std::get_if<Outcome>(&found)) return *error;
  return Outcome::ok(Json{{"Tags", std::get<Function>(found).tags}});
}

Outcome tag_resource(State& state, const Call& call) {
  const Json tags = call.input.value("Tags", Json::object());
  return change_tags(state, call, [&](Json& current) {
    for (const auto& [key, value] : tags.items()) current[key] = value;
  });
}

Outcome untag_resource(State& state, const Call& call) {
  const Json keys = call.input.value("TagKeys", Json::array());
  return change_tags(state, call, [&](Json& current) {
    for (const auto& key : keys)
      if (key.is_string()) current.erase(key.get<std::string>());
  });
}

}  // namespace conform::emulator::lambda
