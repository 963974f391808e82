// RegisterDomain, DescribeDomain, RegisterWorkflowType, RegisterActivityType.
#include "emulator/swf/json_access.h"
#include "emulator/swf/messages.h"
#include "emulator/swf/ops.h"

namespace conform::emulator::swf {
namespace {

// A registration default that is not a valid duration, as a ValidationException; else nullopt.
std::optional<Outcome> invalid_default(const Json& in, std::initializer_list<const char*> members) {
  for (const char* m : members)
    if (auto v = opt_string(in, m); v && parse_duration(*v).kind == Duration::Invalid)
      return Outcome::error(msg::kValidation,
                            msg::validation_one("Value '" + *v + "' at '" + m +
                                                "' failed to satisfy constraint: Member must be a number of "
                                                "seconds or NONE"));
  return std::nullopt;
}

Outcome register_type(Context& c, const char* kind, std::map<std::string, TypeRecord>& table,
                      std::initializer_list<const char*> duration_members) {
  const Json& in = c.in();
  std::string domain = get_string(in, "domain");
  std::string name = get_string(in, "name"), version = get_string(in, "version");
  if (!c.store.find_domain(domain)) return Outcome::error(msg::kUnknownResource, msg::unknown_domain(domain));
  if (auto bad = invalid_default(in, duration_members)) return *bad;
  std::string key = Store::type_key(domain, name, version);
  if (table.count(key)) return Outcome::error(msg::kTypeAlreadyExists, msg::type_text(kind, name, version));
  table[key] = TypeRecord{Json{{"name", name}, {"version", version}}, in, c.now};
  return Outcome::ok();
}

}  // namespace

Outcome register_domain(Context& c) {
  const Json& in = c.in();
  std::string name = get_string(in, "name");
  if (c.store.find_domain(name)) return Outcome::error(msg::kDomainAlreadyExists, name);
  Domain d;
  d.name = name;
  d.retention_days = get_string(in, "workflowExecutionRetentionPeriodInDays");
  d.description = opt_string(in, "description");
  c.store.domains[name] = d;
  return Outcome::ok();
}

Outcome describe_domain(Context& c) {
  std::string name = get_string(c.in(), "name");
  const Domain* d = c.store.find_domain(name);
  if (!d) return Outcome::error(msg::kUnknownResource, msg::unknown_domain(name));
  Json info = Json::object();
  info["name"] = d->name;
  info["status"] = "REGISTERED";
  if (d->description) info["description"] = *d->description;
  info["arn"] = "arn:aws:swf:" + c.call.region + ":" + c.call.account + ":/domain/" + d->name;
  Json out = Json::object();
  out["domainInfo"] = std::move(info);
  out["configuration"] = Json{{"workflowExecutionRetentionPeriodInDays", d->retention_days}};
  return Outcome::ok(std::move(out));
}

Outcome register_workflow_type(Context& c) {
  return register_type(c, "WorkflowType", c.store.workflow_types,
                       {"defaultTaskStartToCloseTimeout", "defaultExecutionStartToCloseTimeout"});
}

Outcome register_activity_type(Context& c) {
  return register_type(c, "ActivityType", c.store.activity_types,
                       {"defaultTaskStartToCloseTimeout", "defaultTaskHeartbeatTimeout",
                        "defaultTaskScheduleToStartTimeout", "defaultTaskScheduleToCloseTimeout"});
}

}  // namespace conform::emulator::swf
