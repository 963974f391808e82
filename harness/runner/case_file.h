// Replayable case files: one per distinct failure, written under <report>/cases/<fingerprint>.json.
//
// Promises: a case file holds the check, operation, rule, facet, verdict, provenance, expected and
// observed answers, the (shrunk) case input the check re-runs, the full request sequence with its
// answers, the run's seed and faults, a one-line `conform replay` command and an equivalent curl
// command. Credentials never appear: Authorization, X-Amz-Security-Token and cookies are redacted, and
// curl signs with --aws-sigv4 from $AWS_ACCESS_KEY_ID/$AWS_SECRET_ACCESS_KEY. load_case never throws.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "harness/report/model/run_report.h"
#include "harness/runner/run_options.h"

namespace conform::runner {

inline constexpr const char* kCaseSchema = "conform-case/1";

// The request as a shell command, signed by curl itself. `url` is the target's base URL.
std::string curl_command(const transport::Exchange& exchange, const std::string& url, const std::string& region,
                         const std::string& signing_name);
// `conform replay PATH [--target URL]` (an embedded run replays on an embedded emulator with its faults).
std::string replay_command(const std::string& case_path, const CaseRecord& record);

spec::Json exchange_to_json(const transport::Exchange& exchange);
spec::Json finding_to_json(const oracle::Finding& finding);
// `case_path` is where the file will be (for its replay line).
spec::Json case_to_json(const CaseRecord& record, const std::string& case_path);

struct LoadedCase {
  std::string fingerprint, operation, check, rule, facet, verdict, provenance, expected, observed;
  spec::Json case_input;
  std::vector<std::string> faults;
  std::string region = "us-east-1";
  std::string target;
  bool embedded = false;
  uint64_t seed = 0;
};
std::optional<LoadedCase> load_case(const std::string& path, std::string* error = nullptr);

// Writes every case of the outcome to <dir>/cases/ and fills the report's case_file, replay and curl
// fields. Returns the paths written; problems go to `errors`.
std::vector<std::string> write_case_files(RunOutcome& outcome, const std::string& report_dir,
                                          std::vector<std::string>* errors = nullptr);

}  // namespace conform::runner
