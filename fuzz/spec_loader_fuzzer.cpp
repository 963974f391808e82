// Fuzz target: the spec loader. The input replaces one built-in spec file (chosen by the first byte)
// or, with an even first byte, is added as a new operation file; the loader must either load the set or
// report errors, each naming a file and carrying a message. Never a crash, an exception or a hang.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "harness/spec/loader.h"

using namespace conform;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::vector<spec::EmbeddedFile> files = spec::builtin_spec_files();
  std::string content(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (files.empty() || data[0] % 2 == 0) {
    files.push_back({"stepfunctions/Fuzzed.json", content});
  } else {
    files[(data[0] / 2) % files.size()].content = content;
  }
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
