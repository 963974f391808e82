#include "harness/runner/interrupt.h"

#include <csignal>
#include <unistd.h>

namespace conform::runner {

namespace {

std::atomic<std::atomic<bool>*> g_stop{nullptr};
struct sigaction g_previous;

void on_sigint(int) {
  std::atomic<bool>* stop = g_stop.load();
  if (!stop || stop->load()) _exit(130);
  stop->store(true);
  const char msg[] = "\nconform: interrupted: finishing the current cases, cleaning up, writing reports (Ctrl-C again to quit now)\n";
  ssize_t ignored = write(2, msg, sizeof msg - 1);
  (void)ignored;
}

}  // namespace

SigintGuard::SigintGuard(std::atomic<bool>* stop) {
  std::atomic<bool>* expected = nullptr;
  if (!stop || !g_stop.compare_exchange_strong(expected, stop)) return;
  struct sigaction action {};
  action.sa_handler = on_sigint;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  if (sigaction(SIGINT, &action, &g_previous) == 0) installed_ = true;
  else g_stop.store(nullptr);
}

SigintGuard::~SigintGuard() {
  if (!installed_) return;
  sigaction(SIGINT, &g_previous, nullptr);
  g_stop.store(nullptr);
}

}  // namespace conform::runner
