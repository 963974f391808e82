// Status names as the API spells them (see store.h).
#include "emulator/sfn/store.h"

namespace conform::emulator::sfn {

const char* to_string(Status s) {
  switch (s) {
    case Status::Running: return "RUNNING";
    case Status::Succeeded: return "SUCCEEDED";
    case Status::Failed: return "FAILED";
    case Status::TimedOut: return "TIMED_OUT";
    case Status::Aborted: return "ABORTED";
  }
  return "RUNNING";
}

}  // namespace conform::emulator::sfn
