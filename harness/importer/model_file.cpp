// Model files in, spec files out (see model_file.h).
#include "harness/importer/model_file.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "harness/importer/botocore_import.h"
#include "harness/importer/smithy_import.h"

namespace conform::importer {

ImportResult import_model_file(const std::string& path, ModelFormat format, ImportOptions options) {
  ImportResult result;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    result.errors.push_back(path + ": cannot be read");
    return result;
  }
  std::ostringstream text;
  text << in.rdbuf();
  Json model;
  try {
    model = Json::parse(text.str());
  } catch (const std::exception& e) {
    result.errors.push_back(path + ": not valid JSON: " + e.what());
    return result;
  }
  if (format == ModelFormat::Botocore && options.service_name.empty()) {
    std::filesystem::path p(path);
    if (p.filename() == "service-2.json" && p.has_parent_path() && p.parent_path().has_parent_path()) {
      options.service_name = p.parent_path().parent_path().filename().string();
    }
  }
  return format == ModelFormat::Botocore ? import_botocore(model, options) : import_smithy(model, options);
}

std::vector<spec::EmbeddedFile> spec_files(const ImportResult& result) {
  std::vector<spec::EmbeddedFile> files;
  if (!result.ok()) return files;
  files.push_back({result.service_name + "/service.json", result.service.dump(2, ' ', false, Json::error_handler_t::replace) + "\n"});
  for (const ImportedOperation& op : result.operations) {
    files.push_back({result.service_name + "/" + op.name + ".json", op.spec.dump(2, ' ', false, Json::error_handler_t::replace) + "\n"});
  }
  return files;
}

}  // namespace conform::importer
