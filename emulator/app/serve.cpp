#include "emulator/app/serve.h"

#include <pthread.h>

#include <algorithm>
#include <csignal>
#include <iostream>

#include "emulator/app/emulator.h"
#include "emulator/core/faults.h"

namespace conform::emulator {

std::string list_faults_text() {
  size_t width = 0;
  for (const auto& f : all_faults()) width = std::max(width, f.name.size());
  std::string text;
  for (const auto& f : all_faults())
    text += std::string(f.name) + std::string(width - f.name.size() + 2, ' ') + std::string(f.breaks) + "\n";
  return text;
}

int serve_emulator(const ServeOptions& options) {
  EmulatorOptions eo;
  if (options.seed) eo.seed = *options.seed;
  eo.require_sigv4 = options.require_sigv4;
  eo.poll_wait = std::chrono::milliseconds(std::clamp(options.poll_wait_ms, 0, 60000));
  eo.throttle_every = options.throttle_every;
  std::vector<std::string> active;
  for (const auto& name : options.faults) {
    auto fault = fault_from_name(name);
    if (!fault) {
      std::cerr << "conform emulator: unknown fault '" << name << "'. Known faults:\n" << list_faults_text();
      return 2;
    }
    eo.faults.add(*fault);
    active.push_back(name);
  }
  if (options.port < 0 || options.port > 65535) {
    std::cerr << "conform emulator: port " << options.port << " is out of range (0-65535)\n";
    return 2;
  }
  // Block the signals before the server's threads start (they inherit the mask), then wait for one.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  sigset_t previous;
  pthread_sigmask(SIG_BLOCK, &signals, &previous);
  int code = 0;
  {
    EmulatorServer server(eo);
    std::string error;
    if (server.start(options.host, options.port, &error) < 0) {
      std::cerr << "conform emulator: cannot listen on " << options.host << ":" << options.port << ": " << error
                << "\n";
      code = 2;
    } else {
      std::cout << "conform emulator listening on " << server.url() << "\n";
      if (active.empty()) {
        std::cout << "faults: none\n";
      } else {
        std::cout << "faults:";
        for (const auto& f : active) std::cout << " " << f;
        std::cout << "\n";
      }
      std::cout.flush();
      int received = 0;
      sigwait(&signals, &received);
      server.stop();
      std::cout << "conform emulator stopped\n";
      std::cout.flush();
    }
  }
  pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  return code;
}

}  // namespace conform::emulator
