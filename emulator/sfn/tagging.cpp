// TagResource, UntagResource, ListTagsForResource (see handlers.h) on activities and state machines.
#include "emulator/sfn/arn.h"
#include "emulator/sfn/errors.h"
#include "emulator/sfn/handlers.h"
#include "emulator/sfn/tags.h"

namespace conform::emulator::sfn {
namespace {

// The InvalidArn message for a resourceArn that names no taggable resource type; nullopt when well-formed.
std::optional<std::string> check_taggable(const std::string& arn) {
  auto parsed = parse_arn(arn);
  bool machine = parsed && parsed->type == arn_type_word(ArnType::StateMachine);
  return check_arn(arn, machine ? ArnType::StateMachine : ArnType::Activity);
}

// The tags of the resource `arn` names; nullptr when there is none. Requires store.mu held.
Tags* tags_of(Store& store, const std::string& arn) {
  if (auto a = store.activities.find(arn); a != store.activities.end()) return &a->second.tags;
  if (auto m = store.machines.find(arn); m != store.machines.end()) return &m->second.tags;
  return nullptr;
}

// Runs `act` on the tags of the request's resourceArn with the lock held; answers InvalidArn or
// ResourceNotFound instead when the ARN is malformed or names nothing.
template <class Act>
Outcome with_tags(Env& env, Act act) {
  std::string arn = input_string(env.call, "resourceArn").value_or("");
  if (auto bad = check_taggable(arn)) return invalid_arn(*bad);
  std::lock_guard<std::mutex> lock(env.store.mu);
  fire_due(env);
  Tags* tags = tags_of(env.store, arn);
  if (!tags) return resource_not_found(arn);
  return act(*tags, arn);
}

const Json& member_or_empty(const Call& call, const char* member) {
  static const Json kEmpty = Json::array();
  const Json* v = input_member(call, member);
  return v ? *v : kEmpty;
}

}  // namespace

Outcome tag_resource(Env& env) {
  return with_tags(env, [&](Tags& tags, const std::string& arn) {
    return merge_tags(tags, member_or_empty(env.call, "tags")) ? Outcome::ok() : too_many_tags(arn);
  });
}

Outcome untag_resource(Env& env) {
  return with_tags(env, [&](Tags& tags, const std::string&) {
    remove_tags(tags, member_or_empty(env.call, "tagKeys"));
    return Outcome::ok();
  });
}

Outcome list_tags_for_resource(Env& env) {
  return with_tags(env, [&](Tags& tags, const std::string&) { return Outcome::ok({{"tags", tags_json(tags)}}); });
}

}  // namespace conform::emulator::sfn
