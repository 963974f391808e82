// DeprecateDomain, UndeprecateDomain, Deprecate/Undeprecate/Delete{Activity,Workflow}Type.
//
// Deprecating a domain also deprecates every type registered in it (DeprecateDomain's documentation);
// undeprecating the domain leaves its types as they are (nothing documents otherwise). Only a
// deprecated type can be deleted. The already-in-that-state answers are the model's faults, with the
// messages the emulator uses for the same resource elsewhere.
#include "emulator/swf/catalog.h"
#include "emulator/swf/json_access.h"
#include "emulator/swf/messages.h"
#include "emulator/swf/ops.h"

namespace conform::emulator::swf {
namespace {

Domain* find_domain(Context& c, const std::string& name) {
  auto it = c.store.domains.find(name);
  return it == c.store.domains.end() ? nullptr : &it->second;
}

std::string type_text(const TypeKind& kind, const TypeRecord& t) {
  return msg::type_text(kind.name, get_string(t.type, "name"), get_string(t.type, "version"));
}

Outcome deprecate_type(Context& c, const TypeKind& kind) {
  TypeLookup l = find_type(c.store, c.in(), kind);
  if (l.answer) return *l.answer;
  if (l.record->deprecated_at) return Outcome::error(msg::kTypeDeprecated, type_text(kind, *l.record));
  l.record->deprecated_at = c.now;
  return Outcome::ok();
}

Outcome undeprecate_type(Context& c, const TypeKind& kind) {
  TypeLookup l = find_type(c.store, c.in(), kind);
  if (l.answer) return *l.answer;
  if (!l.record->deprecated_at) return Outcome::error(msg::kTypeAlreadyExists, type_text(kind, *l.record));
  l.record->deprecated_at.reset();
  return Outcome::ok();
}

Outcome delete_type(Context& c, const TypeKind& kind) {
  TypeLookup l = find_type(c.store, c.in(), kind);
  if (l.answer) return *l.answer;
  if (!l.record->deprecated_at) return Outcome::error(msg::kTypeNotDeprecated, type_text(kind, *l.record));
  (c.store.*kind.table).erase(l.key);
  return Outcome::ok();
}

}  // namespace

Outcome deprecate_domain(Context& c) {
  std::string name = get_string(c.in(), "name");
  Domain* d = find_domain(c, name);
  if (!d) return Outcome::error(msg::kUnknownResource, msg::unknown_domain(name));
  if (d->deprecated) return Outcome::error(msg::kDomainDeprecated, name);
  d->deprecated = true;
  for (const TypeKind* kind : {&kActivityType, &kWorkflowType})
    Store::for_each_in_domain(c.store.*kind->table, name, [&](TypeRecord& t) {
      if (!t.deprecated_at) t.deprecated_at = c.now;
    });
  return Outcome::ok();
}

Outcome undeprecate_domain(Context& c) {
  std::string name = get_string(c.in(), "name");
  Domain* d = find_domain(c, name);
  if (!d) return Outcome::error(msg::kUnknownResource, msg::unknown_domain(name));
  if (!d->deprecated) return Outcome::error(msg::kDomainAlreadyExists, name);
  d->deprecated = false;
  return Outcome::ok();
}

Outcome deprecate_activity_type(Context& c) { return deprecate_type(c, kActivityType); }
Outcome deprecate_workflow_type(Context& c) { return deprecate_type(c, kWorkflowType); }
Outcome undeprecate_activity_type(Context& c) { return undeprecate_type(c, kActivityType); }
Outcome undeprecate_workflow_type(Context& c) { return undeprecate_type(c, kWorkflowType); }
Outcome delete_activity_type(Context& c) { return delete_type(c, kActivityType); }
Outcome delete_workflow_type(Context& c) { return delete_type(c, kWorkflowType); }

}  // namespace conform::emulator::swf
