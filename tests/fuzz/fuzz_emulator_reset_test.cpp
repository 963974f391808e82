// FuzzEmulator::reset (fuzz/support/fuzz_emulator.h) and Emulator::reset under it: the emulator_request
// target reuses one emulator for every input, so no state may leak from one input to the next. After
// any script and a reset, every answer (status, headers, body: issued ids and request ids included)
// equals a new emulator's, and the clock is back at its start.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/fuzz/script_runner.h"

using namespace conform;
using fuzz::FuzzEmulator;
using fuzz::testing_support::corpus_inputs;
using fuzz::testing_support::read_input;
using fuzz::testing_support::run_script_on;
using fuzz::testing_support::ScriptExchange;

namespace {

void expect_same_answers(const std::vector<ScriptExchange>& reused, const std::vector<ScriptExchange>& fresh,
                         const std::string& what) {
  ASSERT_EQ(reused.size(), fresh.size()) << what;
  for (size_t i = 0; i < reused.size(); ++i) {
    EXPECT_EQ(reused[i].response.status, fresh[i].response.status) << what << " exchange " << i;
    EXPECT_EQ(reused[i].response.headers.all(), fresh[i].response.headers.all()) << what << " exchange " << i;
    EXPECT_EQ(reused[i].response.body, fresh[i].response.body) << what << " exchange " << i;
    EXPECT_EQ(reused[i].broken, fresh[i].broken) << what << " exchange " << i;
  }
}

const char* kActivityTaskFixture =
    "POST /\nX-Amz-Target: AWSStepFunctions.CreateActivity\nContent-Type: application/x-amz-json-1.0\n\n"
    "{\"name\":\"reset-act\"}\n%%\n"
    "POST /\nX-Amz-Target: AWSStepFunctions.CreateStateMachine\nContent-Type: application/x-amz-json-1.0\n\n"
    "{\"name\":\"reset-sm\",\"definition\":\"{\\\"StartAt\\\":\\\"T\\\",\\\"States\\\":{\\\"T\\\":{\\\"Type\\\":"
    "\\\"Task\\\",\\\"Resource\\\":\\\"{{activityArn}}\\\",\\\"End\\\":true}}}\","
    "\"roleArn\":\"arn:aws:iam::123456789012:role/conform-fz\"}\n%%\n"
    "POST /\nX-Amz-Target: AWSStepFunctions.StartExecution\nContent-Type: application/x-amz-json-1.0\n\n"
    "{\"stateMachineArn\":\"{{stateMachineArn}}\",\"name\":\"reset-ex\"}\n%%\n"
    "POST /\nX-Amz-Target: AWSStepFunctions.GetActivityTask\nContent-Type: application/x-amz-json-1.0\n\n"
    "{\"activityArn\":\"{{activityArn}}\"}\n";

std::string sfn_step(const std::string& op, const std::string& body) {
  return "POST /\nX-Amz-Target: AWSStepFunctions." + op + "\nContent-Type: application/x-amz-json-1.0\n\n" + body;
}

}  // namespace

// The live resources of a script are gone after a reset: the token and execution it obtained are
// unknown to the reset emulator exactly as to a new one, and the ids it issues next are a new one's.
TEST(FuzzEmulatorReset, DropsTheResourcesOfTheScriptBefore) {
  FuzzEmulator emu;
  auto fixture = run_script_on(emu, kActivityTaskFixture);
  ASSERT_EQ(fixture.size(), 4u);
  for (const auto& e : fixture) ASSERT_EQ(e.response.status, 200) << e.response.body;
  auto token = nlohmann::json::parse(fixture[3].response.body).value("taskToken", "");
  auto execution = nlohmann::json::parse(fixture[2].response.body).value("executionArn", "");
  ASSERT_FALSE(token.empty());
  ASSERT_FALSE(execution.empty());
  std::string probes = sfn_step("SendTaskSuccess", "{\"taskToken\":\"" + token + "\",\"output\":\"{}\"}") + "\n%%\n" +
                       sfn_step("DescribeExecution", "{\"executionArn\":\"" + execution + "\"}") + "\n%%\n" +
                       kActivityTaskFixture;

  emu.reset();
  auto after_reset = run_script_on(emu, probes);
  FuzzEmulator fresh;
  auto on_new = run_script_on(fresh, probes);
  expect_same_answers(after_reset, on_new, "probes");
  ASSERT_GE(after_reset.size(), 2u);
  EXPECT_NE(after_reset[0].response.status, 200) << "the closed-over token must be unknown after reset";
  EXPECT_NE(after_reset[1].response.status, 200) << "the execution must be unknown after reset";
}

// As the target runs its inputs: every checked-in input, run on one emulator reset after each, answers
// as on a new emulator (each input after another one that left resources, tokens and advanced time).
TEST(FuzzEmulatorReset, EveryCorpusInputAfterAnotherAnswersAsOnANewEmulator) {
  auto files = corpus_inputs();
  ASSERT_FALSE(files.empty());
  FuzzEmulator reused;
  for (const auto& file : files) {
    std::string bytes = read_input(file);
    auto after = run_script_on(reused, bytes);
    reused.reset();
    FuzzEmulator fresh;
    expect_same_answers(after, run_script_on(fresh, bytes), file);
    if (::testing::Test::HasFailure()) break;  // one diagnosis is enough
  }
}

TEST(FuzzEmulatorReset, ClockBackAtItsStart) {
  FuzzEmulator emu;
  emu.clock().advance(3600);
  ASSERT_EQ(emu.clock().now(), fuzz::FuzzClock::kStart + 3600);
  emu.reset();
  EXPECT_EQ(emu.clock().now(), fuzz::FuzzClock::kStart);
}

// Emulator::reset restarts the throttle count too (EmulatorOptions::throttle_every).
TEST(EmulatorReset, RestartsTheThrottleCount) {
  emulator::EmulatorOptions options;
  options.throttle_every = 2;
  emulator::Emulator emu(options);
  http::Request create;
  create.headers.set("X-Amz-Target", "AWSStepFunctions.CreateActivity");
  create.headers.set("Content-Type", "application/x-amz-json-1.0");
  create.body = "{\"name\":\"throttled\"}";
  EXPECT_NE(emu.handle(create).body.find("activityArn"), std::string::npos);
  emu.reset();
  EXPECT_NE(emu.handle(create).body.find("activityArn"), std::string::npos) << "the first request after reset";
  EXPECT_NE(emu.handle(create).body.find("ThrottlingException"), std::string::npos) << "the second one";
}

// The targets' InputScope lends every input the process's one emulator, as new each time.
TEST(FuzzEmulatorReset, InputScopeLendsTheSameEmulatorAsNew) {
  const std::string create = sfn_step("CreateActivity", "{\"name\":\"scoped\"}");
  FuzzEmulator* first = nullptr;
  std::vector<ScriptExchange> a, b;
  {
    fuzz::InputScope scope;
    first = &scope.emulator();
    a = run_script_on(scope.emulator(), create);
  }
  {
    fuzz::InputScope scope;
    EXPECT_EQ(&scope.emulator(), first);
    b = run_script_on(scope.emulator(), create);
  }
  expect_same_answers(b, a, "the same first request in two scopes");
}
