// `conform emulator` in one call: serve the reference emulator until SIGINT/SIGTERM.
//
// Promises: serve_emulator prints "conform emulator listening on http://HOST:PORT" and the active
// faults to stdout (flushed) once the socket listens, serves until SIGINT or SIGTERM, stops promptly
// and returns 0; it returns 2 with a message on stderr for an unknown fault name or a port it cannot
// bind. list_faults_text() lists every planted fault, one per line: name, then what it breaks.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace conform::emulator {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 4566;
  std::vector<std::string> faults;      // fault names (see faults.h)
  std::optional<uint64_t> seed;
  bool require_sigv4 = false;
  int poll_wait_ms = 200;               // EmulatorOptions::poll_wait
  uint64_t throttle_every = 0;          // EmulatorOptions::throttle_every
};

int serve_emulator(const ServeOptions& options);
std::string list_faults_text();

}  // namespace conform::emulator
