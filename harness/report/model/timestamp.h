// The time a report states: now, in UTC, as ISO 8601 to the second ("2026-11-23T18:00:00Z").
#pragma once

#include <string>

namespace conform::report {

std::string iso_now();

}  // namespace conform::report
