// The safety flags through the real `conform run` binary: a non-loopback target is refused without
// --allow-remote (exit 2, nothing sent); --dry-run prints the plan, sends nothing to a loopback target
// and writes no report; a dry run of a remote target names the credentials' source, never a secret.
#include <gtest/gtest.h>

#include <filesystem>

#include "tests/real_targets/counting_emulator.h"
#include "tests/sigv4_e2e/child_process.h"

namespace conform::testing {
namespace {

TEST(SafetyCli, RemoteTargetIsRefusedWithoutAllowRemote) {
  auto r = run_conform("run --target https://states.us-east-1.amazonaws.com --ops stepfunctions --no-progress",
                       {{"AWS_ACCESS_KEY_ID", "AKIAEXAMPLEEXAMPLE12"}, {"AWS_SECRET_ACCESS_KEY", "SafetyCliSecret"}});
  EXPECT_EQ(r.code, 2) << r.out << r.err;
  EXPECT_NE(r.err.find("--allow-remote"), std::string::npos) << r.err;
  EXPECT_EQ((r.out + r.err).find("SafetyCliSecret"), std::string::npos);
}

TEST(SafetyCli, DryRunSendsNothingAndWritesNoReport) {
  CountingEmulator emu;
  std::string dir = scratch_dir("dry-run-cli") + "/report";
  auto r = run_conform("run --dry-run --target " + emu.url() + " --ops stepfunctions.StopExecution --report " + dir);
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_EQ(emu.count(), 0u);
  EXPECT_NE(r.err.find("dry run (nothing is sent)"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir));
}

TEST(SafetyCli, DryRunOfARemoteTargetShowsThePlanAndTheCredentialSource) {
  auto r = run_conform("run --dry-run --target https://states.us-east-1.amazonaws.com --ops stepfunctions --rps 5",
                       {{"AWS_ACCESS_KEY_ID", "AKIAEXAMPLEEXAMPLE12"}, {"AWS_SECRET_ACCESS_KEY", "SafetyCliSecret"},
                        {"AWS_SESSION_TOKEN", "SafetyCliToken"}});
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_NE(r.err.find("credentials: environment"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("at most 5/s"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("StopExecution, DeleteStateMachine, DeleteActivity"), std::string::npos) << r.err;
  for (const char* secret : {"SafetyCliSecret", "SafetyCliToken", "AKIAEXAMPLEEXAMPLE12"})
    EXPECT_EQ((r.out + r.err).find(secret), std::string::npos) << secret;
}

}  // namespace
}  // namespace conform::testing
