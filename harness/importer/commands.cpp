// `conform import` and `conform drift` (see commands.h).
#include "harness/importer/commands.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

#include "harness/importer/drift.h"
#include "harness/spec/inference.h"
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

// The required identifier members no recipe of the folder can fill (spec/inference.h): the operations
// they belong to get no live resource until someone writes a recipe.
void name_unproduced(const spec::SpecSet& specs, const std::string& service, std::ostream& out) {
  std::vector<std::string> members = spec::unproduced_members(specs, service);
  if (members.empty()) return;
  out << "note: " << members.size() << " required identifier member(s) of '" << service
      << "' are produced by no recipe (their operations get no live resource; write a fixture recipe for them):";
  for (const std::string& m : members) out << " " << m;
  out << "\n";
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
    name_unproduced(*check.specs, result.service_name, out);
    return 0;
  } catch (const std::exception& e) {
    err << "import: " << e.what() << "\n";
    return 2;
  }
}

namespace {

// Reads every *.json below `dir` as spec files (paths relative to it).
std::vector<spec::EmbeddedFile> read_folder(const std::string& dir) {
  std::vector<spec::EmbeddedFile> files;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file(ec) || it->path().extension() != ".json") continue;
    std::ifstream in(it->path(), std::ios::binary);
    files.push_back({fs::relative(it->path(), dir, ec).generic_string(),
                     std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>())});
  }
  return files;
}

// "botocore-1.43.67/stepfunctions/2016-11-23/service-2.json" from a longer path: the last four parts.
std::string model_marker(const std::string& model_path, ModelFormat format) {
  std::vector<std::string> parts;
  for (const auto& p : fs::path(model_path)) parts.push_back(p.string());
  size_t keep = format == ModelFormat::Botocore ? 4 : 1;
  std::string out;
  for (size_t i = parts.size() > keep ? parts.size() - keep : 0; i < parts.size(); ++i) out += (out.empty() ? "" : "/") + parts[i];
  return std::string(format == ModelFormat::Botocore ? "botocore " : "smithy ") + out;
}

}  // namespace

int run_import_into_model_folder(const std::string& model_path, ModelFormat format, const ImportOptions& options,
                                 const std::string& spec_dir, std::ostream& out, std::ostream& err) {
  try {
    ImportResult result = import_model_file(model_path, format, options);
    if (!result.ok()) {
      for (const std::string& e : result.errors) err << "import: " << e << "\n";
      return 2;
    }
    const std::string service = result.service_name;
    const std::string marker = model_marker(model_path, format);
    std::vector<spec::EmbeddedFile> files;  // the folder as it will be
    std::vector<std::string> stale;         // model files to remove
    std::set<std::string> hand_written;
    for (spec::EmbeddedFile& f : read_folder(spec_dir)) {
      const bool ours = f.path.rfind(service + "/model/", 0) == 0;
      if (ours) {
        stale.push_back(f.path);
        continue;
      }
      if (f.path.rfind(service + "/", 0) == 0 && f.path.find('/', service.size() + 1) == std::string::npos)
        hand_written.insert(fs::path(f.path).stem().string());
      files.push_back(std::move(f));
    }
    const bool has_service_file = hand_written.count("service") > 0;
    std::vector<spec::EmbeddedFile> written;
    if (!has_service_file)
      written.push_back({service + "/service.json", result.service.dump(2, ' ', false, Json::error_handler_t::replace) + "\n"});
    for (const ImportedOperation& op : result.operations) {
      Json doc = op.spec;
      doc["generated"] = marker;
      written.push_back({service + "/model/" + op.name + ".json", doc.dump(2, ' ', false, Json::error_handler_t::replace) + "\n"});
    }
    files.insert(files.end(), written.begin(), written.end());
    spec::LoadResult check = spec::load_spec_files(files);
    if (!check.ok()) {
      for (const spec::SpecError& e : check.errors) err << "import would leave an invalid spec folder: " << e.to_string() << "\n";
      return 2;
    }
    std::error_code ec;
    for (const std::string& path : stale) fs::remove(fs::path(spec_dir) / path, ec);
    for (const spec::EmbeddedFile& f : written) {
      const fs::path path = fs::path(spec_dir) / f.path;
      fs::create_directories(path.parent_path(), ec);
      std::ofstream file(path, std::ios::binary);
      file << f.content;
      if (!file) {
        err << path.string() << ": cannot be written\n";
        return 2;
      }
    }
    size_t overlaid = 0;
    for (const ImportedOperation& op : result.operations) overlaid += hand_written.count(op.name);
    out << "wrote " << result.operations.size() << " operation(s) of '" << service << "' to "
        << (fs::path(spec_dir) / service / "model").string() << " from " << marker << "; " << overlaid
        << " have a hand-written file over them" << (has_service_file ? "" : "; wrote a new service.json") << "\n";
    for (const std::string& n : result.notes) out << "note: " << n << "\n";
    name_unproduced(*check.specs, service, out);
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
