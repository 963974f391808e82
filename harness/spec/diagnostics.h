// Collecting spec errors for one file while it is read and checked.
//
// Promises: every error added carries the file it was created for; messages are kept verbatim.
#pragma once

#include <string>
#include <vector>

#include "harness/spec/loader.h"

namespace conform::spec {

class Diagnostics {
 public:
  Diagnostics(std::string file, std::vector<SpecError>& sink) : file_(std::move(file)), sink_(&sink) {}
  void add(const std::string& pointer, const std::string& message) const {
    sink_->push_back({file_, pointer, message});
  }
  const std::string& file() const { return file_; }

 private:
  std::string file_;
  std::vector<SpecError>* sink_;
};

}  // namespace conform::spec
