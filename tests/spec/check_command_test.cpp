// `conform specs check`: the table on success, every error and exit code 2 on failure.
#include <gtest/gtest.h>

#include <sstream>

#include "harness/spec/check_command.h"

namespace conform::spec {
namespace {

const std::string kTests = std::string(CONFORM_SOURCE_DIR) + "/tests/spec";

TEST(SpecsCheck, ListsTheOperationsOfAValidDirectory) {
  std::ostringstream out, err;
  EXPECT_EQ(run_specs_check(kTests + "/valid/minimal", out, err), 0);
  EXPECT_EQ(err.str(), "");
  const std::string table = out.str();
  EXPECT_NE(table.find("SERVICE"), std::string::npos);
  EXPECT_NE(table.find("demo     Poke           subject    awsJson1_0  2      thing"), std::string::npos) << table;
  EXPECT_NE(table.find("3 operation(s) in 1 service(s)"), std::string::npos) << table;
}

TEST(SpecsCheck, PrintsEachErrorAndReturnsTwo) {
  std::ostringstream out, err;
  EXPECT_EQ(run_specs_check(kTests + "/broken/undeclared-error", out, err), 2);
  EXPECT_EQ(out.str(), "");
  EXPECT_NE(err.str().find("demo/Poke.json: /rules/1/expect/error: error 'Nope' is neither declared by Poke nor a "
                           "common error of demo\n"),
            std::string::npos)
      << err.str();
}

TEST(SpecsCheck, MissingDirectoryIsAnError) {
  std::ostringstream out, err;
  EXPECT_EQ(run_specs_check(kTests + "/no-such-dir", out, err), 2);
  EXPECT_NE(err.str().find("not a directory"), std::string::npos);
}

TEST(SpecsCheck, BuiltinSpecsWhenNoDirectoryIsGiven) {
  std::ostringstream out, err;
  EXPECT_EQ(run_specs_check(std::nullopt, out, err), 0) << err.str();
  EXPECT_NE(out.str().find("stepfunctions"), std::string::npos);
}

}  // namespace
}  // namespace conform::spec
