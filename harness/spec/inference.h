// Producer -> consumer inference (as RESTler does for REST APIs): fixture recipes, lifecycles and
// identifier rules for operations nobody wrote them for, derived from the hand-written recipes and the
// model's names.
//
// Producers. Walking each hand-written fixture recipe of a service step by step, a variable becomes
// available after the step that captures it (`activityArn` after CreateActivity), and a step that calls
// Create/Register/Start/Put/Publish<Noun> with a `name` input produces the noun by its input value
// (RegisterDomain's name is a `domain`; RegisterWorkflowType's name+version is a `workflowType`).
// Consumers. A top-level input member of an operation without a hand-written lifecycle is bound when a
// producer has its name (first letter case-insensitive: `FunctionName` from `functionName`), its name
// is the noun or noun+"Name", or it is a structure whose required members are all produced. All bound
// members come from one recipe; the inferred fixture is the shortest prefix of its steps that produces
// them, with the recipe's clean-up steps whose variables that prefix has. An operation is left alone
// when one of its required identifier members (…Arn, …Name, …Id, …Token, domain, name) cannot be bound.
//
// What an inferred lifecycle brings: a `valid` rule (success, provenance inferred); per bound string
// member whose resource the operation has a not-found error for (…DoesNotExist, …NotFound…,
// UnknownResource…), an unknown-resource rule probing a well-formed, never issued value (the bound
// value with its last ':'/'/' segment replaced), provenance model when that error is the operation's
// only not-found error, inferred otherwise; a read-back by Describe<Noun>/Get<Noun> when all its
// required members are bound; for Delete<Noun> a closing lifecycle whose read-back must answer the
// not-found error afterwards (inferred: deletions are often eventually consistent). Everything made
// here is marked inferred; a hand-written lifecycle or rule for the same situation and member wins.
//
// Promises: deterministic; never throws; the result still satisfies SpecSet's consistency promise
// (every inferred fixture only uses variables captured by its earlier steps or builtins).
#pragma once

#include <string>
#include <vector>

#include "harness/spec/model.h"

namespace conform::spec {

// Adds inferred fixtures, lifecycles and rules to `set` in place.
void infer_recipes(SpecSet& set);

// Input members of the service's operations that are required identifiers no producer can bind
// ("stepfunctions.DescribeMapRun.mapRunArn"), for the importer's notes.
std::vector<std::string> unproduced_members(const SpecSet& set, const std::string& service);

}  // namespace conform::spec
