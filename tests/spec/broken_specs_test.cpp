// Every folder under tests/spec/broken/ is a deliberately broken spec set; its expected.txt names the
// file, the JSON pointer and a substring of the message the loader must report. Folders under
// tests/spec/valid/ must load.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "harness/spec/loader.h"

namespace conform::spec {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> case_names(const std::string& kind) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(std::string(CONFORM_SOURCE_DIR) + "/tests/spec/" + kind)) {
    if (entry.is_directory()) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

struct Expected {
  std::string file, pointer, message;
};

Expected read_expected(const fs::path& path) {
  Expected e;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    auto value = [&](const std::string& key) -> std::optional<std::string> {
      if (line.rfind(key + ":", 0) != 0) return std::nullopt;
      std::string v = line.substr(key.size() + 1);
      return v.empty() ? v : v.substr(v[0] == ' ' ? 1 : 0);
    };
    if (auto v = value("file")) e.file = *v;
    if (auto v = value("pointer")) e.pointer = *v;
    if (auto v = value("message")) e.message = *v;
  }
  return e;
}

class BrokenSpec : public testing::TestWithParam<std::string> {};

TEST_P(BrokenSpec, ReportsFilePointerAndMessage) {
  const fs::path dir = fs::path(CONFORM_SOURCE_DIR) / "tests/spec/broken" / GetParam();
  const Expected expected = read_expected(dir / "expected.txt");
  ASSERT_FALSE(expected.file.empty()) << "expected.txt needs a 'file:' line";
  ASSERT_FALSE(expected.message.empty()) << "expected.txt needs a 'message:' line";
  LoadResult r = load_spec_dir(dir.string());
  EXPECT_FALSE(r.ok());
  std::string all;
  bool found = false;
  for (const SpecError& e : r.errors) {
    all += "\n  " + e.to_string();
    EXPECT_FALSE(e.message.empty());
    found = found || (e.file == expected.file && e.pointer == expected.pointer &&
                      e.message.find(expected.message) != std::string::npos);
  }
  EXPECT_TRUE(found) << "expected " << expected.file << ": " << expected.pointer << ": ..." << expected.message
                     << "...\ngot:" << all;
}

INSTANTIATE_TEST_SUITE_P(Cases, BrokenSpec, testing::ValuesIn(case_names("broken")),
                         [](const testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

TEST(BrokenSpecs, TheSuiteCoversTheRequiredCases) {
  std::vector<std::string> names = case_names("broken");
  for (const char* required : {"syntax-error", "wrong-type", "unknown-key", "missing-required-key", "unknown-situation",
                               "rule-unknown-member", "undeclared-error", "lifecycle-missing-fixture",
                               "step-uses-uncaptured-variable", "bad-regex", "min-greater-than-max",
                               "missing-readback-operation", "uri-label-without-member", "not-an-object", "empty-file"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), required), names.end()) << required;
  }
}

class ValidSpec : public testing::TestWithParam<std::string> {};

TEST_P(ValidSpec, Loads) {
  LoadResult r = load_spec_dir(std::string(CONFORM_SOURCE_DIR) + "/tests/spec/valid/" + GetParam());
  for (const SpecError& e : r.errors) ADD_FAILURE() << e.to_string();
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r.specs->operations.empty());
}

INSTANTIATE_TEST_SUITE_P(Cases, ValidSpec, testing::ValuesIn(case_names("valid")));

}  // namespace
}  // namespace conform::spec
