// The real `conform` binary: `conform diff` exits 0 for two clean emulators and 1 with a planted fault
// (and writes every report format), accepted differences bring it back to 0; `conform record` writes a
// cassette that `conform replay` recognises and replays; a saved failure case still replays as a case;
// usage errors exit 2 with a message.
#include <gtest/gtest.h>

#include <filesystem>

#include "tests/cli/cli_support.h"

namespace {

namespace fs = std::filesystem;
using conform::testing::conform;
using conform::testing::read;
using conform::testing::Result;
using conform::testing::temp_dir;

const std::string kSmall = " --ops lambda.StopDurableExecution --checks unknown_resource,positive_acceptance --examples 2 --seed 3";

TEST(CliDiff, CleanAgainstCleanExitsZero) {
  auto dir = temp_dir("clean");
  auto r = conform("diff --target embedded --target embedded" + kSmall + " --report " + dir.string());
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("parity 100.0 %"), std::string::npos) << r.out;
  fs::remove_all(dir);
}

TEST(CliDiff, AFaultExitsOneWithEveryReport) {
  auto dir = temp_dir("fault");
  auto r = conform("diff --target embedded --target embedded:restjson-not-found-as-400" + kSmall + " --report " +
                   dir.string());
  EXPECT_EQ(r.code, 1) << r.out << r.err;
  for (const char* f : {"junit.xml", "summary.json", "report.html", "report.sarif", "diff.json"})
    EXPECT_TRUE(fs::exists(dir / f)) << f;
  auto diff = nlohmann::json::parse(read(dir / "diff.json"));
  EXPECT_GT(diff["differing"].get<int>(), 0);
  EXPECT_LT(diff["parity_percent"].get<double>(), 100.0);
  for (const auto& d : diff["differences"]) EXPECT_EQ(d["kind"], "status") << d.dump();
  EXPECT_NE(read(dir / "junit.xml").find("parity"), std::string::npos);
  auto summary = nlohmann::json::parse(read(dir / "summary.json"));
  EXPECT_EQ(summary["exitCode"], 1);
  EXPECT_NE(summary["exitReason"].get<std::string>().find("parity"), std::string::npos);

  // Accepting the status difference brings the exit code back to 0.
  std::ofstream(dir / "accept.json") << R"({"accept":[{"operation":"lambda.*","kind":"status","reason":"known"}]})";
  r = conform("diff --target embedded --target embedded:restjson-not-found-as-400" + kSmall + " --report " +
              (dir / "accepted").string() + " --normalise " + (dir / "accept.json").string());
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("[accepted]"), std::string::npos) << r.out;
  fs::remove_all(dir);
}

TEST(CliDiff, RecordThenReplayTheCassette) {
  auto dir = temp_dir("record");
  auto cassette = (dir / "c.json").string();
  auto r = conform("record" + kSmall + " --out " + cassette);
  ASSERT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_NE(read(cassette).find("\"format\": \"conform-cassette/1\""), std::string::npos);
  r = conform("replay " + cassette + " --report " + (dir / "r1").string());
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_TRUE(fs::exists(dir / "r1" / "diff.json"));
  r = conform("replay " + cassette + " --fault restjson-not-found-as-400 --report " + (dir / "r2").string());
  EXPECT_EQ(r.code, 1) << r.out << r.err;
  r = conform("replay " + cassette + " --target embedded:restjson-not-found-as-400 --report " + (dir / "r3").string());
  EXPECT_EQ(r.code, 1) << r.out << r.err;
  fs::remove_all(dir);
}

TEST(CliDiff, SavedCasesStillReplayAsCases) {
  auto dir = temp_dir("case");
  auto r = conform("run --fault restjson-not-found-as-400 --ops lambda.StopDurableExecution --checks unknown_resource "
                   "--examples 2 --seed 3 --no-progress --report " + dir.string());
  ASSERT_EQ(r.code, 1) << r.out << r.err;
  std::string case_file;
  for (const auto& e : fs::directory_iterator(dir / "cases")) case_file = e.path().string();
  ASSERT_FALSE(case_file.empty());
  r = conform("replay " + case_file);
  EXPECT_EQ(r.code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("reproduced"), std::string::npos) << r.out;
  fs::remove_all(dir);
}

TEST(CliDiff, UsageErrorsExitTwo) {
  auto dir = temp_dir("usage");
  std::ofstream(dir / "bad.json") << R"({"normalise":[{"regex":"(","kind":"x"}]})";
  std::ofstream(dir / "wrong-format.json") << R"({"format":"conform-cassette/7","exchanges":[]})";
  struct Case {
    std::string args, says;
  };
  for (const Case& c : std::vector<Case>{
           {"diff --target embedded", "exactly two"},
           {"diff --target embedded --target embedded --target embedded", "exactly two"},
           {"diff --target embedded --target embedded:no-such-fault" + kSmall, "no-such-fault"},
           {"diff --target embedded --target embedded:" + kSmall, "empty fault"},
           {"diff --target embedded --target 'not a url'" + kSmall, "not a url"},
           {"diff --target embedded --target embedded --ops NoSuchOperation", "NoSuchOperation"},
           {"diff --target embedded --target embedded --normalise " + (dir / "bad.json").string(), "regex"},
           {"diff --target embedded --target embedded --normalise /nonexistent.json", "/nonexistent.json"},
           {"record --ops StopExecution", "--out"},
           {"record --out " + (dir / "x.json").string() + " --checks no_such_check", "no_such_check"},
           {"replay " + (dir / "wrong-format.json").string(), "conform-cassette/7"},
           {"diff --target embedded --target http://192.0.2.1:4566" + kSmall, "--allow-remote"},
           {"record --target http://192.0.2.1:4566 --out " + (dir / "x.json").string() + kSmall, "--allow-remote"}}) {
    auto r = conform(c.args);
    EXPECT_EQ(r.code, 2) << c.args << "\n" << r.out << r.err;
    EXPECT_NE(r.err.find(c.says), std::string::npos) << c.args << "\n" << r.err;
  }
  fs::remove_all(dir);
}

}  // namespace
