// Test support for end-to-end tests of the real binary: `conform emulator ...` as a child process on an
// ephemeral loopback port (its URL read from the first line it prints), stopped with SIGTERM by pid; and
// `conform ...` commands run to completion with extra environment variables and captured output.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <vector>

namespace conform::testing {

inline std::string conform_binary() { return std::string(CONFORM_BINARY_DIR) + "/conform"; }

inline std::string scratch_dir(const std::string& name) {
  std::random_device rd;
  auto dir = std::filesystem::temp_directory_path() / ("conform-" + name + "-" + std::to_string(rd()));
  std::filesystem::create_directories(dir);
  return dir.string();
}

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// `conform emulator <args>` with `env` added to the environment.
class EmulatorProcess {
 public:
  EmulatorProcess(const std::vector<std::string>& args, const std::map<std::string, std::string>& env = {}) {
    int fds[2];
    if (pipe(fds) != 0) return;
    pid_ = fork();
    if (pid_ == 0) {
      dup2(fds[1], STDOUT_FILENO);
      close(fds[0]);
      close(fds[1]);
      for (const auto& [k, v] : env) setenv(k.c_str(), v.c_str(), 1);
      std::vector<std::string> all{conform_binary(), "emulator", "--port", "0"};
      all.insert(all.end(), args.begin(), args.end());
      std::vector<char*> argv;
      for (auto& a : all) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
    close(fds[1]);
    FILE* out = fdopen(fds[0], "r");
    char line[512] = {0};
    if (out && std::fgets(line, sizeof line, out)) {
      std::string text(line);
      size_t at = text.find("http://");
      if (at != std::string::npos) url_ = text.substr(at, text.find(' ', at) - at);
    }
    out_ = out;
  }
  ~EmulatorProcess() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      int status = 0;
      waitpid(pid_, &status, 0);
    }
    if (out_) std::fclose(out_);
  }
  EmulatorProcess(const EmulatorProcess&) = delete;
  EmulatorProcess& operator=(const EmulatorProcess&) = delete;
  const std::string& url() const { return url_; }

 private:
  pid_t pid_ = -1;
  FILE* out_ = nullptr;
  std::string url_;
};

struct CommandResult {
  int code = -1;
  std::string out, err;
};

// Runs `conform <args>` (a shell word list, already quoted) with `env` prefixed.
inline CommandResult run_conform(const std::string& args, const std::map<std::string, std::string>& env = {}) {
  static const std::string scratch = scratch_dir("cmd");
  std::string out = scratch + "/out", err = scratch + "/err";
  std::string prefix;
  for (const auto& [k, v] : env) prefix += k + "='" + v + "' ";
  std::string cmd = "env " + prefix + conform_binary() + " " + args + " >" + out + " 2>" + err + " </dev/null";
  int status = std::system(cmd.c_str());
  CommandResult r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(out);
  r.err = slurp(err);
  return r;
}

}  // namespace conform::testing
