// The ASL subset parser and the Pass/Task walk.
#include <gtest/gtest.h>

#include "emulator/sfn/asl.h"
#include "emulator/sfn/interpreter.h"

using namespace conform::emulator::sfn;

namespace {
const std::string kAct = "arn:aws:states:us-east-1:123456789012:activity:a";

std::string err(const std::string& def) { return parse_definition(def).error; }
}  // namespace

TEST(SfnAsl, ParsesTheFixtureDefinition) {
  auto p = parse_definition(R"({"StartAt":"T","States":{"T":{"Type":"Task","Resource":")" + kAct +
                            R"(","TimeoutSeconds":5,"HeartbeatSeconds":2,"End":true}}})");
  ASSERT_TRUE(p.definition) << p.error;
  const StateDef& t = p.definition->states.at("T");
  EXPECT_EQ(t.kind, StateKind::Task);
  EXPECT_EQ(t.resource, kAct);
  EXPECT_EQ(t.timeout_seconds, 5);
  EXPECT_EQ(t.heartbeat_seconds, 2);
  EXPECT_FALSE(t.next);
  EXPECT_TRUE(p.definition->has_task());
}

TEST(SfnAsl, RejectsMalformedDefinitions) {
  EXPECT_EQ(err("{"), "Invalid State Machine Definition: 'INVALID_JSON_DESCRIPTION: The definition is not valid JSON'");
  EXPECT_EQ(err(R"({"States":{"A":{"Type":"Succeed"}}})"),
            "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: These fields are required: [StartAt, States] at /'");
  EXPECT_EQ(err(R"({"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"}}})"),
            "Invalid State Machine Definition: 'MISSING_TRANSITION_TARGET: Missing 'Next' target: B at /States/A/Next'");
  EXPECT_EQ(err(R"({"StartAt":"A","States":{"A":{"Type":"Succeed"},"B":{"Type":"Succeed"}}})"),
            "Invalid State Machine Definition: 'UNREACHABLE_STATE: State \"B\" is not reachable. at /States/B'");
  EXPECT_NE(err(R"({"StartAt":"A","States":{"A":{"Type":"Wait","Seconds":1,"End":true}}})"), "");
  EXPECT_NE(err(R"({"StartAt":"A","States":{"A":{"Type":"Pass"}}})"), "");                         // no Next/End
  EXPECT_NE(err(R"({"StartAt":"A","States":{"A":{"Type":"Pass","Next":"A","End":true}}})"), "");  // both
  EXPECT_NE(err(R"({"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:lambda:x","End":true}}})"), "");
  EXPECT_NE(err(R"({"StartAt":"A","States":{"A":{"Type":"Task","Resource":")" + kAct +
                R"(","TimeoutSeconds":2,"HeartbeatSeconds":2,"End":true}}})"),
            "");
  EXPECT_NE(err(R"({"StartAt":"A","States":{"A":{"Type":"Task","Resource":")" + kAct + R"(","TimeoutSeconds":0,"End":true}}})"), "");
  EXPECT_NE(err(R"({"StartAt":"Z","States":{"A":{"Type":"Succeed"}}})"), "");
  EXPECT_NE(err(R"({"StartAt":"A","States":{}})"), "");
  EXPECT_NE(err(R"([1])"), "");
  EXPECT_NE(err(R"({"StartAt":"A","States":{"A":{"Type":"Succeed","Next":"A"}}})"), "");
}

TEST(SfnAsl, PassStatesRunUntilTheFirstTask) {
  auto p = parse_definition(R"({"StartAt":"P","States":{"P":{"Type":"Pass","Result":{"x":1},"Next":"T"},
      "T":{"Type":"Task","Resource":")" + kAct + R"(","Next":"F"},"F":{"Type":"Fail","Error":"E","Cause":"C"}}})");
  ASSERT_TRUE(p.definition) << p.error;
  Advance a = run_from(*p.definition, "P", Json::object());
  ASSERT_EQ(a.kind, Advance::Kind::WaitTask);
  EXPECT_EQ(a.task->name, "T");
  EXPECT_EQ(a.data, Json({{"x", 1}}));
  Advance b = continue_after(*p.definition, "T", Json(7));
  EXPECT_EQ(b.kind, Advance::Kind::Failed);
  EXPECT_EQ(b.error, "E");
  EXPECT_EQ(b.cause, "C");
}

TEST(SfnAsl, PassLoopIsCutWithStatesRuntime) {
  auto p = parse_definition(R"({"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","Next":"A"}}})");
  ASSERT_TRUE(p.definition) << p.error;
  Advance a = run_from(*p.definition, "A", Json::object());
  EXPECT_EQ(a.kind, Advance::Kind::Failed);
  EXPECT_EQ(a.error, "States.Runtime");
}
