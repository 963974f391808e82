// Domains and registered types as the SWF operations name and show them: domain ARNs and DomainInfo,
// the two kinds of type (activity, workflow) with their input member, table and configuration, the
// type named by a request, and ActivityTypeInfo / WorkflowTypeInfo.
//
// Promises: find_type answers UnknownResourceFault "Unknown domain: <d>" or "Unknown type:
// <Kind>=[name=<n>, version=<v>]" (the messages the rest of the emulator uses) when the domain or type
// does not exist; infos carry every member the model requires (status REGISTERED / DEPRECATED,
// creationDate, and deprecationDate exactly when deprecated).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "emulator/core/backend.h"
#include "emulator/swf/store.h"

namespace conform::emulator::swf {

// "arn:aws:swf:<region>:<account>:/domain/<name>", as SWF itself returns it.
std::string domain_arn(const Call& call, const std::string& name);
Json domain_info(const Call& call, const Domain& d);

struct TypeKind {
  const char* name;    // "ActivityType": messages and the type's structure name
  const char* member;  // "activityType": the input member naming the type, and the info's key
  std::map<std::string, TypeRecord> Store::*table;
  std::vector<const char*> configuration;  // registration members DescribeXxxType echoes
};
extern const TypeKind kActivityType;
extern const TypeKind kWorkflowType;

struct TypeLookup {
  TypeRecord* record = nullptr;  // set when found
  std::string key;               // Store::type_key of the named type
  std::optional<Outcome> answer; // the error to answer when not found
};

// The type `input` names by `domain` and the kind's member ({name, version}).
TypeLookup find_type(Store& store, const Json& input, const TypeKind& kind);

// {"<member>": {name, version}, "status", "description"?, "creationDate", "deprecationDate"?}
Json type_info(const TypeRecord& t, const TypeKind& kind);

}  // namespace conform::emulator::swf
