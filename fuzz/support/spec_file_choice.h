// The spec_loader target's input: bytes 0-1 (big-endian) choose the file, the rest is its content.
// An odd choice n replaces built-in file number (n / 2) % count (spec::builtin_spec_files(), in path
// order: up to 32768 files reachable; one byte reached only the first 128 of the 194 files that 161
// operations make); an even choice adds a new operation file stepfunctions/Fuzzed.json.
// scripts/fuzz-seeds writes the seeds in this form.
//
// Promises: never throws; nullopt for fewer than two bytes or no built-in files.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/spec/builtin_specs.h"

namespace conform::fuzz {

struct SpecFileChoice {
  std::string path;                                // the file's path in the loaded set
  const spec::EmbeddedFile* replaced = nullptr;    // the built-in file it replaces, or nullptr (new file)
  std::string content;
};

inline constexpr const char* kNewSpecFilePath = "stepfunctions/Fuzzed.json";

std::optional<SpecFileChoice> choose_spec_file(std::string_view bytes, const std::vector<spec::EmbeddedFile>& builtin);

}  // namespace conform::fuzz
