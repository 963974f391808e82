// Test helper: the files of a spec folder as in-memory files (as builtin_spec_files() gives them).
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "harness/spec/builtin_specs.h"

namespace conform::spec::testing_support {

inline std::vector<EmbeddedFile> read_spec_files(const std::string& dir) {
  std::vector<EmbeddedFile> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    files.push_back({std::filesystem::relative(entry.path(), dir).generic_string(), content.str()});
  }
  std::sort(files.begin(), files.end(), [](const EmbeddedFile& a, const EmbeddedFile& b) { return a.path < b.path; });
  return files;
}

inline EmbeddedFile* find_file(std::vector<EmbeddedFile>& files, const std::string& path) {
  for (EmbeddedFile& f : files) {
    if (f.path == path) return &f;
  }
  return nullptr;
}

// A service file with every required key and nothing else (no fixtures, no common errors).
inline std::string minimal_service_json(const std::string& name) {
  return R"({"kind":"service","name":")" + name + R"(","title":"T","apiVersion":"2020-01-01","protocol":"awsJson1_0",)"
         R"("signingName":")" + name + R"(","endpointPrefix":")" + name + R"(","targetPrefix":"T",)"
         R"("validation":{"error":"ValidationException","memberPaths":"asModeled","provenance":"inferred","templates":{}},)"
         R"("commonErrors":[],"fixtures":{}})";
}

}  // namespace conform::spec::testing_support
