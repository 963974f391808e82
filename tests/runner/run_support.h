// Shared set-up for runner tests: options for a run on the embedded emulator, temp directories.
#pragma once

#include <filesystem>
#include <random>
#include <string>

#include "harness/runner/embedded_emulator.h"
#include "harness/runner/run_conformance.h"
#include "tests/runner/fake_checks.h"

namespace conform::testing {

inline runner::RunOptions fake_options(std::vector<std::string> checks, uint64_t seed = 7) {
  runner::RunOptions o;
  o.registry = &fake_registry();
  o.checks = std::move(checks);
  o.ops = {"stepfunctions.SendTaskFailure", "swf.RespondActivityTaskFailed"};
  o.seed = seed;
  o.examples = 6;
  o.embedded = runner::embedded_emulator_factory();
  return o;
}

inline std::string temp_dir(const std::string& name) {
  std::random_device rd;
  auto dir = std::filesystem::temp_directory_path() / ("conform-test-" + name + "-" + std::to_string(rd()));
  std::filesystem::create_directories(dir);
  return dir.string();
}

}  // namespace conform::testing
