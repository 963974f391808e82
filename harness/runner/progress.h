// The progress display of a run: on a terminal, one live line per operation (checks done, cases,
// failing cases so far), redrawn in place at most ten times a second; otherwise one plain line per
// operation when it finishes.
//
// Promises: thread-safe; writes nothing when the stream is null; never throws.
#pragma once

#include <chrono>
#include <iosfwd>
#include <mutex>
#include <string>
#include <vector>

#include "harness/runner/aggregate.h"

namespace conform::runner {

class Progress {
 public:
  Progress(std::ostream* out, bool tty, std::vector<OpProgress> ops);
  void message(const std::string& line);          // a plain line (above the live block on a TTY)
  void update(size_t op_index, const OpProgress& p);
  void finish();

 private:
  std::string line(const OpProgress& p) const;
  void redraw_locked(bool force);

  std::ostream* out_;
  bool tty_;
  std::vector<OpProgress> ops_;
  std::mutex mu_;
  bool drawn_ = false;
  bool finished_ = false;
  std::chrono::steady_clock::time_point last_draw_{};
};

}  // namespace conform::runner
