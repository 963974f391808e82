// A small hand-built SpecSet (one awsJson1_0 service "alpha", one restJson1 service "rest") and fake
// backends, so the emulator core can be tested without the real service specs or backends.
#pragma once

#include <memory>

#include "emulator/core/request_handler.h"
#include "harness/spec/model.h"

namespace conform::emulator::testing {

const spec::SpecSet& test_specs();
std::unique_ptr<RequestHandler> make_test_handler(FaultSet faults = {});

http::Request alpha_request(const std::string& op, const std::string& body);
http::Request rest_request(const std::string& method, const std::string& path, const std::string& body = "");

// The error identity of a response: awsJson `__type` or restJson X-Amzn-ErrorType ("" when none).
std::string error_type(const http::Response& r);
std::string error_message(const http::Response& r);
spec::Json body_json(const http::Response& r);

}  // namespace conform::emulator::testing
