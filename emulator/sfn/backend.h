// Factory of the reference emulator's stepfunctions service backend (see emulator/core/backend.h for the
// contract every backend keeps).
#pragma once

#include <chrono>
#include <memory>

#include "emulator/core/backend.h"

namespace conform::emulator {

struct SfnOptions {
  // How long GetActivityTask waits (real time) for a task before answering with no taskToken. AWS
  // long-polls up to 60 s; the emulator keeps it short.
  std::chrono::milliseconds poll_wait{200};
};

std::unique_ptr<Backend> make_stepfunctions_backend();
std::unique_ptr<Backend> make_stepfunctions_backend(SfnOptions options);

}  // namespace conform::emulator
