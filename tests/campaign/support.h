// Shared set-up for campaign tests: options for a bounded campaign on the embedded emulator, temp dirs.
#pragma once

#include <filesystem>
#include <random>
#include <string>

#include "harness/campaign/campaign.h"
#include "harness/runner/embedded_emulator.h"

namespace conform::testing {

inline campaign::CampaignOptions bounded_campaign(uint64_t runs, uint64_t seed = 5) {
  campaign::CampaignOptions o;
  o.run.seed = seed;
  o.run.jobs = 2;
  o.run.shrink_budget = 8;
  o.run.embedded = runner::embedded_emulator_factory();
  o.max_runs = runs;
  return o;
}

inline std::string temp_dir(const std::string& name) {
  std::random_device rd;
  auto dir = std::filesystem::temp_directory_path() / ("conform-campaign-" + name + "-" + std::to_string(rd()));
  std::filesystem::create_directories(dir);
  return dir.string();
}

}  // namespace conform::testing
