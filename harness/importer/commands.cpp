// `conform import` and `conform drift` (see commands.h).
#include "harness/importer/commands.h"

#include <filesystem>
#include <fstream>

#include "harness/importer/drift.h"
#include "harness/spec/loader.h"

namespace conform::importer {

namespace fs = std::filesystem;

namespace {

bool write_files(const std::vector<spec::EmbeddedFile>& files, const std::string& out_dir, std::ostream& out,
                 std::ostream& err) {
  for (const spec::EmbeddedFile& f : files) {
    const fs::path path = fs::path(out_dir) / f.path;
    std::error_code ec;
    if (fs::exists(path, ec)) {
      out << "kept " << path.string() << " (it exists; compare with `conform drift`)\n";
      continue;
    }
    fs::create_directories(path.parent_path(), ec);
    std::ofstream file(path, std::ios::binary);
    file << f.content;
    if (!file) {
      err << path.string() << ": cannot be written\n";
      return false;
    }
    out << "wrote " << path.string() << "\n";
  }
  return true;
}

}  // namespace

int run_import(const std::string& model_path, ModelFormat format, const ImportOptions& options,
               const std::optional<std::string>& out_dir, std::ostream& out, std::ostream& err) {
  try {
    ImportResult result = import_model_file(model_path, format, options);
    if (!result.ok()) {
      for (const std::string& e : result.errors) err << "import: " << e << "\n";
      return 2;
    }
    std::vector<spec::EmbeddedFile> files = spec_files(result);
    spec::LoadResult check = spec::load_spec_files(files);
    if (!check.ok()) {
      for (const spec::SpecError& e : check.errors) err << "import produced an invalid spec: " << e.to_string() << "\n";
      return 2;
    }
    if (out_dir) {
      if (!write_files(files, *out_dir, out, err)) return 2;
    } else {
      for (const spec::EmbeddedFile& f : files) out << "// " << f.path << "\n" << f.content;
    }
    out << "imported " << result.operations.size() << " operation(s) of service '" << result.service_name << "' from "
        << model_path << "\n";
    for (const std::string& n : result.notes) out << "note: " << n << "\n";
    return 0;
  } catch (const std::exception& e) {
    err << "import: " << e.what() << "\n";
    return 2;
  }
}

int run_drift(const std::string& model_path, ModelFormat format, const std::optional<std::string>& spec_dir,
              std::ostream& out, std::ostream& err) {
  try {
    spec::LoadResult specs = spec_dir ? spec::load_spec_dir(*spec_dir) : spec::load_spec_files(spec::builtin_spec_files());
    if (!specs.ok()) {
      for (const spec::SpecError& e : specs.errors) err << e.to_string() << "\n";
      return 2;
    }
    ImportResult model = import_model_file(model_path, format, {});
    DriftReport report = compute_drift(*specs.specs, model);
    if (!report.errors.empty()) {
      for (const std::string& e : report.errors) err << "drift: " << e << "\n";
      return 2;
    }
    for (const DriftItem& item : report.items) out << item.to_string() << "\n";
    out << report.items.size() << " difference(s) in " << report.compared << " operation(s) of " << report.service
        << " compared with " << model_path;
    if (report.model_only) out << " (" << report.model_only << " model operation(s) have no spec)";
    out << "\n";
    return report.items.empty() ? 0 : 1;
  } catch (const std::exception& e) {
    err << "drift: " << e.what() << "\n";
    return 2;
  }
}

}  // namespace conform::importer
