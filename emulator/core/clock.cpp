#include "emulator/core/clock.h"

#include <chrono>
#include <cmath>

namespace conform::emulator {

double SystemClock::now() const {
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                std::chrono::system_clock::now().time_since_epoch()).count();
  return static_cast<double>(ms) / 1000.0;
}

double OffsetClock::now() const { return std::round((system_.now() + offset_.load()) * 1000.0) / 1000.0; }

}  // namespace conform::emulator
