// The real `conform fuzz` as a subprocess: bad flags exit 2 with a message; a planted fault exits 1 and
// its saved case replays with `conform replay`; a clean bounded campaign exits 0; Ctrl-C stops it
// cleanly with the reports written.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include "tests/campaign/support.h"

namespace {

namespace fs = std::filesystem;

struct Result {
  int code = -1;
  std::string out, err;
};

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string binary() { return std::string(CONFORM_BINARY_DIR) + "/conform"; }

Result conform(const std::string& args) {
  static const fs::path scratch = conform::testing::temp_dir("io");
  std::string out = (scratch / "out").string(), err = (scratch / "err").string();
  std::string cmd = binary() + " " + args + " >" + out + " 2>" + err + " </dev/null";
  int status = std::system(cmd.c_str());
  Result r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read(out);
  r.err = read(err);
  return r;
}

TEST(FuzzCli, BadFlagsExitTwoWithAMessage) {
  struct Case {
    std::string args, says;
  };
  for (const Case& c : std::vector<Case>{
           {"fuzz --bogus", "--bogus"},
           {"fuzz --jobs 0", "--jobs"},
           {"fuzz --runs 0", "--runs"},
           {"fuzz --runs lots", "--runs"},
           {"fuzz --time 5x", "duration"},
           {"fuzz --time 0", "duration"},
           {"fuzz --time 5s --runs 3", "excludes"},
           {"fuzz --seed -1", "--seed"},
           {"fuzz --runs 1 --fault no-such-fault", "no-such-fault"},
           {"fuzz --runs 1 --ops NoSuchOperation", "NoSuchOperation"},
           {"fuzz --runs 1 --checks no_such_check", "no_such_check"},
           {"fuzz --runs 1 --target http://127.0.0.1:9 --fault sfn-close-not-atomic", "--fault"},
           {"fuzz --runs 1 --target not-a-url", "URL"},
           {"fuzz --runs 1 --target http://example.com", "remote"},
       }) {
    Result r = conform(c.args);
    EXPECT_EQ(r.code, 2) << c.args << "\n" << r.err;
    EXPECT_NE(r.err.find(c.says), std::string::npos) << c.args << " should mention " << c.says << ":\n" << r.err;
  }
}

TEST(FuzzCli, UnreachableTargetExitsThree) {
  Result r = conform("fuzz --runs 5 --target http://127.0.0.1:9");
  EXPECT_EQ(r.code, 3) << r.err;
}

TEST(FuzzCli, PlantedFaultExitsOneAndTheSavedCaseReplays) {
  auto dir = conform::testing::temp_dir("cli-fault");
  Result r = conform("fuzz --runs 400 --seed 4 --jobs 2 --fault sfn-invalid-token-accepted --report " + dir);
  ASSERT_EQ(r.code, 1) << r.out << r.err;
  EXPECT_NE(r.err.find("fuzz: new failure"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("Fuzz: "), std::string::npos) << r.out;
  EXPECT_TRUE(fs::exists(fs::path(dir) / "summary.json"));
  EXPECT_TRUE(fs::exists(fs::path(dir) / "junit.xml"));
  std::vector<fs::path> cases;
  for (const auto& e : fs::directory_iterator(fs::path(dir) / "cases")) cases.push_back(e.path());
  ASSERT_FALSE(cases.empty());
  bool reproduced = false;
  for (const auto& c : cases) {
    Result again = conform("replay " + c.string());
    if (again.code == 1 && again.out.find("reproduced: the target still fails") != std::string::npos) reproduced = true;
  }
  EXPECT_TRUE(reproduced) << "no saved case reproduced";
  fs::remove_all(dir);
}

TEST(FuzzCli, CleanBoundedCampaignExitsZero) {
  auto dir = conform::testing::temp_dir("cli-clean");
  Result r = conform("fuzz --runs 150 --seed 12 --report " + dir);
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("150 executions"), std::string::npos) << r.out;
  EXPECT_TRUE(fs::exists(fs::path(dir) / "summary.json"));
  fs::remove_all(dir);
}

TEST(FuzzCli, CtrlCStopsCleanlyWithTheReportsWritten) {
  auto dir = conform::testing::temp_dir("cli-sigint");
  auto err = fs::path(dir) / "err.txt";
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    std::freopen(err.c_str(), "w", stderr);
    std::freopen("/dev/null", "w", stdout);
    execl(binary().c_str(), "conform", "fuzz", "--seed", "2", "--status-interval", "0.2", "--report",
          (fs::path(dir) / "report").c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  // Wait for the first status line (the campaign is running), then Ctrl-C.
  for (int i = 0; i < 300 && read(err).find("fuzz: ") == std::string::npos; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  kill(pid, SIGINT);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status)) << read(err);
  EXPECT_EQ(WEXITSTATUS(status), 130) << read(err);
  EXPECT_NE(read(err).find("(interrupted)"), std::string::npos) << read(err);
  EXPECT_TRUE(fs::exists(fs::path(dir) / "report" / "summary.json"));
  fs::remove_all(dir);
}

}  // namespace
