// `conform specs merge OBSERVATIONS`: folds an observations document (observe.h) into spec files.
// Every observed fact becomes provenance "measured"; where the target answered differently, the spec
// takes the observed answer (status and error identity, declaring the error on the operation when it
// was not declared; message template; wire form; a state assertion's literal value or absence).
//
// Promises: never throws. Works on the raw JSON of the spec files (key order kept), so unrelated
// content is untouched and only changed files are rewritten. A 5xx or transport failure is never
// merged as a contract (it is listed as skipped). Each changed rule, template, assertion or error gets
// a note naming the target and date of the observation. The merged directory loads cleanly whenever
// the input did (tests check it with `conform specs check`).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "harness/spec/model.h"

namespace conform::observe {

// Spec files by path relative to the spec directory ("stepfunctions/StopExecution.json").
struct SpecFiles {
  std::map<std::string, spec::Json> json;         // parsed .json files
  std::map<std::string, std::string> other;       // anything else, copied as is
};
std::optional<SpecFiles> read_spec_files(const std::optional<std::string>& dir, std::string* error);  // none: built-in
bool write_spec_files(const SpecFiles& files, const std::string& dir, const std::vector<std::string>& only,
                      std::string* error);  // `only` empty: every file

struct MergeResult {
  std::vector<std::string> merged;    // one line per fact made measured ("... (observed answer taken)")
  std::vector<std::string> skipped;   // with the reason
  std::vector<std::string> changed_files;
};

MergeResult merge_observations(const spec::Json& observations, SpecFiles& files);

}  // namespace conform::observe
