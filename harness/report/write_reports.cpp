#include "harness/report/write_reports.h"

#include <ctime>
#include <filesystem>

#include "harness/report/html.h"
#include "harness/report/junit.h"
#include "harness/report/model/baseline.h"
#include "harness/report/sarif.h"

namespace conform::report {

std::vector<std::string> write_reports(const RunReport& report, const std::string& dir, std::vector<std::string>* errors) {
  std::vector<std::string> written;
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  auto write = [&](const std::string& name, const std::string& content) {
    std::string error;
    if (write_text_file((std::filesystem::path(dir) / name).string(), content, &error)) written.push_back(name);
    else if (errors) errors->push_back(error);
  };
  try {
    write("summary.json", dump_json(to_json(report)) + "\n");
    write("junit.xml", junit_xml(report));
    write("report.html", html_report(report));
    write("report.sarif", dump_json(sarif_log(report)) + "\n");
  } catch (const std::exception& e) {
    if (errors) errors->push_back(std::string("writing reports failed: ") + e.what());
  }
  return written;
}

std::string default_report_dir(const std::string& root) {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%SZ", &tm);
  std::string base = (std::filesystem::path(root) / stamp).string();
  std::string dir = base;
  std::error_code ec;
  for (int i = 2; std::filesystem::exists(dir, ec) && i < 1000; ++i) dir = base + "-" + std::to_string(i);
  return dir;
}

}  // namespace conform::report
