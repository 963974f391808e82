// Test helper: Lambda requests (hand-built restJson1, independent of the harness codec) sent either
// over HTTP to a real EmulatorServer on an ephemeral 127.0.0.1 port or in-process.
#pragma once

#include <memory>
#include <string>

#include "emulator/app/emulator.h"
#include "harness/http/message.h"
#include "harness/spec/model.h"

namespace conform::emulator::testing {

using spec::Json;

http::Request create_function_request(const std::string& name, bool durable = true);
http::Request invoke_request(const std::string& function, const std::string& execution_name,
                             const std::string& type = "Event", const std::string& payload = "{}");
http::Request stop_request(const std::string& arn, const std::string& error_body = "");
http::Request get_execution_request(const std::string& arn);

// A valid-looking durable execution ARN that was never issued.
std::string unknown_durable_arn();

Json json_of(const http::Response& r);
std::string error_type_of(const http::Response& r);

// Sends through one kept-alive HTTP connection.
class HttpLambda {
 public:
  explicit HttpLambda(int port);
  ~HttpLambda();
  http::Response send(const http::Request& request);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace conform::emulator::testing
