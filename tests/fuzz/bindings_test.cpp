// Placeholder bindings of request scripts (fuzz/support/bindings.h): a script's Bindings learn only the
// names its steps use, yet every request they build equals the one built by learning every name.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "fuzz/support/bindings.h"
#include "fuzz/support/fuzz_emulator.h"
#include "fuzz/support/request_script.h"
#include "tests/fuzz/script_runner.h"

using namespace conform;
using fuzz::Bindings;
using fuzz::testing_support::corpus_inputs;
using fuzz::testing_support::read_input;

namespace {

http::Response answer(std::string body, std::vector<std::pair<std::string, std::string>> headers = {}) {
  http::Response r;
  r.status = 200;
  r.body = std::move(body);
  for (auto& [k, v] : headers) r.headers.add(k, v);
  return r;
}

}  // namespace

TEST(Bindings, PlaceholdersAreFoundAsSubstituteMeetsThem) {
  std::vector<std::string> names;
  fuzz::for_each_placeholder("a{{x}}b{{y%}}{{ {{z}} {{open", [&](std::string_view n) { names.emplace_back(n); });
  EXPECT_EQ(names, (std::vector<std::string>{"x", "y", " {{z"}));
}

TEST(Bindings, LearnOnlyTheNamesTheStepsUse) {
  auto steps = fuzz::parse_script(
      "POST /\nX-Amz-Target: AWSStepFunctions.SendTaskSuccess\nX-Run: {{runId}}\n\n{\"taskToken\":\"{{taskToken}}\"}\n%%\n"
      "GET /2025-12-01/durable-executions/{{X-Amz-Durable-Execution-Arn%}}\n\n");
  Bindings b(steps);
  b.learn(answer("{\"taskToken\":\"t1\",\"other\":\"o\",\"nested\":{\"runId\":7}}",
                 {{"X-Amz-Durable-Execution-Arn", "arn:x"}, {"x-amzn-RequestId", "r"}}));
  EXPECT_EQ(b.values(), (std::map<std::string, std::string>{
                            {"taskToken", "t1"}, {"runId", "7"}, {"X-Amz-Durable-Execution-Arn", "arn:x"}}));
  EXPECT_EQ(b.substitute("/{{X-Amz-Durable-Execution-Arn%}}/{{other}}"), "/arn%3Ax/{{other}}");
}

TEST(Bindings, KeysSpelledWithEscapesAreLearnedToo) {
  Bindings b(fuzz::parse_script("POST /\n\n{{taskToken}}"));
  b.learn(answer("{\"task\\u0054oken\":\"t2\"}"));
  EXPECT_EQ(b.substitute("{{taskToken}}"), "t2");
}

TEST(Bindings, ScriptWithoutPlaceholdersLearnsNothing) {
  Bindings b(fuzz::parse_script("POST /\n\n{\"a\":1}"));
  EXPECT_TRUE(b.learns_nothing());
  b.learn(answer("{\"a\":\"x\"}", {{"a", "y"}}));
  EXPECT_TRUE(b.values().empty());
}

// Every checked-in input, run as the target runs it: at every step the request built with the
// script's filtered bindings equals the one built by bindings that learn every name.
TEST(Bindings, FilteredBindingsBuildTheSameRequestsAsLearningEveryName) {
  auto files = corpus_inputs();
  ASSERT_FALSE(files.empty());
  size_t substituted = 0;
  for (const auto& file : files) {
    auto steps = fuzz::parse_script(read_input(file));
    fuzz::FuzzEmulator emu;
    Bindings filtered(steps), every;
    for (const auto& step : steps) {
      if (step.is_advance) {
        emu.clock().advance(step.advance_seconds);
        continue;
      }
      auto a = fuzz::to_request(step, filtered);
      auto b = fuzz::to_request(step, every);
      ASSERT_EQ(a.has_value(), b.has_value()) << file;
      if (!a) continue;
      EXPECT_EQ(a->target(), b->target()) << file;
      EXPECT_EQ(a->headers.all(), b->headers.all()) << file;
      ASSERT_EQ(a->body, b->body) << file;
      if (a->body != step.body) ++substituted;
      http::Response r = emu.handle(*a);
      filtered.learn(r);
      every.learn(r);
    }
  }
  EXPECT_GT(substituted, 50u) << "the corpus binds placeholders (else this test shows nothing)";
}
