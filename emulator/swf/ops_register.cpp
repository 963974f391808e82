// RegisterDomain, DescribeDomain, RegisterWorkflowType, RegisterActivityType.
#include "emulator/swf/catalog.h"
#include "emulator/swf/domain_tags.h"
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

// A deprecated domain "cannot be used to ... register new types" (DeprecateDomain's documentation); the
// model declares no DomainDeprecatedFault for the registrations, so the domain is answered as "no longer
// available for this operation" (UnknownResourceFault's documentation).
Outcome register_type(Context& c, const TypeKind& kind, std::initializer_list<const char*> duration_members) {
  const Json& in = c.in();
  std::string domain = get_string(in, "domain");
  std::string name = get_string(in, "name"), version = get_string(in, "version");
  const Domain* d = c.store.find_domain(domain);
  if (!d || d->deprecated) return Outcome::error(msg::kUnknownResource, msg::unknown_domain(domain));
  if (auto bad = invalid_default(in, duration_members)) return *bad;
  std::string key = Store::type_key(domain, name, version);
  auto& table = c.store.*kind.table;
  if (table.count(key)) return Outcome::error(msg::kTypeAlreadyExists, msg::type_text(kind.name, name, version));
  table[key] = TypeRecord{Json{{"name", name}, {"version", version}}, in, c.now, std::nullopt};
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
  if (!merge_tags(d.tags, member(in, "tags"))) return Outcome::error(msg::kTooManyTags, name);
  c.store.domains[name] = d;
  return Outcome::ok();
}

Outcome describe_domain(Context& c) {
  std::string name = get_string(c.in(), "name");
  const Domain* d = c.store.find_domain(name);
  if (!d) return Outcome::error(msg::kUnknownResource, msg::unknown_domain(name));
  Json out = Json::object();
  out["domainInfo"] = domain_info(c.call, *d);
  out["configuration"] = Json{{"workflowExecutionRetentionPeriodInDays", d->retention_days}};
  return Outcome::ok(std::move(out));
}

Outcome register_workflow_type(Context& c) {
  return register_type(c, kWorkflowType,
                       {"defaultTaskStartToCloseTimeout", "defaultExecutionStartToCloseTimeout"});
}

Outcome register_activity_type(Context& c) {
  return register_type(c, kActivityType,
                       {"defaultTaskStartToCloseTimeout", "defaultTaskHeartbeatTimeout",
                        "defaultTaskScheduleToStartTimeout", "defaultTaskScheduleToCloseTimeout"});
}

}  // namespace conform::emulator::swf
