// `conform import` / `conform drift` entry points: files written, summary, exit codes.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "harness/importer/commands.h"
#include "harness/spec/loader.h"

namespace conform::importer {
namespace {

namespace fs = std::filesystem;

const std::string kTasks = std::string(CONFORM_SOURCE_DIR) + "/tests/importer/smithy/tasks_awsjson.json";
const std::string kSfn = "/usr/lib/python3/dist-packages/botocore/data/stepfunctions/2016-11-23/service-2.json";

fs::path fresh_dir(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("conform-importer-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  return dir;
}

TEST(ImportCommand, WritesLoadableFilesAndASummary) {
  const fs::path dir = fresh_dir("write");
  std::ostringstream out, err;
  ASSERT_EQ(run_import(kTasks, ModelFormat::Smithy, {}, dir.string(), out, err), 0) << err.str();
  EXPECT_TRUE(fs::exists(dir / "tasks/service.json"));
  EXPECT_TRUE(fs::exists(dir / "tasks/CompleteTask.json"));
  EXPECT_NE(out.str().find("imported 1 operation(s) of service 'tasks'"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("note: lifecycle, fixtures and rules cannot come from a model"), std::string::npos);
  spec::LoadResult loaded = spec::load_spec_dir(dir.string());
  EXPECT_TRUE(loaded.ok());

  // A second import keeps the files that exist (they may carry hand-written lifecycles).
  { std::ofstream(dir / "tasks/CompleteTask.json") << "{\"kept\": true}"; }
  std::ostringstream out2, err2;
  ASSERT_EQ(run_import(kTasks, ModelFormat::Smithy, {}, dir.string(), out2, err2), 0);
  EXPECT_NE(out2.str().find("kept "), std::string::npos);
  std::ifstream kept(dir / "tasks/CompleteTask.json");
  std::string content((std::istreambuf_iterator<char>(kept)), std::istreambuf_iterator<char>());
  EXPECT_EQ(content, "{\"kept\": true}");
  fs::remove_all(dir);
}

TEST(ImportCommand, PrintsFilesWithoutOutDirAndFailsOnUnknownOperations) {
  std::ostringstream out, err;
  ASSERT_EQ(run_import(kTasks, ModelFormat::Smithy, {}, std::nullopt, out, err), 0);
  EXPECT_NE(out.str().find("// tasks/CompleteTask.json\n{"), std::string::npos);
  ImportOptions options;
  options.operations = {"Missing"};
  std::ostringstream out2, err2;
  EXPECT_EQ(run_import(kTasks, ModelFormat::Smithy, options, std::nullopt, out2, err2), 2);
  EXPECT_NE(err2.str().find("operation 'Missing' is not in the model"), std::string::npos);
}

TEST(DriftCommand, ExitCodes) {
  const fs::path dir = fresh_dir("drift");
  std::ostringstream out, err;
  ASSERT_EQ(run_import(kTasks, ModelFormat::Smithy, {}, dir.string(), out, err), 0);
  std::ostringstream same, same_err;
  EXPECT_EQ(run_drift(kTasks, ModelFormat::Smithy, dir.string(), same, same_err), 0) << same.str() << same_err.str();
  EXPECT_NE(same.str().find("0 difference(s) in 1 operation(s) of tasks"), std::string::npos) << same.str();
  std::ostringstream bad, bad_err;
  EXPECT_EQ(run_drift(kTasks, ModelFormat::Smithy, (dir / "nope").string(), bad, bad_err), 2);
  fs::remove_all(dir);
  if (fs::exists(kSfn)) {
    std::ostringstream sfn, sfn_err;
    EXPECT_EQ(run_drift(kSfn, ModelFormat::Botocore, std::nullopt, sfn, sfn_err), 1) << sfn_err.str();
    EXPECT_NE(sfn.str().find("stepfunctions.SendTaskFailure: input.taskToken: length max is 2048 in the spec, 1024 in the model\n"),
              std::string::npos);
  }
}

}  // namespace
}  // namespace conform::importer
