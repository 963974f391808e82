// `conform specs check` (see check_command.h).
#include "harness/spec/check_command.h"

#include <algorithm>
#include <vector>

#include "harness/spec/loader.h"

namespace conform::spec {

namespace {

void print_table(const SpecSet& set, std::ostream& out) {
  std::vector<std::vector<std::string>> rows = {{"SERVICE", "OPERATION", "ROLE", "PROTOCOL", "RULES", "FIXTURE"}};
  for (const Operation& op : set.operations) {
    const Service* s = set.find_service(op.service);
    rows.push_back({op.service, op.name, op.role, s ? to_string(s->protocol) : "?", std::to_string(op.rules.size()),
                    op.lifecycle ? op.lifecycle->fixture : "-"});
  }
  std::vector<size_t> widths(rows[0].size(), 0);
  for (const auto& row : rows) {
    for (size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], row[i].size());
  }
  for (const auto& row : rows) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) {
      line += row[i];
      if (i + 1 < row.size()) line += std::string(widths[i] - row[i].size() + 2, ' ');
    }
    out << line << "\n";
  }
  out << set.operations.size() << " operation(s) in " << set.services.size() << " service(s); no errors\n";
}

}  // namespace

int run_specs_check(const std::optional<std::string>& dir, std::ostream& out, std::ostream& err) {
  LoadResult result = dir ? load_spec_dir(*dir) : load_spec_files(builtin_spec_files());
  if (!result.ok()) {
    for (const SpecError& e : result.errors) err << e.to_string() << "\n";
    err << result.errors.size() << " error(s) in " << (dir ? *dir : std::string("the built-in specs")) << "\n";
    return 2;
  }
  print_table(*result.specs, out);
  return 0;
}

}  // namespace conform::spec
