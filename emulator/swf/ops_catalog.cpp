// ListDomains, DescribeActivityType, DescribeWorkflowType, ListActivityTypes, ListWorkflowTypes.
#include "emulator/swf/catalog.h"
#include "emulator/swf/json_access.h"
#include "emulator/swf/listing.h"
#include "emulator/swf/messages.h"
#include "emulator/swf/ops.h"

namespace conform::emulator::swf {
namespace {

bool status_matches(const Json& in, bool deprecated) {
  return get_string(in, "registrationStatus") == (deprecated ? "DEPRECATED" : "REGISTERED");
}

Outcome describe_type(Context& c, const TypeKind& kind) {
  TypeLookup l = find_type(c.store, c.in(), kind);
  if (l.answer) return *l.answer;
  TypeRecord shown = *l.record;
  if (c.fault(Fault::SwfDescribeTypeIgnoresDeprecation)) shown.deprecated_at.reset();  // planted fault
  Json configuration = Json::object();
  for (const char* m : kind.configuration)
    if (const Json& v = member(shown.registration, m); !v.is_null()) configuration[m] = v;
  Json out = Json::object();
  out["typeInfo"] = type_info(shown, kind);
  out["configuration"] = std::move(configuration);
  return Outcome::ok(std::move(out));
}

Outcome list_types(Context& c, const TypeKind& kind) {
  const Json& in = c.in();
  std::string domain = get_string(in, "domain");
  if (!c.store.find_domain(domain)) return Outcome::error(msg::kUnknownResource, msg::unknown_domain(domain));
  std::optional<std::string> name = opt_string(in, "name");
  std::vector<std::pair<std::string, const TypeRecord*>> items;
  Store::for_each_in_domain(c.store.*kind.table, domain, [&](const TypeRecord& t) {
    std::string type_name = get_string(t.type, "name");
    if (status_matches(in, t.deprecated_at.has_value()) && (!name || type_name == *name))
      items.emplace_back(type_name + std::string(1, '\0') + get_string(t.type, "version"), &t);
  });
  return listing(c, items, "typeInfos", false, [&](const TypeRecord* t) { return type_info(*t, kind); });
}

}  // namespace

Outcome list_domains(Context& c) {
  std::vector<std::pair<std::string, const Domain*>> items;
  for (const auto& [name, d] : c.store.domains)
    if (status_matches(c.in(), d.deprecated)) items.emplace_back(name, &d);
  return listing(c, items, "domainInfos", false, [&](const Domain* d) { return domain_info(c.call, *d); });
}

Outcome describe_activity_type(Context& c) { return describe_type(c, kActivityType); }
Outcome describe_workflow_type(Context& c) { return describe_type(c, kWorkflowType); }
Outcome list_activity_types(Context& c) { return list_types(c, kActivityType); }
Outcome list_workflow_types(Context& c) { return list_types(c, kWorkflowType); }

}  // namespace conform::emulator::swf
