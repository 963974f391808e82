// Fuzz target: the spec loader. The input replaces one built-in spec file (chosen by the first two
// bytes, fuzz/support/spec_file_choice.h) or, with an even choice, is added as a new operation file
// stepfunctions/Fuzzed.json; the loader
// must either load the set or report errors, each naming a file and carrying a message. Never a crash,
// an exception or a hang.
//
// Each input is loaded with only the files it can interact with: the schema (schema/*), the service.json
// of the mutated file's folder (a replaced schema goes with stepfunctions/), and the operation files
// of that folder whose name the service file or the mutated file mentions as a JSON string (fixture
// steps, read-backs). Nothing refers across services, so every other file would only be re-parsed and
// re-validated unchanged: reloading every built-in spec per input cost ~0.5 s under ASan (2 exec/s).
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz/support/spec_file_choice.h"
#include "harness/spec/loader.h"

using namespace conform;

namespace {

std::string folder_of(const std::string& path) {
  auto slash = path.find('/');
  return slash == std::string::npos ? "" : path.substr(0, slash);
}

std::string stem_of(const std::string& path) {
  auto slash = path.rfind('/');
  auto name = slash == std::string::npos ? path : path.substr(slash + 1);
  auto dot = name.rfind('.');
  return dot == std::string::npos ? name : name.substr(0, dot);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::vector<spec::EmbeddedFile>& builtin = spec::builtin_spec_files();
  auto choice = fuzz::choose_spec_file(std::string_view(reinterpret_cast<const char*>(data), size), builtin);
  if (!choice) return 0;
  const spec::EmbeddedFile* replaced = choice->replaced;
  spec::EmbeddedFile mutated{choice->path, std::move(choice->content)};
  std::string folder = folder_of(mutated.path);
  if (folder == "schema") folder = "stepfunctions";
  const std::string service_path = folder + "/service.json";
  const spec::EmbeddedFile* service = nullptr;
  for (const spec::EmbeddedFile& f : builtin)
    if (f.path == service_path) service = &f;
  // The folder's operation files the service file or the mutated file name, and those they name in
  // turn (e.g. a fixture's StopExecution names its read-back DescribeExecution).
  std::vector<const spec::EmbeddedFile*> candidates, included;
  for (const spec::EmbeddedFile& f : builtin)
    if (&f != replaced && &f != service && folder_of(f.path) == folder) candidates.push_back(&f);
  std::vector<const std::string*> texts{&mutated.content};
  if (service && service != replaced) texts.push_back(&service->content);
  for (size_t scanned = 0; scanned < texts.size(); ++scanned) {
    for (auto& c : candidates) {
      if (c && texts[scanned]->find("\"" + stem_of(c->path) + "\"") != std::string::npos) {
        included.push_back(c);
        texts.push_back(&c->content);
        c = nullptr;
      }
    }
  }
  std::vector<spec::EmbeddedFile> files;
  for (const spec::EmbeddedFile& f : builtin) {
    bool named = std::find(included.begin(), included.end(), &f) != included.end();
    if (&f != replaced && (folder_of(f.path) == "schema" || &f == service || named)) files.push_back(f);
  }
  files.push_back(std::move(mutated));
  spec::LoadResult result = spec::load_spec_files(files);
  if (result.ok() == !result.errors.empty()) {
    std::fprintf(stderr, "loader returned ok=%d with %zu errors\n", result.ok(), result.errors.size());
    std::abort();
  }
  for (const auto& e : result.errors) {
    if (e.file.empty() || e.message.empty()) {
      std::fprintf(stderr, "loader error without file or message: %s\n", e.to_string().c_str());
      std::abort();
    }
  }
  return 0;
}
