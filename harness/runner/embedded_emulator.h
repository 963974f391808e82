// The embedded reference emulator as a run target: an EmbeddedFactory that starts an EmulatorServer
// on an ephemeral 127.0.0.1 port with the requested planted faults, seeded with the run's seed.
//
// Header-only on purpose: conform_runner does not link the emulator; the programs that include this
// (the CLI, tests, benchmarks) link conform_emulator. Promises: an unknown fault name is a usage error
// naming the known faults; the server is stopped when the target is destroyed; advance_clock() moves the
// emulator's clock (an OffsetClock) forward, so fixtures that wait for a timeout take no wall time.
#pragma once

#include <memory>
#include <set>
#include <string>

#include "emulator/app/emulator.h"
#include "harness/runner/run_options.h"

namespace conform::runner {

class EmbeddedEmulatorTarget : public EmbeddedTarget {
 public:
  explicit EmbeddedEmulatorTarget(emulator::EmulatorOptions options, std::string faults_text)
      : clock_(std::make_shared<emulator::OffsetClock>()), server_(with_clock(std::move(options), clock_)),
        faults_text_(std::move(faults_text)) {}
  ~EmbeddedEmulatorTarget() override { server_.stop(); }
  int start(std::string* error) { return server_.start("127.0.0.1", 0, error); }
  std::string url() const override { return server_.url(); }
  bool advance_clock(double seconds) override {
    clock_->advance(seconds);
    return true;
  }
  std::string description() const override {
    return "embedded reference emulator at " + url() + (faults_text_.empty() ? "" : " (faults: " + faults_text_ + ")");
  }

 private:
  static emulator::EmulatorOptions with_clock(emulator::EmulatorOptions options,
                                              std::shared_ptr<emulator::OffsetClock> clock) {
    options.clock = std::move(clock);
    return options;
  }
  std::shared_ptr<emulator::OffsetClock> clock_;  // the emulator's time: advanced instead of slept through
  emulator::EmulatorServer server_;
  std::string faults_text_;
};

// `disabled_operations`: operations the emulator answers as unknown ones (EmulatorOptions), to stand for
// a target that lacks them.
inline EmbeddedFactory embedded_emulator_factory(std::set<std::string> disabled_operations = {}) {
  return [disabled_operations](const EmbeddedRequest& request) {
    EmbeddedStart start;
    emulator::EmulatorOptions options;
    options.disabled_operations = disabled_operations;
    options.seed = request.seed;
    options.region = request.region;
    std::string faults_text;
    for (const auto& name : request.faults) {
      auto fault = emulator::fault_from_name(name);
      if (!fault) {
        std::string known;
        for (const auto& info : emulator::all_faults()) known += (known.empty() ? "" : ", ") + std::string(info.name);
        start.error = "--fault: unknown fault '" + name + "'; known faults: " + known;
        start.usage_error = true;
        return start;
      }
      options.faults.add(*fault);
      faults_text += (faults_text.empty() ? "" : ", ") + name;
    }
    auto target = std::make_unique<EmbeddedEmulatorTarget>(std::move(options), faults_text);
    std::string error;
    if (target->start(&error) < 0) {
      start.error = error.empty() ? "the server did not start" : error;
      return start;
    }
    start.target = std::move(target);
    return start;
  };
}

}  // namespace conform::runner
