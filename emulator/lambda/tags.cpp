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

// The function name a Resource ARN designates, or the error to answer.
std::variant<std::string, Outcome> tagged_function(const State& state, const Call& call) {
  const std::string resource = string_member(call.input, "Resource");
  auto ref = function_of_resource_arn(resource);
  if (!ref) return resource_not_found("Resource not found: " + resource);  // emulator wording
  if (!ref->qualifier.empty())
    return invalid_parameter("Tags on function aliases and versions are not supported. Please specify a function "
                             "ARN.");  // emulator wording
  if (ref->region != call.region || ref->account != call.account || !state.function(ref->name))
    return function_not_found(call, ref->name);
  return ref->name;
}

}  // namespace

Outcome list_tags(State& state, const Call& call) {
  auto found = tagged_function(state, call);
  if (auto* error = std::get_if<Outcome>(&found)) return *error;
  const std::string& name = std::get<std::string>(found);
  auto tags = state.update_function(name, [](Function& f) { return f.tags; });
  if (!tags) return function_not_found(call, name);
  return Outcome::ok(Json{{"Tags", *tags}});
}

Outcome tag_resource(State& state, const Call& call) {
  auto found = tagged_function(state, call);
  if (auto* error = std::get_if<Outcome>(&found)) return *error;
  const std::string& name = std::get<std::string>(found);
  const Json tags = call.input.value("Tags", Json::object());
  bool tagged = state.update_function(name, [&](Function& f) {
    for (const auto& [key, value] : tags.items()) f.tags[key] = value;
    return true;
  }).value_or(false);
  return tagged ? no_content() : function_not_found(call, name);
}

Outcome untag_resource(State& state, const Call& call) {
  auto found = tagged_function(state, call);
  if (auto* error = std::get_if<Outcome>(&found)) return *error;
  const std::string& name = std::get<std::string>(found);
  const Json keys = call.input.value("TagKeys", Json::array());
  bool untagged = state.update_function(name, [&](Function& f) {
    for (const auto& key : keys)
      if (key.is_string()) f.tags.erase(key.get<std::string>());
    return true;
  }).value_or(false);
  return untagged ? no_content() : function_not_found(call, name);
}

}  // namespace conform::emulator::lambda
