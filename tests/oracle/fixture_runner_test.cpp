// FixtureRunner and template expansion: unit behaviour and real recipes against the emulator.
#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "harness/fixture/fixture_runner.h"
#include "tests/oracle/e2e_support.h"

using namespace conform;
using spec::Json;

TEST(Template, ExactVariableKeepsItsJsonType) {
  fixture::Variables v;
  v.set("seq", 7);
  v.set("arn", "arn:aws:states:x");
  EXPECT_EQ(fixture::expand(Json("${seq}"), v), Json(7));
  EXPECT_EQ(fixture::expand(Json("n-${seq}-${arn}"), v), Json("n-7-arn:aws:states:x"));
  Json nested = {{"a", Json::array({"${arn}", 1})}, {"b", {{"c", "${seq}"}}}};
  EXPECT_EQ(fixture::expand(nested, v), (Json{{"a", Json::array({"arn:aws:states:x", 1})}, {"b", {{"c", 7}}}}));
}

TEST(Template, MissingVariablesAreKeptAndReported) {
  fixture::Variables v;
  std::vector<std::string> missing;
  EXPECT_EQ(fixture::expand_string("x ${nope} ${*} ${nope}", v, &missing), "x ${nope} ${*} ${nope}");
  ASSERT_EQ(missing.size(), 1u);  // reported once; ${*} is a wildcard, not a variable
  EXPECT_EQ(missing[0], "nope");
}

TEST(FixtureRunner, BuiltinsAreUniqueAndUuidsDeterministicForTheSeed) {
  const auto& specs = spec::builtin_specs();
  fixture::RunIdentity id;
  id.seed = 99;
  fixture::FixtureRunner a(specs, id), b(specs, id);
  std::set<int> seqs;
  std::set<std::string> uuids;
  for (int i = 0; i < 50; ++i) {
    auto va = a.builtins(), vb = b.builtins();
    EXPECT_EQ(*va.get("uuid"), *vb.get("uuid"));
    seqs.insert(va.get("seq")->get<int>());
    uuids.insert(va.get("uuid")->get<std::string>());
    EXPECT_EQ(va.get("uuid")->get<std::string>().size(), 36u);
  }
  EXPECT_EQ(seqs.size(), 50u);
  EXPECT_EQ(uuids.size(), 50u);
  id.seed = 100;
  fixture::FixtureRunner c(specs, id);
  EXPECT_NE(*c.builtins().get("uuid"), *fixture::FixtureRunner(specs, fixture::RunIdentity{}).builtins().get("uuid"));
}

TEST(FixtureRunner, AcquiresRecipesAgainstTheEmulatorAndReleasesOnce) {
  e2e::Target t;
  ASSERT_TRUE(t.ok()) << t.error();
  auto caller = t.make_caller();
  fixture::FixtureRunner runner(t.specs(), fixture::RunIdentity{});
  for (const char* svc : {"stepfunctions", "swf", "lambda"}) {
    const auto* service = t.specs().find_service(svc);
    ASSERT_NE(service, nullptr);
    for (const auto& [name, recipe] : service->fixtures) {
      if (name.find("TimedOut") != std::string::npos) continue;  // sleeps 1.5 s; covered by the e2e checks
      std::string reason;
      auto inst = runner.acquire(*caller, svc, name, &reason);
      ASSERT_TRUE(inst) << svc << "." << name << ": " << reason;
      for (const auto& p : recipe.provides) EXPECT_NE(inst->vars.get(p), nullptr) << name << " lacks " << p;
      size_t before = caller->exchanges().size();
      runner.release(*caller, *inst);
      size_t after_first = caller->exchanges().size();
      EXPECT_EQ(after_first - before, recipe.cleanup.size()) << name;
      runner.release(*caller, *inst);  // a second release does nothing
      EXPECT_EQ(caller->exchanges().size(), after_first);
    }
  }
  EXPECT_TRUE(runner.cleanup_all(*caller).empty());
}

TEST(FixtureRunner, FailingStepGivesAReasonAndNoInstance) {
  const auto& specs = spec::builtin_specs();
  transport::CallerOptions options;
  options.max_retries = 0;
  transport::Caller caller(*transport::Url::parse("http://127.0.0.1:9"), options);
  fixture::FixtureRunner runner(specs, fixture::RunIdentity{});
  std::string reason;
  EXPECT_FALSE(runner.acquire(caller, "stepfunctions", "activityTask", &reason));
  EXPECT_NE(reason.find("CreateActivity"), std::string::npos) << reason;
  EXPECT_FALSE(runner.acquire(caller, "stepfunctions", "noSuchFixture", &reason));
  EXPECT_NE(reason.find("unknown fixture"), std::string::npos) << reason;
}

TEST(FixtureRunner, ConcurrentAcquiresGetDistinctResources) {
  e2e::Target t;
  ASSERT_TRUE(t.ok()) << t.error();
  fixture::FixtureRunner runner(t.specs(), fixture::RunIdentity{});
  std::vector<std::optional<fixture::Instance>> got(4);
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([&, i] {
      auto caller = t.make_caller();
      got[i] = runner.acquire(*caller, "stepfunctions", "activityTask");
    });
  for (auto& th : threads) th.join();
  std::set<std::string> tokens;
  for (const auto& g : got) {
    ASSERT_TRUE(g);
    tokens.insert(g->vars.get("taskToken")->get<std::string>());
  }
  EXPECT_EQ(tokens.size(), 4u);
  auto caller = t.make_caller();
  EXPECT_TRUE(runner.cleanup_all(*caller).empty());
}

TEST(FixtureRunner, ACleanUpThatFindsTheResourceGoneIsNoProblem) {
  e2e::Target t;
  ASSERT_TRUE(t.ok()) << t.error();
  auto caller = t.make_caller();
  fixture::FixtureRunner runner(t.specs(), fixture::RunIdentity{});
  std::string reason;
  auto inst = runner.acquire(*caller, "lambda", "durableExecution", &reason);
  ASSERT_TRUE(inst) << reason;
  // The resource goes away before its clean-up (as when a Delete is the operation under test).
  const auto* del = t.specs().find_operation("lambda.DeleteFunction");
  auto r = caller->call(*t.specs().find_service("lambda"), *del, Json{{"FunctionName", *inst->vars.get("functionName")}}, "probe");
  ASSERT_TRUE(r.ok()) << r.status;
  runner.release(*caller, *inst);
  for (const auto& problem : runner.cleanup_all(*caller))
    EXPECT_EQ(problem.find("DeleteFunction"), std::string::npos) << problem;
}

TEST(FixtureRunner, AdoptedProductsAreReleasedWithTheirOwnCleanUp) {
  e2e::Target t;
  ASSERT_TRUE(t.ok()) << t.error();
  auto caller = t.make_caller();
  fixture::FixtureRunner runner(t.specs(), fixture::RunIdentity{});
  const auto* svc = t.specs().find_service("stepfunctions");
  const auto* create = t.specs().find_operation("stepfunctions.CreateActivity");
  auto made = caller->call(*svc, *create, Json{{"name", "adopted-activity"}}, "probe");
  ASSERT_TRUE(made.ok());
  fixture::Variables vars = runner.builtins();
  ASSERT_TRUE(fixture::capture_into({spec::Capture{"activityArn", false, "/activityArn"}}, made, nullptr, vars));
  std::vector<spec::Step> cleanup(1);
  cleanup[0].operation = "DeleteActivity";
  cleanup[0].input = Json{{"activityArn", "${activityArn}"}};
  auto inst = runner.adopt("stepfunctions", "made by CreateActivity", cleanup, vars);
  caller->take_exchanges();
  EXPECT_TRUE(runner.cleanup_all(*caller).empty());
  auto log = caller->take_exchanges();
  ASSERT_EQ(log.size(), 1u);  // released exactly once, by its own clean-up
  EXPECT_EQ(log[0].operation, "stepfunctions.DeleteActivity");
  EXPECT_EQ(log[0].response.status, 200);
  EXPECT_TRUE(runner.cleanup_all(*caller).empty());
  EXPECT_TRUE(caller->take_exchanges().empty());
}
