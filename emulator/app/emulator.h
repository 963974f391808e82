// The reference emulator: Step Functions, SWF and Lambda durable executions on one endpoint.
//
// Promises: `handle` is the whole request path (dispatch, validation, service semantics, encoding)
// without a socket, so fuzzers and benchmarks can call it in-process; it never throws and never
// answers 5xx for bad input (only a planted fault or a bug does). EmulatorServer serves the same over
// HTTP/1.1 on loopback with keep-alive and TCP_NODELAY, on a given or ephemeral port; start() returns
// once the socket is listening; stop() is prompt and idempotent; the destructor stops.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <thread>

#include "emulator/core/clock.h"
#include "emulator/core/faults.h"
#include "harness/http/message.h"

namespace conform::emulator {

struct EmulatorOptions {
  FaultSet faults;
  uint64_t seed = 0x5eed;               // ids are deterministic for a seed
  std::shared_ptr<Clock> clock;         // default: SystemClock
  std::string region = "us-east-1";
  std::string account = "123456789012";
  bool require_sigv4 = false;           // reject unsigned / wrongly signed requests (issue 5)
};

class Emulator {
 public:
  explicit Emulator(EmulatorOptions options = {});
  ~Emulator();
  Emulator(const Emulator&) = delete;
  Emulator& operator=(const Emulator&) = delete;

  http::Response handle(const http::Request& request);
  const EmulatorOptions& options() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

class EmulatorServer {
 public:
  explicit EmulatorServer(EmulatorOptions options = {});
  ~EmulatorServer();
  EmulatorServer(const EmulatorServer&) = delete;
  EmulatorServer& operator=(const EmulatorServer&) = delete;

  // Binds host:port (port 0 = ephemeral) and starts serving on a background thread. Returns the bound
  // port, or -1 with `error` set.
  int start(const std::string& host = "127.0.0.1", int port = 0, std::string* error = nullptr);
  void stop();
  int port() const;
  std::string url() const;              // "http://127.0.0.1:PORT"
  Emulator& emulator();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace conform::emulator
