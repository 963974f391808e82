// `conform emulator`: serves the reference emulator on a port until SIGINT/SIGTERM, or lists the
// planted faults.
#include <csignal>
#include <iostream>

#include "emulator/app/emulator.h"
#include "harness/cli/commands.h"
#include "harness/spec/loader.h"

namespace conform::cli {

namespace {

std::string fault_list() {
  std::string text;
  for (const auto& info : emulator::all_faults())
    text += std::string(info.name) + "\n    " + std::string(info.breaks) + "\n";
  return text;
}

}  // namespace

int emulator_command(const EmulatorArgs& args) {
  if (args.list_faults) {
    std::cout << fault_list();
    return 0;
  }
  if (args.port < 0 || args.port > 65535) {
    std::cerr << "conform emulator: --port must be between 0 and 65535\n";
    return 2;
  }
  emulator::EmulatorOptions options;
  if (args.seed) options.seed = *args.seed;
  options.require_sigv4 = args.require_sigv4;
  if (args.poll_wait_ms < 0 || args.poll_wait_ms > 60000) {
    std::cerr << "conform emulator: --poll-wait-ms must be between 0 and 60000\n";
    return 2;
  }
  options.poll_wait = std::chrono::milliseconds(args.poll_wait_ms);
  options.throttle_every = args.throttle_every;
  for (const auto& op : args.disabled_operations) {
    const auto& specs = spec::builtin_specs();
    if (!specs.find_operation(op)) {
      std::cerr << "conform emulator: --disable-operation '" << op << "' names no operation (give service.Operation, "
                << "e.g. swf.DescribeDomain)\n";
      return 2;
    }
    options.disabled_operations.insert(op);
  }
  for (const auto& name : args.faults) {
    auto fault = emulator::fault_from_name(name);
    if (!fault) {
      std::cerr << "conform emulator: unknown fault '" << name << "'; known faults:\n" << fault_list();
      return 2;
    }
    options.faults.add(*fault);
  }
  // Block the signals before the server's threads start, then wait for one.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  emulator::EmulatorServer server(options);
  std::string error;
  if (server.start(args.host, args.port, &error) < 0) {
    std::cerr << "conform emulator: cannot listen on " << args.host << ":" << args.port << ": " << error << "\n";
    return 3;
  }
  std::cout << "conform emulator listening on " << server.url() << " (Ctrl-C to stop)" << std::endl;
  int received = 0;
  sigwait(&signals, &received);
  server.stop();
  std::cout << "conform emulator stopped" << std::endl;
  return 0;
}

}  // namespace conform::cli
