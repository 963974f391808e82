// What a failure says, without the values of the case it was found in: "status 400 -> 200",
// "error TaskTimedOut -> TaskDoesNotExist", "/status: \"ABORTED\" -> \"RUNNING\"". Two symptoms of one
// deviation found in different cases, seeds or operations have the same signature, so root-cause
// grouping (root_cause.h) and finding fingerprints are stable across seeds.
//
// Normalising: error identities are reduced to the code SDKs parse (text after '#', before ':'); HTTP
// answers to their status; quoted values are kept only when they look like enum values
// (UPPER_CASE, at most 40 characters), other quoted text becomes "…"; ARNs, UUIDs and numbers of three or
// more digits become <arn>, <uuid>, <n>; the result is at most 160 characters.
//
// Promises: pure, deterministic, never throws.
#pragma once

#include <string>

namespace conform::report {

std::string symptom_signature(const std::string& facet, const std::string& expected, const std::string& observed);

// The same value reduction, for one text (titles use it).
std::string without_case_values(const std::string& text);

}  // namespace conform::report
