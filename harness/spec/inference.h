// Producer -> consumer inference (as RESTler does for REST APIs): fixture recipes, lifecycles and
// identifier rules for operations nobody wrote them for, derived from the hand-written recipes and the
// model's names (naming.h).
//
// Producers. Walking each hand-written fixture recipe of a service step by step, a variable becomes
// available after the step that captures it (`activityArn` after CreateActivity, naming the resource
// "activity"), and a step that calls Create/Register/Start/Put/Publish<Noun> with a `name` input makes
// the noun under that name (RegisterDomain's name is a `domain`; RegisterWorkflowType's name+version is
// a `workflowType`).
// Plans, in order of preference, each taking the shortest recipe prefix that works:
//   * The operation is a step of a recipe: it is sent with that step's input after the steps before it;
//     what the step captures becomes `produces`, and the recipe's clean-up steps that use those
//     captures become the lifecycle's `cleanup` (a successful call's product is removed after the case).
//     Members the earlier steps made are `consumed` (references); the rest describe the new resource.
//   * The operation consumes what a recipe makes: each required identifier member (…Arn, …Name, …Id,
//     …Token, domain, name) is bound from a captured variable of its name (first letter
//     case-insensitive: `FunctionName` from `functionName`), the name a producing step gave its noun, or
//     a structure of such values; optional identifier strings are bound when they can be. A List<Nouns>
//     operation also waits for a step that makes one of its nouns. An operation is left alone when one
//     of its required identifiers cannot be bound.
//   * A reading request (List/Get/Describe/Count) with no required identifier stands alone (a fixture
//     with no steps).
// Inferred valid requests leave out every optional member the plan does not bind (`omit`).
//
// What an inferred lifecycle brings: a `valid` rule (success, provenance inferred); per consumed string
// member for which the operation has a not-found error (…DoesNotExist, …NotFound…, UnknownResource…),
// an unknown-resource rule probing a well-formed, never issued value (the bound value with its last
// ':'/'/' segment replaced), provenance model when that error is the operation's only not-found error,
// inferred otherwise; a read-back by Describe<Noun>/Get<Noun> when all its required members are bound;
// for a Delete<Noun> whose consumed member names the noun itself, a closing lifecycle whose read-back
// must answer the not-found error afterwards (inferred: deletions are often eventually consistent).
// Every operation also gets its pagination detected (pagination.h) unless its file gives one.
// Everything made here is marked inferred; a hand-written lifecycle wins.
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
