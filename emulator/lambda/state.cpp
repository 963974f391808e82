#include "emulator/lambda/state.h"

#include <algorithm>

namespace conform::emulator::lambda {

std::optional<Function> State::add_function(Function f) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (functions_.count(f.name)) return std::nullopt;
  f.serial = ++next_serial_;
  auto name = f.name;
  return functions_.emplace(name, std::move(f)).first->second;
}

std::optional<Function> State::function(const std::string& name) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = functions_.find(name);
  if (it == functions_.end()) return std::nullopt;
  return it->second;
}

std::vector<Function> State::functions() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<Function> out;
  out.reserve(functions_.size());
  for (const auto& [name, f] : functions_) out.push_back(f);
  return out;
}

bool State::remove_function(const std::string& name) {
  std::lock_guard<std::mutex> lock(mutex_);
  return functions_.erase(name) > 0;
}

std::pair<DurableExecution, bool> State::start_execution(DurableExecution e) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto key = std::make_tuple(e.function_name, e.function_serial, e.name);
  auto named = by_name_.find(key);
  if (named != by_name_.end()) {
    auto existing = executions_.find(named->second);
    if (existing != executions_.end()) return {existing->second, false};
  }
  by_name_[key] = e.arn;
  e.sequence = ++next_serial_;
  auto arn = e.arn;
  return {executions_.emplace(arn, std::move(e)).first->second, true};
}

std::optional<DurableExecution> State::execution(const std::string& arn) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = executions_.find(arn);
  if (it == executions_.end()) return std::nullopt;
  return it->second;
}

std::vector<DurableExecution> State::executions_of(const std::string& function_name, uint64_t function_serial) const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<DurableExecution> out;
  for (const auto& [arn, e] : executions_)
    if (e.function_name == function_name && e.function_serial == function_serial) out.push_back(e);
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.sequence < b.sequence; });
  return out;
}

std::optional<DurableExecution> State::stop(const std::string& arn, double now, std::optional<Json> error) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = executions_.find(arn);
  if (it == executions_.end()) return std::nullopt;
  DurableExecution& e = it->second;
  if (e.status == "RUNNING") {
    e.status = "STOPPED";
    e.end = now;
    e.error = std::move(error);
  }
  return e;
}

}  // namespace conform::emulator::lambda
