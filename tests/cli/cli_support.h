// Test helper: runs the real `conform` binary (build/conform) as a subprocess with stdin closed and
// captures its exit code, stdout and stderr; scratch directories under the system temp dir.
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace conform::testing {

namespace fs = std::filesystem;

struct Result {
  int code = -1;
  std::string out, err;
};

inline std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

inline fs::path temp_dir(const std::string& name) {
  std::random_device rd;
  auto dir = fs::temp_directory_path() / ("conform-cli-" + name + "-" + std::to_string(rd()));
  fs::create_directories(dir);
  return dir;
}

inline Result conform(const std::string& args) {
  static const fs::path scratch = temp_dir("io");
  std::string out = (scratch / "out").string(), err = (scratch / "err").string();
  std::string cmd = std::string(CONFORM_BINARY_DIR) + "/conform " + args + " >" + out + " 2>" + err + " </dev/null";
  int status = std::system(cmd.c_str());
  Result r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read(out);
  r.err = read(err);
  return r;
}

}  // namespace conform::testing
