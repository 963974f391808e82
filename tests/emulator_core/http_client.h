// Test helper: sends an http::Request to a server over a real socket with cpp-httplib, the path
// exactly as given (no re-encoding).
#pragma once

#include <memory>
#include <string>

#include "harness/http/message.h"

namespace conform::emulator::testing {

class RawClient {
 public:
  explicit RawClient(int port);
  ~RawClient();
  http::Response send(const http::Request& request);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace conform::emulator::testing
