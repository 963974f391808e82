// Small hand-built services and operations (SFN, SWF, Lambda durable executions) for codec and caller
// tests, independent of the spec files.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "harness/spec/model.h"

namespace conform::testing {

inline spec::ShapePtr shape(spec::ShapeType type) {
  auto s = std::make_shared<spec::Shape>();
  s->type = type;
  return s;
}

inline spec::Member member(std::string name, spec::ShapePtr s, spec::Location location = spec::Location::Body,
                           std::string location_name = "") {
  spec::Member m;
  m.name = name;
  m.shape = std::move(s);
  m.location = location;
  m.location_name = location_name.empty() ? name : location_name;
  return m;
}

inline spec::Service sfn() {
  spec::Service s;
  s.name = "stepfunctions";
  s.protocol = spec::Protocol::AwsJson1_0;
  s.signing_name = "states";
  s.endpoint_prefix = "states";
  s.target_prefix = "AWSStepFunctions";
  return s;
}

inline spec::Service swf() {
  spec::Service s;
  s.name = "swf";
  s.protocol = spec::Protocol::AwsJson1_0;
  s.signing_name = "swf";
  s.endpoint_prefix = "swf";
  s.target_prefix = "SimpleWorkflowService";
  return s;
}

inline spec::Service lambda() {
  spec::Service s;
  s.name = "lambda";
  s.protocol = spec::Protocol::RestJson1;
  s.signing_name = "lambda";
  s.endpoint_prefix = "lambda";
  return s;
}

inline spec::Operation op(std::string service, std::string name, std::string method = "POST",
                          std::string uri = "/") {
  spec::Operation o;
  o.service = std::move(service);
  o.name = std::move(name);
  o.method = std::move(method);
  o.uri = std::move(uri);
  o.input.type = spec::ShapeType::Structure;
  return o;
}

inline spec::Operation send_task_failure() {
  auto o = op("stepfunctions", "SendTaskFailure");
  o.input.members = {member("taskToken", shape(spec::ShapeType::String)),
                     member("error", shape(spec::ShapeType::String)),
                     member("cause", shape(spec::ShapeType::String))};
  return o;
}

inline spec::Operation start_execution() {
  auto o = op("stepfunctions", "StartExecution");
  o.input.members = {member("stateMachineArn", shape(spec::ShapeType::String)),
                     member("name", shape(spec::ShapeType::String)), member("input", shape(spec::ShapeType::String))};
  spec::Shape out;
  out.type = spec::ShapeType::Structure;
  out.members = {member("executionArn", shape(spec::ShapeType::String)),
                 member("startDate", shape(spec::ShapeType::Timestamp))};
  o.output = out;
  return o;
}

inline spec::Operation respond_activity_task_failed() {
  auto o = op("swf", "RespondActivityTaskFailed");
  o.input.members = {member("taskToken", shape(spec::ShapeType::String)),
                     member("reason", shape(spec::ShapeType::String)),
                     member("details", shape(spec::ShapeType::String))};
  return o;
}

inline spec::ShapePtr error_object() {
  auto s = std::make_shared<spec::Shape>();
  s->type = spec::ShapeType::Structure;
  auto list = shape(spec::ShapeType::List);
  std::const_pointer_cast<spec::Shape>(list)->element = shape(spec::ShapeType::String);
  s->members = {member("ErrorMessage", shape(spec::ShapeType::String)),
                member("ErrorType", shape(spec::ShapeType::String)),
                member("ErrorData", shape(spec::ShapeType::String)), member("StackTrace", list)};
  return s;
}

inline spec::Operation stop_durable_execution() {
  auto o = op("lambda", "StopDurableExecution", "POST", "/2025-12-01/durable-executions/{DurableExecutionArn}/stop");
  o.input.members = {member("DurableExecutionArn", shape(spec::ShapeType::String), spec::Location::Uri),
                     member("Error", error_object(), spec::Location::Payload)};
  spec::Shape out;
  out.type = spec::ShapeType::Structure;
  out.members = {member("StopTimestamp", shape(spec::ShapeType::Timestamp))};
  o.output = out;
  return o;
}

inline spec::Operation callback_success() {
  auto o = op("lambda", "SendDurableExecutionCallbackSuccess", "POST",
              "/2025-12-01/durable-execution-callbacks/{CallbackId}/succeed");
  o.input.members = {member("CallbackId", shape(spec::ShapeType::String), spec::Location::Uri),
                     member("Result", shape(spec::ShapeType::Blob), spec::Location::Payload)};
  return o;
}

inline spec::Operation callback_heartbeat() {
  auto o = op("lambda", "SendDurableExecutionCallbackHeartbeat", "POST",
              "/2025-12-01/durable-execution-callbacks/{CallbackId}/heartbeat");
  o.input.members = {member("CallbackId", shape(spec::ShapeType::String), spec::Location::Uri)};
  return o;
}

inline spec::Operation get_durable_execution_state() {
  auto o = op("lambda", "GetDurableExecutionState", "GET", "/2025-12-01/durable-executions/{DurableExecutionArn}/state");
  o.input.members = {member("DurableExecutionArn", shape(spec::ShapeType::String), spec::Location::Uri),
                     member("CheckpointToken", shape(spec::ShapeType::String), spec::Location::Query),
                     member("Marker", shape(spec::ShapeType::String), spec::Location::Query),
                     member("MaxItems", shape(spec::ShapeType::Integer), spec::Location::Query)};
  return o;
}

inline spec::Operation list_by_function() {
  auto o = op("lambda", "ListDurableExecutionsByFunction", "GET", "/2025-12-01/functions/{FunctionName}/durable-executions");
  auto statuses = std::make_shared<spec::Shape>();
  statuses->type = spec::ShapeType::List;
  statuses->element = shape(spec::ShapeType::String);
  o.input.members = {member("FunctionName", shape(spec::ShapeType::String), spec::Location::Uri),
                     member("Statuses", statuses, spec::Location::Query),
                     member("StartedAfter", shape(spec::ShapeType::Timestamp), spec::Location::Query),
                     member("ReverseOrder", shape(spec::ShapeType::Boolean), spec::Location::Query)};
  return o;
}

inline spec::Operation invoke() {
  auto o = op("lambda", "Invoke", "POST", "/2015-03-31/functions/{FunctionName}/invocations");
  o.input.members = {member("FunctionName", shape(spec::ShapeType::String), spec::Location::Uri),
                     member("DurableExecutionName", shape(spec::ShapeType::String), spec::Location::Header,
                            "X-Amz-Durable-Execution-Name"),
                     member("Qualifier", shape(spec::ShapeType::String), spec::Location::Query),
                     member("Payload", shape(spec::ShapeType::Blob), spec::Location::Payload)};
  spec::Shape out;
  out.type = spec::ShapeType::Structure;
  out.members = {member("StatusCode", shape(spec::ShapeType::Integer)),
                 member("DurableExecutionArn", shape(spec::ShapeType::String), spec::Location::Header,
                        "X-Amz-Durable-Execution-Arn"),
                 member("Payload", shape(spec::ShapeType::Blob), spec::Location::Payload)};
  o.output = out;
  return o;
}

inline const char* kDurableArn = "arn:aws:lambda:us-east-1:123456789012:function:f:$LATEST/durable-execution/n/id";
inline const char* kDurableArnEncoded =
    "arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Af%3A%24LATEST%2Fdurable-execution%2Fn%2Fid";

}  // namespace conform::testing
