// End to end against the emulator with each planted fault: some check reports a Violation on the
// operation the fault affects, and the same case passes on the clean emulator.
#include <gtest/gtest.h>

#include <set>

#include "emulator/core/faults.h"
#include "harness/gen/valid_input.h"
#include "harness/gen/violation.h"
#include "harness/oracle/check.h"
#include "tests/oracle/e2e_support.h"

using namespace conform;
using namespace conform::e2e;
using emulator::Fault;

namespace {

using CaseMaker = std::function<Json(const Target&, const spec::Operation&)>;

struct Detection {
  Fault fault;
  const char* op;
  const char* check;
  CaseMaker make;
};


CaseMaker violation(std::string path, std::string constraint) {
  return [path, constraint](const Target&, const spec::Operation& op) {
    for (const auto& v : gen::violations_of(op))
      if (v.path() == path && v.constraint == constraint) return gen::violation_case(op, v)(rc::Random(3), 30).value();
    return Json();
  };
}

CaseMaker with(Json c) {
  return [c](const Target&, const spec::Operation&) { return c; };
}

CaseMaker at_max_multibyte() {
  return [](const Target&, const spec::Operation& op) {
    return Json{{"mode", "max-length"},
                {"input", gen::valid_input_at_bounds(op, gen::Bound::Max, gen::Alphabet::Bmp)(rc::Random(5), 30).value()}};
  };
}

CaseMaker closed_by(std::string closer) {
  return [closer](const Target& t, const spec::Operation& op) {
    const auto* check = oracle::find_check("closed_token_idempotence");
    for (uint64_t seed = 1; seed < 60; ++seed) {
      Json c = t.draw(*check, op, seed);
      if (c.value("mode", "") != "closed") continue;
      c["closer"] = closer;
      c["closeInput"] = c["inputs"][closer];
      return c;
    }
    return Json();
  };
}

CaseMaker all_members(Json overrides) {
  return [overrides](const Target&, const spec::Operation& op) {
    Json in = gen::valid_input_all_members(op)(rc::Random(9), 30).value();
    for (auto it = overrides.begin(); it != overrides.end(); ++it) in[it.key()] = it.value();
    return Json{{"mode", "all-members"}, {"input", in}};
  };
}

const std::vector<Detection>& table() {
  static const std::vector<Detection> t = {
      {Fault::LengthMaxNotEnforced, "stepfunctions.SendTaskFailure", "negative_rejection", violation("error", "length.max")},
      {Fault::RequiredNotEnforced, "stepfunctions.SendTaskFailure", "negative_rejection", violation("taskToken", "required")},
      {Fault::LengthCountedInBytes, "stepfunctions.SendTaskFailure", "positive_acceptance", at_max_multibyte()},
      {Fault::SensitiveValueEchoed, "stepfunctions.SendTaskFailure", "negative_rejection", violation("cause", "length.max")},
      {Fault::SfnClosedTokenAccepted, "stepfunctions.SendTaskFailure", "closed_token_idempotence", closed_by("SendTaskFailure")},
      {Fault::SfnInvalidTokenAccepted, "stepfunctions.SendTaskHeartbeat", "malformed_identifier",
       with(Json{{"rule", "malformed-token"}, {"input", Json::object()}})},
      {Fault::SfnWrongErrorIdentity, "stepfunctions.SendTaskSuccess", "closed_token_idempotence", closed_by("SendTaskSuccess")},
      {Fault::ServerErrorOnMalformedJson, "stepfunctions.StopExecution", "protocol_robustness",
       with(Json{{"situation", "malformed-json"}, {"variant", 0}, {"input", {{"executionArn", "arn:aws:states:us-east-1:123456789012:execution:a:b"}}}})},
      {Fault::SfnStopMissingStopDate, "stepfunctions.StopExecution", "positive_acceptance", with(Json{{"mode", "random"}, {"input", Json::object()}})},
      {Fault::SfnStopNoStateChange, "stepfunctions.StopExecution", "state_effect", all_members({})},
      {Fault::SfnCloseNotAtomic, "stepfunctions.SendTaskFailure", "concurrent_close", with(Json{{"input", Json::object()}})},
      {Fault::SfnTimeoutNotEnforced, "stepfunctions.SendTaskHeartbeat", "closed_token_idempotence",
       with(Json{{"mode", "timed-out"}, {"input", Json::object()}})},
      {Fault::SwfClosedTaskAccepted, "swf.RespondActivityTaskCompleted", "closed_token_idempotence", closed_by("RespondActivityTaskCompleted")},
      {Fault::SwfHistoryMissingReason, "swf.RespondActivityTaskFailed", "state_effect",
       all_members({{"reason", "conform-reason"}, {"details", "conform-details"}})},
      {Fault::SwfHeartbeatMissingCancelRequested, "swf.RecordActivityTaskHeartbeat", "positive_acceptance",
       with(Json{{"mode", "random"}, {"input", Json::object()}})},
      {Fault::DurableArnPatternNotEnforced, "lambda.StopDurableExecution", "negative_rejection", violation("DurableExecutionArn", "pattern")},
      {Fault::RestJsonNotFoundAs400, "lambda.StopDurableExecution", "unknown_resource",
       with(Json{{"rule", "unknown-execution"}, {"input", Json::object()}})},
      {Fault::DurableStopNoStateChange, "lambda.StopDurableExecution", "state_effect", all_members({})},
      {Fault::SwfPaginationNeverEnds, "swf.ListDomains", "pagination",
       with(Json{{"pageSize", 1}, {"input", {{"registrationStatus", "REGISTERED"}}}})},
      {Fault::SwfDescribeTypeIgnoresDeprecation, "swf.DeprecateActivityType", "state_effect", all_members({})},
      {Fault::SfnListIgnoresMaxResults, "stepfunctions.ListActivities", "pagination",
       with(Json{{"pageSize", 1}, {"input", Json::object()}})},
      {Fault::SfnDescribeUnknown500, "stepfunctions.DescribeActivity", "unknown_resource",
       with(Json{{"rule", "inferred-unknown-activityArn"}, {"input", Json::object()}})},
      {Fault::LambdaDeleteLeavesReadable, "lambda.DeleteFunction", "state_effect", all_members({})},
      {Fault::LambdaListIgnoresMaxItems, "lambda.ListFunctions", "pagination", with(Json{{"pageSize", 1}, {"input", Json::object()}})},
      // A fidelity fault: the finding is a violation of the wire facet, in the fidelity tier.
      {Fault::ErrorNamespaceDropped, "stepfunctions.SendTaskHeartbeat", "malformed_identifier",
       with(Json{{"rule", "malformed-token"}, {"input", Json::object()}})},
  };
  return t;
}

TEST(FaultTable, CoversEveryPlantedFault) {
  std::set<Fault> covered;
  for (const auto& d : table()) covered.insert(d.fault);
  for (const auto& f : emulator::all_faults()) EXPECT_TRUE(covered.count(f.fault)) << f.name;
}

class PlantedFault : public ::testing::TestWithParam<size_t> {};

TEST_P(PlantedFault, IsDetectedAsAViolation) {
  const Detection& d = table()[GetParam()];
  const auto* check = oracle::find_check(d.check);
  ASSERT_NE(check, nullptr) << d.check;
  emulator::FaultSet faults;
  faults.add(d.fault);
  Target broken(faults);
  ASSERT_TRUE(broken.ok()) << broken.error();
  const auto* op = broken.specs().find_operation(d.op);
  ASSERT_NE(op, nullptr) << d.op;
  Json c = d.make(broken, *op);
  ASSERT_FALSE(c.is_null()) << "no case for " << emulator::fault_name(d.fault);
  auto found = broken.run(*check, *op, c);
  EXPECT_FALSE(found.not_run) << found.not_run_reason;
  EXPECT_TRUE(has_verdict(found, oracle::Verdict::Violation))
      << emulator::fault_name(d.fault) << " not detected by " << d.check << " on " << d.op << " case " << c.dump().substr(0, 300)
      << describe_findings(found, oracle::Verdict::Pass);

  Target clean;
  ASSERT_TRUE(clean.ok()) << clean.error();
  auto baseline = clean.run(*check, *op, c);
  EXPECT_FALSE(has_verdict(baseline, oracle::Verdict::Violation))
      << "the same case fails on the clean emulator" << describe_findings(baseline, oracle::Verdict::Violation);
}

INSTANTIATE_TEST_SUITE_P(Faults, PlantedFault, ::testing::Range<size_t>(0, table().size()), [](const auto& info) {
  std::string n(emulator::fault_name(table()[info.param].fault));
  for (char& ch : n)
    if (ch == '-') ch = '_';
  return n;
});

}  // namespace
