// Domain and type views (see catalog.h).
#include "emulator/swf/catalog.h"

#include "emulator/swf/json_access.h"
#include "emulator/swf/messages.h"

namespace conform::emulator::swf {

const TypeKind kActivityType = {
    "ActivityType", "activityType", &Store::activity_types,
    {"defaultTaskStartToCloseTimeout", "defaultTaskHeartbeatTimeout", "defaultTaskList", "defaultTaskPriority",
     "defaultTaskScheduleToStartTimeout", "defaultTaskScheduleToCloseTimeout"}};

const TypeKind kWorkflowType = {
    "WorkflowType", "workflowType", &Store::workflow_types,
    {"defaultTaskStartToCloseTimeout", "defaultExecutionStartToCloseTimeout", "defaultTaskList",
     "defaultTaskPriority", "defaultChildPolicy", "defaultLambdaRole"}};

std::string domain_arn(const Call& call, const std::string& name) {
  return "arn:aws:swf:" + call.region + ":" + call.account + ":/domain/" + name;
}

Json domain_info(const Call& call, const Domain& d) {
  Json info = Json::object();
  info["name"] = d.name;
  info["status"] = d.deprecated ? "DEPRECATED" : "REGISTERED";
  if (d.description) info["description"] = *d.description;
  info["arn"] = domain_arn(call, d.name);
  return info;
}

TypeLookup find_type(Store& store, const Json& input, const TypeKind& kind) {
  TypeLookup l;
  std::string domain = get_string(input, "domain");
  const Json& type = member(input, kind.member);
  std::string name = get_string(type, "name"), version = get_string(type, "version");
  l.key = Store::type_key(domain, name, version);
  if (!store.find_domain(domain)) {
    l.answer = Outcome::error(msg::kUnknownResource, msg::unknown_domain(domain));
    return l;
  }
  auto& table = store.*kind.table;
  auto it = table.find(l.key);
  if (it == table.end()) l.answer = Outcome::error(msg::kUnknownResource, msg::unknown_type(kind.name, name, version));
  else l.record = &it->second;
  return l;
}

Json type_info(const TypeRecord& t, const TypeKind& kind) {
  Json info = Json::object();
  info[kind.member] = t.type;
  info["status"] = t.deprecated_at ? "DEPRECATED" : "REGISTERED";
  if (auto v = opt_string(t.registration, "description")) info["description"] = *v;
  info["creationDate"] = t.created;
  if (t.deprecated_at) info["deprecationDate"] = *t.deprecated_at;
  return info;
}

}  // namespace conform::emulator::swf
