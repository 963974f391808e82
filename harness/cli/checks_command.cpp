// `conform checks`: lists the check registry (names are what --checks and every report line use).
#include <algorithm>
#include <iostream>

#include "harness/cli/commands.h"
#include "harness/oracle/check.h"

namespace conform::cli {

int checks_command() {
  const auto& registry = oracle::registry();
  size_t width = 0;
  for (const auto& c : registry) width = std::max(width, c.name.size());
  for (const auto& c : registry) {
    std::string name = c.name;
    name.resize(width + 2, ' ');
    std::cout << name << c.description << "\n";
  }
  return 0;
}

}  // namespace conform::cli
