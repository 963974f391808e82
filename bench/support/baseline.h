// The yardstick every Conform benchmark divides by: a trivial cpp-httplib server that answers every
// POST with a small JSON body, and cpp-httplib clients posting JSON to it over loopback, measured in
// the same process as the figure being compared (so machine load affects both alike).
//
// Promises: the server listens on an ephemeral 127.0.0.1 port only; measurement loops are bounded by
// `seconds`; the returned rate is completed requests per second over the measured interval.
#pragma once

#include <cstddef>

namespace conform::bench {

struct Rate {
  double requests_per_second = 0;
  size_t requests = 0;
  double seconds = 0;
};

// `connections` client threads, each with one kept-alive connection.
Rate measure_trivial_httplib(int connections, double seconds);

// Peak resident set size of this process so far, in KiB (VmHWM), and the current one (VmRSS).
long peak_rss_kib();
long current_rss_kib();

}  // namespace conform::bench
