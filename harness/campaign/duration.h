// `--time DURATION` of `conform fuzz`: "90", "90s", "1500ms", "5m", "2h", "1m30s".
//
// Promises: never throws; returns seconds (> 0) or nullopt with a reason naming the accepted forms.
#pragma once

#include <optional>
#include <string>

namespace conform::campaign {

std::optional<double> parse_duration(const std::string& text, std::string* error = nullptr);

}  // namespace conform::campaign
