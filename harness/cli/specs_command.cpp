// `conform specs check [DIR]`: wired to the spec module's run_specs_check.
#include <iostream>

#include "harness/cli/commands.h"
#include "harness/spec/check_command.h"

namespace conform::cli {

int specs_check_command(const std::optional<std::string>& dir) { return spec::run_specs_check(dir, std::cout, std::cerr); }

}  // namespace conform::cli
