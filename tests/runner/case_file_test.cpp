// Case files: written per distinct failure, credentials redacted, replayable (replay re-judges).
#include <gtest/gtest.h>

#include <fstream>

#include "harness/runner/case_file.h"
#include "harness/runner/replay.h"
#include "tests/runner/run_support.h"

namespace conform::runner {
namespace {

using spec::Json;

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

CaseRecord record_with_secrets() {
  CaseRecord r;
  r.fingerprint = "0123456789abcdef";
  r.finding.check = "fake_long_name";
  r.finding.operation = "stepfunctions.SendTaskFailure";
  r.finding.rule = "name-length";
  r.finding.facet = "value";
  r.finding.verdict = oracle::Verdict::Violation;
  r.finding.provenance = spec::Provenance::Measured;
  r.finding.expected = "short";
  r.finding.observed = "it's long";
  r.finding.exchange_index = 0;
  r.result.case_input = Json{{"name", "abc"}};
  transport::Exchange e;
  e.operation = "stepfunctions.SendTaskFailure";
  e.purpose = "probe";
  e.request.path = "/";
  e.request.headers.set("Content-Type", "application/x-amz-json-1.0");
  e.request.headers.set("X-Amz-Target", "AWSStepFunctions.SendTaskFailure");
  e.request.headers.set("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDSECRETKEY/20240101/us-east-1/states");
  e.request.headers.set("X-Amz-Security-Token", "SESSIONSECRET");
  e.request.body = R"({"taskToken":"it's"})";
  e.response.status = 200;
  e.response.body = "{}";
  r.result.exchanges.push_back(e);
  r.result.findings.push_back(r.finding);
  r.target = "http://127.0.0.1:4566";
  r.region = "us-east-1";
  r.signing_name = "states";
  r.run_seed = 5;
  return r;
}

TEST(CaseFile, RedactsCredentialsAndCarriesReproducers) {
  RunOutcome outcome;
  outcome.cases.push_back(record_with_secrets());
  report::FailureRecord f;
  f.fingerprint = "0123456789abcdef";
  outcome.report.failures.push_back(f);
  std::string dir = testing::temp_dir("cases");
  std::vector<std::string> errors;
  auto written = write_case_files(outcome, dir, &errors);
  ASSERT_EQ(written.size(), 1u) << (errors.empty() ? "" : errors[0]);
  std::string text = read(written[0]);
  EXPECT_EQ(text.find("AKIDSECRETKEY"), std::string::npos);
  EXPECT_EQ(text.find("SESSIONSECRET"), std::string::npos);
  EXPECT_NE(text.find("REDACTED"), std::string::npos);
  auto doc = Json::parse(text);
  EXPECT_EQ(doc["schema"], "conform-case/1");
  EXPECT_EQ(doc["rule"], "name-length");
  EXPECT_EQ(doc["provenance"], "measured");
  EXPECT_EQ(doc["replay"], "conform replay " + written[0] + " --target http://127.0.0.1:4566");
  std::string curl = doc["curl"];
  EXPECT_NE(curl.find("--aws-sigv4 'aws:amz:us-east-1:states'"), std::string::npos) << curl;
  EXPECT_NE(curl.find("-H 'X-Amz-Target: AWSStepFunctions.SendTaskFailure'"), std::string::npos) << curl;
  EXPECT_NE(curl.find(R"(--data-binary '{"taskToken":"it'\''s"}')"), std::string::npos) << curl;
  EXPECT_EQ(curl.find("Authorization"), std::string::npos);
  EXPECT_EQ(outcome.report.failures[0].case_file, "cases/0123456789abcdef.json");
  EXPECT_EQ(outcome.report.failures[0].curl_command, curl);

  std::string error;
  auto loaded = load_case(written[0], &error);
  ASSERT_TRUE(loaded) << error;
  EXPECT_EQ(loaded->check, "fake_long_name");
  EXPECT_EQ(loaded->case_input, (Json{{"name", "abc"}}));
  EXPECT_EQ(loaded->seed, 5u);
  std::filesystem::remove_all(dir);
}

TEST(CaseFile, LoadRejectsWhatIsNotACase) {
  std::string dir = testing::temp_dir("badcase");
  std::string error;
  EXPECT_FALSE(load_case(dir + "/missing.json", &error));
  for (std::string content : {"", "[]", "{\"schema\":\"other\"}", "{\"schema\":\"conform-case/1\"}", "\xff\xfe"}) {
    std::ofstream(dir + "/c.json") << content;
    EXPECT_FALSE(load_case(dir + "/c.json", &error)) << content;
    EXPECT_FALSE(error.empty());
  }
  std::filesystem::remove_all(dir);
}

TEST(Replay, ReproducesASavedFailureAndPassesOnceFixed) {
  auto options = testing::fake_options({"fake_long_name"});
  options.ops = {"stepfunctions.SendTaskFailure"};
  auto outcome = run_conformance(options);
  ASSERT_EQ(outcome.exit_code, kExitFailures);
  std::string dir = testing::temp_dir("replay");
  auto written = write_case_files(outcome, dir);
  ASSERT_EQ(written.size(), 1u);

  ReplayOptions replay;
  replay.case_file = written[0];
  replay.registry = &testing::fake_registry();
  replay.embedded = embedded_emulator_factory();
  auto again = replay_case(replay);
  EXPECT_EQ(again.exit_code, kExitFailures) << again.error;
  EXPECT_TRUE(again.reproduced);
  EXPECT_EQ(again.check, "fake_long_name");

  // Edit the case into a passing one: the replay says so.
  auto doc = Json::parse(read(written[0]));
  doc["caseInput"]["name"] = "ab";
  std::ofstream(written[0]) << doc.dump();
  auto fixed = replay_case(replay);
  EXPECT_EQ(fixed.exit_code, kExitOk) << fixed.error;
  EXPECT_FALSE(fixed.reproduced);

  replay.case_file = dir + "/nope.json";
  EXPECT_EQ(replay_case(replay).exit_code, kExitUsage);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace conform::runner
