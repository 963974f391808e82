// Test helper: runs a request script (fuzz/support/request_script.h) through a new FuzzEmulator with
// the emulator_request target's own loop (fuzz/support/script_run.h), and keeps every exchange with
// the first invariant it broke, so regression tests can assert the fixed behaviour answer by answer.
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "fuzz/support/fuzz_emulator.h"
#include "fuzz/support/script_run.h"

namespace conform::fuzz::testing_support {

struct ScriptExchange {
  http::Request request;
  http::Response response;
  std::string broken;  // "" when the exchange kept every invariant
};

inline std::vector<ScriptExchange> run_script_on(FuzzEmulator& emu, const std::string& bytes) {
  std::vector<ScriptExchange> out;
  ::conform::fuzz::run_script(emu, bytes, [&](const http::Request& request, const http::Response& response, const std::string& broken) {
    out.push_back({request, response, broken});
    return true;
  });
  return out;
}

// The same for one request, as the emulator_single_request target runs it.
inline std::vector<ScriptExchange> run_request_on(FuzzEmulator& emu, const std::string& bytes) {
  std::vector<ScriptExchange> out;
  ::conform::fuzz::run_request(emu, bytes, [&](const http::Request& request, const http::Response& response,
                                               const std::string& broken) {
    out.push_back({request, response, broken});
    return true;
  });
  return out;
}

inline std::vector<ScriptExchange> run_script(const std::string& bytes) {
  FuzzEmulator emu;
  return run_script_on(emu, bytes);
}

inline std::string read_input(const std::string& relative) {
  std::ifstream in(std::string(CONFORM_SOURCE_DIR) + "/" + relative, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Every checked-in emulator_request input (seeds, merged finds, regressions), as paths relative to
// the source tree, sorted.
inline std::vector<std::string> corpus_inputs() {
  std::vector<std::string> out;
  for (const char* dir : {"corpus/emulator_request", "corpus/regressions/emulator_request"}) {
    std::filesystem::path root = std::filesystem::path(CONFORM_SOURCE_DIR) / dir;
    if (!std::filesystem::is_directory(root)) continue;
    for (const auto& entry : std::filesystem::directory_iterator(root))
      if (entry.is_regular_file()) out.push_back(std::string(dir) + "/" + entry.path().filename().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace conform::fuzz::testing_support
