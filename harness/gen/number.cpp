#include "harness/gen/number.h"

#include <algorithm>
#include <limits>

namespace conform::gen {

rc::Gen<int64_t> integer_in(std::optional<int64_t> min, std::optional<int64_t> max, bool is_long) {
  int64_t lo = min.value_or(is_long ? -(int64_t(1) << 40) : std::numeric_limits<int32_t>::min());
  int64_t hi = max.value_or(is_long ? (int64_t(1) << 40) : std::numeric_limits<int32_t>::max());
  if (hi < lo) hi = lo;
  // "Anything" draws stay near the lower bound (or zero) so cases read well.
  int64_t base = (lo <= 0 && hi >= 0) ? 0 : lo;
  int64_t span_hi = std::min<int64_t>(hi, base + 1000);
  int64_t end = span_hi + (span_hi < std::numeric_limits<int64_t>::max() ? 1 : 0);
  // The choice shrinks toward 0: "anything near zero", which itself shrinks toward `base`.
  return rc::gen::mapcat(rc::gen::resize(rc::kNominalSize, rc::gen::inRange<int>(0, 4)), [lo, hi, base, end](int mode) {
    if (mode == 2) return rc::gen::just(lo);
    if (mode == 3) return rc::gen::just(hi);
    return rc::gen::inRange<int64_t>(base, end);
  });
}

rc::Gen<double> double_in(std::optional<int64_t> min, std::optional<int64_t> max) {
  return rc::gen::map(rc::gen::pair(integer_in(min, max, true), rc::gen::inRange<int>(0, 4)), [min, max](const std::pair<int64_t, int>& p) {
    double v = static_cast<double>(p.first) + p.second * 0.25;
    if (max && v > static_cast<double>(*max)) v = static_cast<double>(*max);
    if (min && v < static_cast<double>(*min)) v = static_cast<double>(*min);
    return v;
  });
}

rc::Gen<double> epoch_seconds() {
  return rc::gen::map(rc::gen::inRange<int64_t>(1500000000, 1900000000), [](int64_t s) { return static_cast<double>(s); });
}

}  // namespace conform::gen
