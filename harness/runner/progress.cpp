#include "harness/runner/progress.h"

#include <algorithm>
#include <ostream>

namespace conform::runner {

Progress::Progress(std::ostream* out, bool tty, std::vector<OpProgress> ops)
    : out_(out), tty_(tty), ops_(std::move(ops)) {}

std::string Progress::line(const OpProgress& p) const {
  size_t width = 0;
  for (const auto& o : ops_) width = std::max(width, o.operation.size());
  std::string name = p.operation;
  name.resize(width, ' ');
  std::string text = "  " + name + "  checks " + std::to_string(p.checks_done) + "/" + std::to_string(p.checks_total) +
                     "  cases " + std::to_string(p.units_done) + "/" + std::to_string(p.units_total) +
                     "  failing " + std::to_string(p.failing_cases);
  if (p.not_run > 0) text += "  not run " + std::to_string(p.not_run);
  if (p.units_total == 0) text += "  (nothing to run)";
  else if (p.finished()) text += "  done";
  return text;
}

void Progress::redraw_locked(bool force) {
  auto now = std::chrono::steady_clock::now();
  if (!force && drawn_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  if (drawn_) *out_ << "\x1b[" << ops_.size() << "A";
  for (const auto& p : ops_) *out_ << "\r\x1b[2K" << line(p) << "\n";
  out_->flush();
  drawn_ = true;
}

void Progress::message(const std::string& text) {
  if (!out_) return;
  std::lock_guard<std::mutex> lock(mu_);
  try {
    if (tty_ && drawn_) {
      *out_ << "\x1b[" << ops_.size() << "A\r\x1b[2K" << text << "\n";
      drawn_ = false;  // the block is redrawn below the message, over the old lines
      redraw_locked(true);
    } else {
      *out_ << text << "\n";
      out_->flush();
    }
  } catch (...) {
  }
}

void Progress::update(size_t op_index, const OpProgress& p) {
  if (!out_ || op_index >= ops_.size()) return;
  std::lock_guard<std::mutex> lock(mu_);
  try {
    bool just_finished = p.finished() && !ops_[op_index].finished();
    ops_[op_index] = p;
    if (tty_) {
      redraw_locked(just_finished);
    } else if (just_finished) {
      *out_ << line(p) << "\n";
      out_->flush();
    }
  } catch (...) {
  }
}

void Progress::finish() {
  if (!out_) return;
  std::lock_guard<std::mutex> lock(mu_);
  if (finished_) return;
  finished_ = true;
  try {
    if (tty_) redraw_locked(true);
  } catch (...) {
  }
}

}  // namespace conform::runner
