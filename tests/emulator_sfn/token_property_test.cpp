// Property: whatever sequence of callbacks, stops and clock advances hits one live token, at most one
// close succeeds, every call after the token closed answers TaskTimedOut, and the execution leaves
// RUNNING at most once (and never comes back).
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include "tests/emulator_sfn/direct.h"

using namespace conform::emulator;
using sfn_test::Direct;

namespace {
enum Action { Success, Failure, Heartbeat, Stop, Advance, kActions };
}

RC_GTEST_PROP(SfnTokenProperty, OneCloseThenTaskTimedOut, ()) {
  auto actions = *rc::gen::container<std::vector<int>>(rc::gen::inRange(0, static_cast<int>(kActions)));
  bool with_timeout = *rc::gen::arbitrary<bool>();
  Direct d;
  auto l = d.live_task("p", with_timeout ? R"(,"TimeoutSeconds":10,"HeartbeatSeconds":4)" : "");
  RC_ASSERT(!l.token.empty());
  bool closed = false;
  std::string status = "RUNNING";
  for (int a : actions) {
    Outcome o;
    switch (a) {
      case Success: o = d.call("SendTaskSuccess", {{"taskToken", l.token}, {"output", "{}"}}); break;
      case Failure: o = d.call("SendTaskFailure", {{"taskToken", l.token}}); break;
      case Heartbeat: o = d.call("SendTaskHeartbeat", {{"taskToken", l.token}}); break;
      case Stop: o = d.call("StopExecution", {{"executionArn", l.execution_arn}}); break;
      default: d.clock().advance(3); break;
    }
    std::string now_status = d.describe(l.execution_arn)["status"];
    if (a == Stop) {
      RC_ASSERT(!o.is_error);
    } else if (a != Advance) {
      if (closed) {
        RC_ASSERT(o.is_error);
        RC_ASSERT(o.error_name == std::string("TaskTimedOut"));
      } else if (!o.is_error && a != Heartbeat) {
        RC_ASSERT(now_status != std::string("RUNNING"));
      }
    }
    if (status != "RUNNING") RC_ASSERT(now_status == status);  // leaves RUNNING at most once
    status = now_status;
    if (status != "RUNNING") closed = true;
  }
}
