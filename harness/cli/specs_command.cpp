// `conform specs check [DIR]` and `conform specs show OP`: wired to the spec module's run_specs_check and
// the report module's operation card.
#include <iostream>

#include "harness/cli/commands.h"
#include "harness/report/operation_card.h"
#include "harness/spec/builtin_specs.h"
#include "harness/spec/check_command.h"
#include "harness/spec/loader.h"
#include "harness/spec/suggest.h"

namespace conform::cli {

int specs_check_command(const std::optional<std::string>& dir) { return spec::run_specs_check(dir, std::cout, std::cerr); }

int specs_show_command(const std::string& operation, const std::optional<std::string>& dir) {
  spec::LoadResult loaded = dir ? spec::load_spec_dir(*dir) : spec::load_spec_files(spec::builtin_spec_files());
  if (!loaded.ok()) {
    for (const auto& e : loaded.errors) std::cerr << e.to_string() << "\n";
    return 2;
  }
  const spec::SpecSet& specs = *loaded.specs;
  std::vector<const spec::Operation*> found;
  std::vector<std::string> ids;
  for (const auto& op : specs.operations) {
    ids.push_back(op.id());
    if (op.id() == operation || op.name == operation) found.push_back(&op);
  }
  if (found.size() != 1) {
    if (found.empty()) {
      std::cerr << "conform: no operation '" << operation << "'" << spec::did_you_mean(operation, ids) << "\n";
    } else {
      std::cerr << "conform: '" << operation << "' names " << found.size() << " operations; give one of:";
      for (const auto* op : found) std::cerr << " " << op->id();
      std::cerr << "\n";
    }
    return 2;
  }
  std::cout << report::operation_card(specs, *found.front());
  return 0;
}

}  // namespace conform::cli
