// `conform baseline --from REPORT --out FILE`: accepts every failure of a run report.
#include <filesystem>
#include <iostream>

#include "harness/cli/commands.h"
#include "harness/report/model/baseline.h"

namespace conform::cli {

int baseline_command(const BaselineArgs& args) {
  std::string path = args.from;
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) path = (std::filesystem::path(path) / "summary.json").string();
  std::string error;
  auto text = report::read_text_file(path, &error);
  if (!text) {
    std::cerr << "conform baseline: " << error << "\n";
    return 2;
  }
  auto doc = report::Json::parse(*text, nullptr, false);
  if (doc.is_discarded()) {
    std::cerr << "conform baseline: " << path << ": not valid JSON\n";
    return 2;
  }
  auto run = report::run_report_from_json(doc, &error);
  if (!run) {
    std::cerr << "conform baseline: " << path << ": not a run report: " << error << "\n";
    return 2;
  }
  report::Baseline baseline = report::baseline_from_report(*run, !args.violations_only);
  if (!report::save_baseline(baseline, args.out, &error)) {
    std::cerr << "conform baseline: " << error << "\n";
    return 2;
  }
  std::cout << "wrote " << args.out << ": " << baseline.entries.size() << " accepted failure(s) from " << path << "\n";
  for (const auto& e : baseline.entries)
    std::cout << "  " << e.fingerprint << "  " << e.operation << " " << e.check << " " << e.rule << "/" << e.facet << "\n";
  return 0;
}

}  // namespace conform::cli
