// The emulator_single_request target's run (fuzz/support/script_run.h, run_request): every checked-in
// input replays to exactly the answer the same bytes give as a one-step script through the
// emulator_request run, keeps the invariants, and a run on the process's reset emulator answers as a
// new one.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "tests/fuzz/script_runner.h"

using namespace conform;
using fuzz::FuzzEmulator;
using fuzz::testing_support::read_input;
using fuzz::testing_support::run_request_on;
using fuzz::testing_support::run_script_on;

TEST(SingleRequest, EveryCorpusInputAnswersAsTheSameOneStepScript) {
  size_t inputs = 0, answered = 0;
  FuzzEmulator reused;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(CONFORM_SOURCE_DIR) + "/corpus/emulator_single_request")) {
    std::string bytes = read_input("corpus/emulator_single_request/" + entry.path().filename().string());
    ++inputs;
    auto single = run_request_on(reused, bytes);
    reused.reset();
    if (bytes.find("\n%%\n") != std::string::npos) continue;  // a script would split it; one request does not
    FuzzEmulator fresh;
    auto script = run_script_on(fresh, bytes);
    ASSERT_EQ(single.size(), script.size()) << entry.path();
    if (single.empty()) continue;
    ++answered;
    EXPECT_EQ(single[0].response.status, script[0].response.status) << entry.path();
    EXPECT_EQ(single[0].response.headers.all(), script[0].response.headers.all()) << entry.path();
    EXPECT_EQ(single[0].response.body, script[0].response.body) << entry.path();
    EXPECT_EQ(single[0].broken, "") << entry.path() << ": " << single[0].response.body;
  }
  EXPECT_GT(inputs, 100u);
  EXPECT_GT(answered, inputs * 9 / 10);
}

TEST(SingleRequest, NoRequestLineNoExchange) {
  FuzzEmulator emu;
  EXPECT_TRUE(run_request_on(emu, "").empty());
  EXPECT_TRUE(run_request_on(emu, "@advance 5").empty());
  EXPECT_TRUE(run_request_on(emu, "GET /x?a=%zz\n\n").empty()) << "a malformed query escape never reaches the emulator";
  EXPECT_EQ(run_request_on(emu, "POST /\n\n{}\n%%\nPOST /\n\n{}").size(), 1u) << "%% is body text here";
}
