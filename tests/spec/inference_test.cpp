// Recipe inference (spec/inference.h) on the shipped specs: operations nobody wrote a recipe for get
// one from the hand-written recipes, each binding explained, and nothing inferred uses a variable its
// fixture does not capture.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>

#include "harness/spec/builtin_specs.h"
#include "harness/spec/inference.h"
#include "harness/spec/loader.h"
#include "tests/spec/spec_files.h"

namespace conform::spec {
namespace {

const Operation& op(const std::string& id) {
  const Operation* o = builtin_specs().find_operation(id);
  if (!o) throw std::runtime_error("no operation " + id);
  return *o;
}

const Fixture& fixture_of(const Operation& o) {
  return builtin_specs().find_service(o.service)->fixtures.at(o.lifecycle->fixture);
}

std::vector<std::string> step_operations(const Fixture& f) {
  std::vector<std::string> out;
  for (const auto& s : f.steps)
    if (!s.operation.empty()) out.push_back(s.operation);
  return out;
}

const Rule* rule(const Operation& o, Situation s, const std::string& member) {
  for (const auto& r : o.rules)
    if (r.situation == s && r.member && *r.member == member) return &r;
  return nullptr;
}

TEST(Inference, DescribeActivityGetsAnActivityFromTheSfnRecipe) {
  const Operation& d = op("stepfunctions.DescribeActivity");
  ASSERT_TRUE(d.lifecycle);
  EXPECT_TRUE(d.lifecycle->inferred);
  EXPECT_EQ(step_operations(fixture_of(d)), std::vector<std::string>{"CreateActivity"});
  EXPECT_EQ(d.lifecycle->bind["activityArn"], "${activityArn}");
  const Rule* unknown = rule(d, Situation::UnknownResource, "activityArn");
  ASSERT_NE(unknown, nullptr);
  EXPECT_EQ(unknown->expect.error, "ActivityDoesNotExist");
  EXPECT_EQ(unknown->expect.provenance, Provenance::Model);  // its only not-found error
  EXPECT_FALSE(d.lifecycle->note.empty());
}

TEST(Inference, DeleteStateMachineClosesAndReadsBackNotFound) {
  const Operation& d = op("stepfunctions.DeleteStateMachine");
  ASSERT_TRUE(d.lifecycle);
  EXPECT_TRUE(d.lifecycle->closes);
  ASSERT_TRUE(d.lifecycle->read_back);
  EXPECT_EQ(d.lifecycle->read_back->operation, "DescribeStateMachine");
  ASSERT_EQ(d.lifecycle->after_close.size(), 1u);
  EXPECT_EQ(d.lifecycle->after_close[0].error, "StateMachineDoesNotExist");
  EXPECT_EQ(d.lifecycle->after_close[0].provenance, Provenance::Inferred);  // deletions may be eventually consistent
  EXPECT_EQ(step_operations(fixture_of(d)), (std::vector<std::string>{"CreateActivity", "CreateStateMachine"}));
}

TEST(Inference, DescribeWorkflowTypeBindsTheDomainAndTheTypeStructure) {
  const Operation& d = op("swf.DescribeWorkflowType");
  ASSERT_TRUE(d.lifecycle);
  EXPECT_TRUE(d.lifecycle->bind.contains("domain"));
  ASSERT_TRUE(d.lifecycle->bind.contains("workflowType"));
  EXPECT_TRUE(d.lifecycle->bind["workflowType"].contains("name"));
  EXPECT_TRUE(d.lifecycle->bind["workflowType"].contains("version"));
  auto steps = step_operations(fixture_of(d));
  EXPECT_NE(std::find(steps.begin(), steps.end(), "RegisterWorkflowType"), steps.end());
  EXPECT_EQ(std::find(steps.begin(), steps.end(), "StartWorkflowExecution"), steps.end());  // the shortest prefix
}

TEST(Inference, GetFunctionBindsTheFunctionNameCapturedByTheLambdaRecipe) {
  const Operation& g = op("lambda.GetFunction");
  ASSERT_TRUE(g.lifecycle);
  EXPECT_EQ(g.lifecycle->bind["FunctionName"], "${functionName}");
  EXPECT_EQ(step_operations(fixture_of(g)), std::vector<std::string>{"CreateFunction"});
  const Rule* unknown = rule(g, Situation::UnknownResource, "FunctionName");
  ASSERT_NE(unknown, nullptr);
  EXPECT_EQ(unknown->expect.error, "ResourceNotFoundException");
  // A random Qualifier would name a version nobody published: left out of valid requests.
  const auto& omit = g.lifecycle->omit;
  EXPECT_NE(std::find(omit.begin(), omit.end(), "Qualifier"), omit.end());
}

TEST(Inference, AProducerIsSentAsItsRecipeSendsItAndCleansUpWhatItMakes) {
  const Operation& c = op("stepfunctions.CreateActivity");
  ASSERT_TRUE(c.lifecycle);
  EXPECT_TRUE(fixture_of(c).steps.empty());  // nothing comes before it
  ASSERT_EQ(c.lifecycle->produces.size(), 1u);
  EXPECT_EQ(c.lifecycle->produces[0].variable, "activityArn");
  ASSERT_EQ(c.lifecycle->cleanup.size(), 1u);
  EXPECT_EQ(c.lifecycle->cleanup[0].operation, "DeleteActivity");
  EXPECT_TRUE(c.lifecycle->consumed.empty());  // its name is new, not a reference
  EXPECT_EQ(rule(c, Situation::UnknownResource, "name"), nullptr);
}

TEST(Inference, StartWorkflowExecutionConsumesItsDomainButNotItsNewWorkflowId) {
  const Operation& s = op("swf.StartWorkflowExecution");
  ASSERT_TRUE(s.lifecycle);
  const auto& consumed = s.lifecycle->consumed;
  EXPECT_NE(std::find(consumed.begin(), consumed.end(), "domain"), consumed.end());
  EXPECT_EQ(std::find(consumed.begin(), consumed.end(), "workflowId"), consumed.end());
  EXPECT_EQ(rule(s, Situation::UnknownResource, "workflowId"), nullptr);
}

TEST(Inference, AListIsAimedAtWhatTheRecipeMakesAndItsPagesAreKnown) {
  const Operation& l = op("stepfunctions.ListActivities");
  ASSERT_TRUE(l.lifecycle);
  EXPECT_EQ(step_operations(fixture_of(l)), std::vector<std::string>{"CreateActivity"});
  ASSERT_TRUE(l.pagination);
  EXPECT_EQ(l.pagination->input_token, "nextToken");
  EXPECT_EQ(l.pagination->output_token, "nextToken");
  EXPECT_EQ(l.pagination->page_size, "maxResults");
  EXPECT_EQ(l.pagination->items, "activities");
  const auto& omit = l.lifecycle->omit;
  EXPECT_NE(std::find(omit.begin(), omit.end(), "nextToken"), omit.end());
  const Operation& f = op("lambda.ListFunctions");
  ASSERT_TRUE(f.pagination);
  EXPECT_EQ(f.pagination->input_token, "Marker");
  EXPECT_EQ(f.pagination->output_token, "NextMarker");
}

TEST(Inference, HandWrittenLifecyclesAreNeverReplaced) {
  for (const char* id : {"stepfunctions.SendTaskFailure", "swf.RespondActivityTaskFailed", "lambda.StopDurableExecution"}) {
    const Operation& o = op(id);
    ASSERT_TRUE(o.lifecycle) << id;
    EXPECT_FALSE(o.lifecycle->inferred) << id;
  }
}

TEST(Inference, InferredFixturesUseOnlyVariablesCapturedBeforeThem) {
  static const std::regex var(R"(\$\{([A-Za-z][A-Za-z0-9]*)\})");
  const std::set<std::string> builtins = {"run", "seq", "uuid", "region", "account"};
  int inferred = 0;
  for (const auto& [name, service] : builtin_specs().services) {
    for (const auto& [fname, f] : service.fixtures) {
      if (!f.inferred) continue;
      ++inferred;
      std::set<std::string> available = builtins;
      for (const auto& step : f.steps) {
        const std::string text = step.input.dump();
        for (auto it = std::sregex_iterator(text.begin(), text.end(), var); it != std::sregex_iterator(); ++it)
          EXPECT_TRUE(available.count((*it)[1].str())) << name << "." << fname << " uses ${" << (*it)[1].str() << "}";
        for (const auto& c : step.captures) available.insert(c.variable);
        for (const auto& c : step.input_captures) available.insert(c.variable);
      }
    }
  }
  EXPECT_GT(inferred, 3);
}

TEST(Inference, AModelWithoutRecipesNamesItsUnproducedMembers) {
  std::vector<EmbeddedFile> files = {
      {"tasks/service.json", testing_support::minimal_service_json("tasks")},
      {"tasks/model/DescribeWidget.json",
       R"({"kind":"operation","service":"tasks","name":"DescribeWidget","role":"subject","http":{"method":"POST","uri":"/"},
           "input":{"members":{"widgetArn":{"type":"string","required":true}}},"output":null,"errors":[]})"},
      {"tasks/model/ListWidgets.json",
       R"({"kind":"operation","service":"tasks","name":"ListWidgets","role":"subject","http":{"method":"POST","uri":"/"},
           "input":{"members":{"maxResults":{"type":"integer"}}},"output":null,"errors":[]})"},
  };
  LoadResult r = load_spec_files(files);
  ASSERT_TRUE(r.ok()) << r.errors[0].to_string();
  EXPECT_EQ(unproduced_members(*r.specs, "tasks"), std::vector<std::string>{"tasks.DescribeWidget.widgetArn"});
  const Operation* list = r.specs->find_operation("tasks.ListWidgets");
  ASSERT_TRUE(list && list->lifecycle);  // a reading request with nothing to fill stands alone
  EXPECT_TRUE(builtin_specs().find_service("stepfunctions") != nullptr);
}

}  // namespace
}  // namespace conform::spec
