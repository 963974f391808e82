// SWF duration strings ("DurationInSecondsOptional"): a non-negative integer number of seconds, or
// "NONE" for no limit.
//
// Promises: parse_duration never throws; it answers Unlimited for "NONE", Seconds for an integer
// 0..99999999, and Invalid for anything else (empty text, signs, fractions, other words).
#pragma once

#include <optional>
#include <string>

namespace conform::emulator::swf {

struct Duration {
  enum Kind { Seconds, Unlimited, Invalid } kind = Invalid;
  double seconds = 0;
  // The deadline `seconds` after `from`, or nullopt when there is none.
  std::optional<double> deadline_after(double from) const {
    if (kind != Seconds) return std::nullopt;
    return from + seconds;
  }
};

Duration parse_duration(const std::string& text);

}  // namespace conform::emulator::swf
