// Matching an error message against a spec message template: literal text must match exactly, ${*}
// matches any text, ${name} matches the variable's text (probe facts, fixture variables, builtins).
// Variables that are unknown at judging time match any text (the template is still checked around them).
//
// Promises: never throws; matching is whole-message; render() gives the expected text for reports
// (unknown variables and ${*} shown as "…").
#pragma once

#include <string>

#include "harness/fixture/fixture_runner.h"

namespace conform::oracle {

bool message_matches(const std::string& tmpl, const std::string& message, const fixture::Variables& vars);
std::string render_template(const std::string& tmpl, const fixture::Variables& vars);

}  // namespace conform::oracle
