// The same seed against a fresh target yields a byte-identical request stream (--jobs 1), with the
// real check registry and the real embedded emulator.
#include <gtest/gtest.h>

#include <algorithm>
#include <mutex>

#include "tests/runner/run_support.h"

namespace conform::runner {
namespace {

struct Recorded {
  std::vector<std::string> requests;
  RunOutcome outcome;
};

std::string serialise(const http::Request& r, bool drop_signature) {
  std::string s = r.method + " " + r.target() + "\n";
  for (const auto& [name, value] : r.headers.all()) {
    if (drop_signature && (http::iequals(name, "X-Amz-Date") || http::iequals(name, "Authorization"))) continue;
    if (http::iequals(name, "Host")) continue;  // each fresh emulator listens on its own ephemeral port
    s += name + ": " + value + "\n";
  }
  return s + "\n" + r.body;
}

// concurrent_close sends simultaneous closes from several threads: their order is up to the
// scheduler, so the ordered comparisons leave that check out and a sorted comparison covers it.
std::vector<std::string> sequential_checks() {
  std::vector<std::string> names;
  for (const auto& c : oracle::registry())
    if (c.name != "concurrent_close") names.push_back(c.name);
  return names;
}

Recorded record(uint64_t seed, bool sign, std::vector<std::string> checks = sequential_checks()) {
  RunOptions options;
  options.seed = seed;
  options.examples = 2;
  options.jobs = 1;
  options.sign = sign;
  options.checks = std::move(checks);
  options.ops = {"stepfunctions.SendTaskFailure", "stepfunctions.StopExecution", "swf.RespondActivityTaskCompleted",
                 "lambda.StopDurableExecution"};
  options.embedded = embedded_emulator_factory();
  Recorded out;
  std::mutex mu;
  options.on_exchange = [&](const transport::Exchange& e) {
    std::lock_guard<std::mutex> lock(mu);
    out.requests.push_back(serialise(e.request, sign));
  };
  out.outcome = run_conformance(options);
  return out;
}

TEST(Determinism, SameSeedSameRequestBytes) {
  auto a = record(1234, false);
  auto b = record(1234, false);
  ASSERT_TRUE(a.outcome.error.empty()) << a.outcome.error;
  ASSERT_GT(a.requests.size(), 10u);
  ASSERT_EQ(a.requests.size(), b.requests.size());
  for (size_t i = 0; i < a.requests.size(); ++i) ASSERT_EQ(a.requests[i], b.requests[i]) << "request " << i;
  EXPECT_EQ(a.outcome.report.exit_code, b.outcome.report.exit_code);
}

TEST(Determinism, SignedStreamsDifferOnlyInDateAndSignature) {
  auto a = record(77, true);
  auto b = record(77, true);
  ASSERT_EQ(a.requests.size(), b.requests.size());
  for (size_t i = 0; i < a.requests.size(); ++i) ASSERT_EQ(a.requests[i], b.requests[i]) << "request " << i;
}

TEST(Determinism, WithConcurrentChecksTheSameRequestsAreSent) {
  auto a = record(99, false, {});
  auto b = record(99, false, {});
  ASSERT_EQ(a.requests.size(), b.requests.size());
  std::sort(a.requests.begin(), a.requests.end());
  std::sort(b.requests.begin(), b.requests.end());
  EXPECT_EQ(a.requests, b.requests);
}

TEST(Determinism, AnotherSeedAnotherStream) {
  auto a = record(1, false);
  auto b = record(2, false);
  EXPECT_NE(a.requests, b.requests);
}

}  // namespace
}  // namespace conform::runner
