// Factory of the reference emulator's swf service backend (see emulator/core/backend.h for the
// contract every backend keeps).
#pragma once

#include <memory>

#include "emulator/core/backend.h"

namespace conform::emulator {

std::unique_ptr<Backend> make_swf_backend();

}  // namespace conform::emulator
