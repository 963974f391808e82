// Test helper: an EmulatorServer on an ephemeral loopback port with a ManualClock, and an awsJson1_0
// client for SWF (POST /, X-Amz-Target: SimpleWorkflowService.<Op>). Clients are destroyed before the
// server stops (httplib's stop() waits on kept-alive connections otherwise).
#pragma once

#include <httplib.h>

#include <memory>
#include <string>

#include "emulator/app/emulator.h"
#include "harness/spec/model.h"

namespace conform::emulator::swf_test {

using Json = spec::Json;

struct HttpAnswer {
  int status = 0;
  Json body;  // parsed JSON body; empty object for an empty body; null when not JSON
  std::string raw;
  std::string error_type() const { return body.is_object() ? body.value("__type", "") : ""; }
  std::string message() const { return body.is_object() ? body.value("message", "") : ""; }
};

class SwfClient {
 public:
  explicit SwfClient(int port) : client_("127.0.0.1", port) {
    client_.set_tcp_nodelay(true);
    client_.set_read_timeout(10, 0);
  }
  HttpAnswer call(const std::string& op, const Json& input) {
    httplib::Headers headers = {{"X-Amz-Target", "SimpleWorkflowService." + op}};
    auto res = client_.Post("/", headers, input.dump(), "application/x-amz-json-1.0");
    HttpAnswer a;
    if (!res) return a;
    a.status = res->status;
    a.raw = res->body;
    if (res->body.empty()) a.body = Json::object();
    else a.body = Json::parse(res->body, nullptr, false);
    if (a.body.is_discarded()) a.body = nullptr;
    return a;
  }

 private:
  httplib::Client client_;
};

class SwfServer {
 public:
  explicit SwfServer(FaultSet faults = {}) : clock_(std::make_shared<ManualClock>()) {
    EmulatorOptions o;
    o.faults = faults;
    o.clock = clock_;
    server_ = std::make_unique<EmulatorServer>(o);
    port_ = server_->start("127.0.0.1", 0, &error_);
  }
  ~SwfServer() { server_->stop(); }
  int port() const { return port_; }
  const std::string& error() const { return error_; }
  ManualClock& clock() { return *clock_; }

 private:
  std::shared_ptr<ManualClock> clock_;
  std::unique_ptr<EmulatorServer> server_;
  std::string error_;
  int port_ = -1;
};

}  // namespace conform::emulator::swf_test
