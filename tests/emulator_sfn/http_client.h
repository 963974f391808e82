// Test helper: a real EmulatorServer on an ephemeral 127.0.0.1 port with a ManualClock, and an
// awsJson1_0 Step Functions caller over HTTP. The client is destroyed before the server stops.
#pragma once

#include <httplib.h>

#include <memory>
#include <string>

#include "emulator/app/emulator.h"
#include "emulator/core/clock.h"
#include "emulator/core/faults.h"
#include "harness/spec/model.h"

namespace conform::emulator::sfn_test {

struct Reply {
  int status = 0;
  spec::Json body;            // parsed body; null when empty
  std::string raw;
  std::string type() const {  // the error code after '#' (and before ':'), or ""
    if (!body.is_object() || !body.contains("__type")) return "";
    std::string t = body["__type"].get<std::string>();
    t = t.substr(0, t.find(':'));
    auto hash = t.find('#');
    return hash == std::string::npos ? t : t.substr(hash + 1);
  }
  std::string message() const {
    return body.is_object() && body.contains("message") ? body["message"].get<std::string>() : "";
  }
};

inline Reply sfn_call(httplib::Client& client, const std::string& op, const spec::Json& input) {
  httplib::Headers headers = {{"X-Amz-Target", "AWSStepFunctions." + op}};
  auto res = client.Post("/", headers, input.dump(), "application/x-amz-json-1.0");
  Reply r;
  if (!res) return r;
  r.status = res->status;
  r.raw = res->body;
  if (!res->body.empty()) r.body = spec::Json::parse(res->body, nullptr, false);
  return r;
}

class Served {
 public:
  explicit Served(FaultSet faults = {}) : clock_(std::make_shared<ManualClock>()) {
    EmulatorOptions o;
    o.faults = faults;
    o.clock = clock_;
    server_ = std::make_unique<EmulatorServer>(o);
    std::string error;
    port_ = server_->start("127.0.0.1", 0, &error);
    if (port_ > 0) client_ = make_client();
  }
  ~Served() {
    client_.reset();
    server_->stop();
  }
  bool ok() const { return port_ > 0; }
  int port() const { return port_; }
  ManualClock& clock() { return *clock_; }
  std::unique_ptr<httplib::Client> make_client() const {
    auto c = std::make_unique<httplib::Client>("127.0.0.1", port_);
    c->set_tcp_nodelay(true);
    c->set_keep_alive(true);
    return c;
  }
  Reply call(const std::string& op, const spec::Json& input) { return sfn_call(*client_, op, input); }

  // The service's activityTask fixture recipe, step by step.
  struct Live {
    std::string activity_arn, machine_arn, execution_arn, token;
  };
  Live walk(const std::string& seq, const std::string& task_extra = "") {
    Live l;
    Reply a = call("CreateActivity", {{"name", "conform-t-act-" + seq}});
    l.activity_arn = a.body.value("activityArn", "");
    std::string def = R"({"StartAt":"T","States":{"T":{"Type":"Task","Resource":")" + l.activity_arn + "\"" +
                      task_extra + R"(,"End":true}}})";
    Reply m = call("CreateStateMachine", {{"name", "conform-t-sm-" + seq},
                                          {"definition", def},
                                          {"roleArn", "arn:aws:iam::123456789012:role/conform-t"},
                                          {"type", "STANDARD"}});
    l.machine_arn = m.body.value("stateMachineArn", "");
    Reply e = call("StartExecution",
                   {{"stateMachineArn", l.machine_arn}, {"name", "conform-t-ex-" + seq}, {"input", "{}"}});
    l.execution_arn = e.body.value("executionArn", "");
    for (int i = 0; i < 20 && l.token.empty(); ++i) {
      Reply t = call("GetActivityTask", {{"activityArn", l.activity_arn}, {"workerName", "conform-t-worker"}});
      if (t.body.is_object()) l.token = t.body.value("taskToken", "");
    }
    return l;
  }

 private:
  std::shared_ptr<ManualClock> clock_;
  std::unique_ptr<EmulatorServer> server_;
  std::unique_ptr<httplib::Client> client_;
  int port_ = -1;
};

}  // namespace conform::emulator::sfn_test
