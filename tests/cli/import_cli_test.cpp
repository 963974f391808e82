// `conform import` and `conform drift` end to end with Debian's botocore models (python3-botocore, set up
// by scripts/setup; the tests skip when it is absent): imported specs pass `conform specs check` and run
// under `conform run` against the embedded emulator; drift against the 2022 Step Functions model exits 1
// and names the taskToken limit; bad model arguments exit 2.
#include <gtest/gtest.h>

#include "tests/cli/cli_support.h"

namespace {

using conform::testing::conform;
using conform::testing::read;
using conform::testing::Result;
using conform::testing::temp_dir;
namespace fs = std::filesystem;

const std::string kBotocore = "/usr/lib/python3/dist-packages/botocore/data";
const std::string kSwfModel = kBotocore + "/swf/2012-01-25/service-2.json";
const std::string kSfnModel = kBotocore + "/stepfunctions/2016-11-23/service-2.json";

#define REQUIRE_MODEL(path) \
  if (!fs::exists(path)) GTEST_SKIP() << path << " is absent (install python3-botocore)"

TEST(ImportCli, ImportedSwfSpecsCheckAndRunAgainstTheEmulator) {
  REQUIRE_MODEL(kSwfModel);
  fs::path dir = temp_dir("import");
  Result r = conform("import --botocore " + kSwfModel +
                     " --ops RespondActivityTaskFailed,RecordActivityTaskHeartbeat --out " + dir.string());
  ASSERT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_TRUE(fs::exists(dir / "swf" / "service.json"));
  std::string failed = read(dir / "swf" / "RespondActivityTaskFailed.json");
  ASSERT_FALSE(failed.empty());
  EXPECT_NE(failed.find("\"taskToken\""), std::string::npos);
  EXPECT_NE(failed.find("UnknownResourceFault"), std::string::npos);
  EXPECT_FALSE(fs::exists(dir / "swf" / "PollForActivityTask.json")) << "--ops limits the import";

  Result check = conform("specs check " + dir.string());
  EXPECT_EQ(check.code, 0) << check.out << check.err;
  EXPECT_NE(check.out.find("RespondActivityTaskFailed"), std::string::npos) << check.out;

  // No lifecycle comes from a model: the fixture checks are not run, the rest run and pass.
  Result run = conform("run --spec " + dir.string() + " --seed 4 --examples 2 --no-progress --report " +
                       (dir / "report").string());
  EXPECT_EQ(run.code, 0) << run.out << run.err;
  EXPECT_NE(run.out.find("swf.RespondActivityTaskFailed"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("negative_rejection"), std::string::npos) << run.out;
  std::string summary = read(dir / "report" / "summary.json");
  EXPECT_NE(summary.find("\"pass\""), std::string::npos);
  fs::remove_all(dir);
}

TEST(ImportCli, DriftAgainstThe2022StepFunctionsModelExitsOne) {
  REQUIRE_MODEL(kSfnModel);
  Result r = conform("drift --botocore " + kSfnModel);
  EXPECT_EQ(r.code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("taskToken"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2048"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("1024"), std::string::npos) << r.out;
}

TEST(ImportCli, BadModelArgumentsExitTwo) {
  EXPECT_EQ(conform("import").code, 2);
  EXPECT_EQ(conform("import --botocore a.json --smithy b.json").code, 2);
  Result missing = conform("import --botocore /nonexistent/service-2.json");
  EXPECT_EQ(missing.code, 2);
  EXPECT_NE(missing.err.find("/nonexistent/service-2.json"), std::string::npos) << missing.err;
  EXPECT_EQ(conform("drift").code, 2);
  EXPECT_EQ(conform("drift --smithy /nonexistent/model.json").code, 2);
}

}  // namespace
