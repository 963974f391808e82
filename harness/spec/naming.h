// The naming conventions of AWS models that recipe inference (inference.h) and pagination detection
// (pagination.h) read meaning from: an operation is a verb and a noun (DescribeActivity), an input
// member whose name ends in Arn/Name/Id/Token names a resource, a not-found error says so in its name.
//
// Promises: pure functions of their arguments; never throw; ASCII case rules only.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "harness/spec/model.h"

namespace conform::spec::naming {

bool ends_with(const std::string& s, const std::string& suffix);
std::string lower_first(std::string s);
// Equal but for the case of the first letter (Lambda's `FunctionName` and a recipe's `functionName`).
bool same_name(const std::string& a, const std::string& b);

// "Describe" and "Activity" of DescribeActivity; ("", "") for an empty name (a pure sleep step).
std::pair<std::string, std::string> verb_and_noun(const std::string& operation);
// The singular of a listed noun: "Activities" -> "Activity", "StateMachines" -> "StateMachine",
// "DurableExecutionsByFunction" -> "DurableExecution" (a "By..." qualifier is dropped).
std::string singular(const std::string& noun);
// The resource a member names: "activityArn" -> "activity", "FunctionName" -> "function",
// "runId" -> "run"; other names unchanged but for the first letter's case.
std::string resource_of(const std::string& member);

// Members that name a resource (…Arn, …ARN, …Name, …Id, …Token, domain, name).
bool is_identifier_name(const std::string& member);
// Request members that carry a page token: nextToken, nextPageToken, Marker (any first-letter case).
bool is_page_token_name(const std::string& member);
// Verbs whose call makes the noun it names (Create, Register, Start, Put, Publish).
bool is_producer_verb(const std::string& verb);

// Error names that mean "no such resource" (…DoesNotExist, …NotFound…, UnknownResource…, NoSuch…).
bool is_not_found_error(const std::string& error);
std::vector<const ErrorSpec*> not_found_errors(const Operation& op);
// The not-found error for a member: the one naming the member's resource, else the only one; null if
// neither.
const ErrorSpec* not_found_for(const Operation& op, const std::string& member);

// Variables a template references (${name}), in order, with repeats.
std::vector<std::string> referenced_variables(const Json& tmpl);

}  // namespace conform::spec::naming
