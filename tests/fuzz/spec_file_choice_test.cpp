// The spec_loader target's choice of file (fuzz/support/spec_file_choice.h): two bytes reach every
// built-in spec file (one byte reached 128 of the 194 that 161 operations make), and the seeds
// scripts/fuzz-seeds writes replace the file whose content they carry.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "fuzz/support/spec_file_choice.h"

using namespace conform;

namespace {

std::string choice_bytes(unsigned n) { return std::string{static_cast<char>(n >> 8), static_cast<char>(n & 0xFF)}; }

}  // namespace

TEST(SpecFileChoice, EveryBuiltinFileIsReachable) {
  const auto& builtin = spec::builtin_spec_files();
  ASSERT_GT(builtin.size(), 128u) << "the case one byte could not reach";
  for (size_t i = 0; i < builtin.size(); ++i) {
    auto choice = fuzz::choose_spec_file(choice_bytes(2 * i + 1) + "{}", builtin);
    ASSERT_TRUE(choice);
    EXPECT_EQ(choice->replaced, &builtin[i]);
    EXPECT_EQ(choice->path, builtin[i].path);
    EXPECT_EQ(choice->content, "{}");
  }
}

TEST(SpecFileChoice, EvenChoiceAddsANewFileAndShortInputsNone) {
  const auto& builtin = spec::builtin_spec_files();
  auto added = fuzz::choose_spec_file(choice_bytes(2) + "x", builtin);
  ASSERT_TRUE(added);
  EXPECT_EQ(added->replaced, nullptr);
  EXPECT_EQ(added->path, fuzz::kNewSpecFilePath);
  EXPECT_EQ(added->content, "x");
  EXPECT_FALSE(fuzz::choose_spec_file("\x01", builtin));
  EXPECT_FALSE(fuzz::choose_spec_file("", builtin));
}

TEST(SpecFileChoice, SeedsReplaceTheFileWhoseContentTheyCarry) {
  const auto& builtin = spec::builtin_spec_files();
  size_t checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(CONFORM_SOURCE_DIR) + "/corpus/spec_loader")) {
    if (entry.path().filename().string().rfind("seed-", 0) != 0) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto choice = fuzz::choose_spec_file(bytes, builtin);
    if (!choice || !choice->replaced) continue;
    for (const auto& f : builtin) {
      if (f.content != choice->content) continue;
      EXPECT_EQ(choice->path, f.path) << entry.path().filename();
      ++checked;
    }
  }
  EXPECT_GT(checked, 30u);
}
