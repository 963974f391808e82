// The spec files compiled into the binary (generated from specs/ at build time).
//
// Promises: paths are relative to specs/ with '/' separators, sorted; contents are the files' bytes.
#pragma once

#include <string>
#include <vector>

namespace conform::spec {

struct EmbeddedFile {
  std::string path;
  std::string content;
};

const std::vector<EmbeddedFile>& builtin_spec_files();

}  // namespace conform::spec
