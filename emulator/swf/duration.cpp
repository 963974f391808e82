// Parsing of SWF duration strings (see duration.h).
#include "emulator/swf/duration.h"

namespace conform::emulator::swf {

Duration parse_duration(const std::string& text) {
  Duration d;
  if (text == "NONE") {
    d.kind = Duration::Unlimited;
    return d;
  }
  if (text.empty() || text.size() > 8) return d;
  double value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return d;
    value = value * 10 + (c - '0');
  }
  d.kind = Duration::Seconds;
  d.seconds = value;
  return d;
}

}  // namespace conform::emulator::swf
