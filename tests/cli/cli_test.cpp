// The real `conform` binary as a subprocess: bad flags exit 2 with a message; `conform run` against the
// clean embedded emulator exits 0 and writes the reports; a planted fault exits 1 with a replayable
// case; baselines; the emulator and checks listings.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>

#include "emulator/core/faults.h"
#include "harness/oracle/check.h"
#include "tests/cli/cli_support.h"

namespace {

using conform::testing::conform;
using conform::testing::read;
using conform::testing::Result;
using conform::testing::temp_dir;
namespace fs = std::filesystem;

TEST(Cli, BadFlagsExitTwoWithAMessage) {
  struct Case {
    std::string args, says;
  };
  for (const Case& c : std::vector<Case>{
           {"", "subcommand"},
           {"frobnicate", "frobnicate"},
           {"run --bogus", "--bogus"},
           {"run --jobs 0", "--jobs"},
           {"run --jobs lots", "--jobs"},
           {"run --examples -3", "--examples"},
           {"run --seed -1", "--seed"},
           {"run --shard 5/2", "--shard"},
           {"run --shard x", "--shard"},
           {"run --ops NoSuchOperation", "NoSuchOperation"},
           {"run --checks no_such_check", "no_such_check"},
           {"run --fault no-such-fault", "no-such-fault"},
           {"run --target notaurl", "notaurl"},
           {"run --spec /nonexistent-dir", "/nonexistent-dir"},
           {"run --baseline /nonexistent.json", "/nonexistent.json"},
           {"replay", "case"},
           {"replay /nonexistent-case.json", "/nonexistent-case.json"},
           {"baseline --out x.json", "--from"},
           {"emulator --port 99999", "--port"},
           {"specs", "subcommand"},
       }) {
    Result r = conform(c.args);
    EXPECT_EQ(r.code, 2) << "conform " << c.args << "\n" << r.out << r.err;
    EXPECT_NE(r.err.find(c.says), std::string::npos) << "conform " << c.args << ": " << r.err;
  }
}

TEST(Cli, HelpExitsZero) {
  Result r = conform("--help");
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("run"), std::string::npos);
  EXPECT_NE(r.out.find("Exit codes"), std::string::npos);
  r = conform("run --help");
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("--shard"), std::string::npos);
}

TEST(Cli, UnreachableTargetExitsThree) {
  Result r = conform("run --target http://127.0.0.1:1 --no-progress");
  EXPECT_EQ(r.code, 3) << r.out << r.err;
  EXPECT_NE(r.err.find("unreachable"), std::string::npos) << r.err;
}

TEST(Cli, EmulatorListsEveryFault) {
  Result r = conform("emulator --list-faults");
  EXPECT_EQ(r.code, 0) << r.err;
  for (const auto& f : conform::emulator::all_faults()) EXPECT_NE(r.out.find(std::string(f.name)), std::string::npos) << f.name;
}

TEST(Cli, ChecksListsTheRegistry) {
  Result r = conform("checks");
  EXPECT_EQ(r.code, 0) << r.err;
  for (const auto& c : conform::oracle::registry()) EXPECT_NE(r.out.find(c.name), std::string::npos) << c.name;
}

TEST(Cli, SpecsCheckAcceptsTheBuiltInSpecs) {
  Result r = conform("specs check");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("SendTaskFailure"), std::string::npos) << r.out;
  r = conform(std::string("specs check ") + CONFORM_SOURCE_DIR + "/specs");
  EXPECT_EQ(r.code, 0) << r.err;
}

TEST(Cli, CleanRunExitsZeroAndWritesTheReports) {
  fs::path dir = temp_dir("clean");
  Result r = conform("run --seed 3 --examples 2 --jobs 2 --no-progress --report " + (dir / "r").string());
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  for (const char* file : {"summary.json", "junit.xml", "report.html", "report.sarif"})
    EXPECT_TRUE(fs::exists(dir / "r" / file)) << file;
  EXPECT_NE(r.out.find("Result: exit 0"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Reports: " + (dir / "r").string()), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("stepfunctions.SendTaskFailure"), std::string::npos);
  fs::remove_all(dir);
}

TEST(Cli, PlantedFaultExitsOneAndItsCaseReplays) {
  fs::path dir = temp_dir("fault");
  std::string report = (dir / "r").string();
  Result r = conform("run --seed 5 --examples 2 --no-progress --ops stepfunctions --fault sfn-closed-token-accepted "
                     "--report " + report);
  ASSERT_EQ(r.code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("VIOLATION"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("closed_token_idempotence"), std::string::npos) << r.out;
  ASSERT_TRUE(fs::exists(dir / "r" / "cases"));
  std::vector<fs::path> cases;
  for (const auto& e : fs::directory_iterator(dir / "r" / "cases")) cases.push_back(e.path());
  ASSERT_FALSE(cases.empty());
  // A closed-token case replays on a fresh embedded emulator with the same fault...
  fs::path chosen = cases.front();
  for (const auto& c : cases)
    if (read(c).find("\"check\": \"closed_token_idempotence\"") != std::string::npos) chosen = c;
  Result replay = conform("replay " + chosen.string());
  EXPECT_EQ(replay.code, 1) << replay.out << replay.err;
  EXPECT_NE(replay.out.find("reproduced"), std::string::npos) << replay.out;
  // ...and passes on a clean one.
  Result clean = conform("replay " + chosen.string() + " --no-faults");
  EXPECT_EQ(clean.code, 0) << clean.out << clean.err;
  EXPECT_NE(clean.out.find("not reproduced"), std::string::npos) << clean.out;

  // The baseline accepts these failures: the same run then exits 0.
  std::string baseline = (dir / "baseline.json").string();
  Result b = conform("baseline --from " + report + " --out " + baseline);
  ASSERT_EQ(b.code, 0) << b.err;
  Result again = conform("run --seed 5 --examples 2 --no-progress --ops stepfunctions --fault sfn-closed-token-accepted "
                         "--baseline " + baseline + " --report " + (dir / "r2").string());
  EXPECT_EQ(again.code, 0) << again.out << again.err;
  EXPECT_NE(again.out.find("accepted"), std::string::npos) << again.out;
  fs::remove_all(dir);
}

}  // namespace
