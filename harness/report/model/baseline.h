// Baselines: the failures a project has accepted, by fingerprint. A run reports an accepted failure
// but does not fail on it, so an emulator can gate on regressions only.
//
// Promises: the file format is {"schema": "conform-baseline/1", "accepted": [{"fingerprint": ...,
// "operation", "check", "rule", "facet", "verdict", "note"}]}; a bare array of fingerprint strings or of
// such objects is accepted too. Loading never throws: a missing or malformed file yields nullopt and a
// message naming the file and the problem. from_report() lists every headline finding of a run report
// (root_cause.h: a finding's fingerprint accepts all its symptoms, including ones a later run adds) and
// every distinct failure (symptom).
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "harness/report/model/run_report.h"

namespace conform::report {

inline constexpr const char* kBaselineSchema = "conform-baseline/1";

struct BaselineEntry {
  std::string fingerprint, operation, check, rule, facet, verdict, note;
};

struct Baseline {
  std::vector<BaselineEntry> entries;
  bool accepts(const std::string& fingerprint) const;
};

std::optional<Baseline> parse_baseline(const Json& doc, std::string* error = nullptr);
std::optional<Baseline> load_baseline(const std::string& path, std::string* error = nullptr);
// Every distinct failure of the report; unconfirmed ones only when `include_unconfirmed`.
Baseline baseline_from_report(const RunReport& report, bool include_unconfirmed = true);
Json to_json(const Baseline& baseline);
bool save_baseline(const Baseline& baseline, const std::string& path, std::string* error = nullptr);

// Reads a whole file; nullopt (and `error`) when it cannot be read.
std::optional<std::string> read_text_file(const std::string& path, std::string* error = nullptr);
// Writes a whole file, creating parent directories.
bool write_text_file(const std::string& path, const std::string& content, std::string* error = nullptr);

}  // namespace conform::report
