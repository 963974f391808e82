#include "harness/campaign/duration.h"

#include <cctype>

namespace conform::campaign {

std::optional<double> parse_duration(const std::string& text, std::string* error) {
  auto fail = [&]() -> std::optional<double> {
    if (error)
      *error = "not a duration: '" + text + "' (use e.g. 90, 90s, 1500ms, 5m, 2h or 1m30s)";
    return std::nullopt;
  };
  if (text.empty() || text.size() > 32) return fail();
  double total = 0;
  size_t i = 0;
  while (i < text.size()) {
    size_t start = i;
    while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.')) ++i;
    if (i == start) return fail();
    double value = 0;
    try {
      size_t used = 0;
      value = std::stod(text.substr(start, i - start), &used);
      if (used != i - start) return fail();
    } catch (...) {
      return fail();
    }
    std::string unit;
    while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i]))) unit += text[i++];
    if (unit.empty() || unit == "s") total += value;
    else if (unit == "ms") total += value / 1000;
    else if (unit == "m") total += value * 60;
    else if (unit == "h") total += value * 3600;
    else return fail();
    if (unit.empty() && i < text.size()) return fail();
  }
  if (!(total > 0) || total > 366.0 * 24 * 3600) return fail();
  return total;
}

}  // namespace conform::campaign
