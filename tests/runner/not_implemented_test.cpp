// An operation the target does not implement is a result of its own, never a pass: every cell of it
// is "not implemented", the summary says how much of each service the target implements, and only
// --require-all makes it fail the run. (Regression: no_server_error and error_has_identity used to
// pass such an operation, because an UnknownOperationException answer is neither a 5xx nor anonymous.)
#include <gtest/gtest.h>

#include "harness/report/text_summary.h"
#include "harness/spec/builtin_specs.h"
#include "harness/spec/loader.h"
#include "tests/runner/run_support.h"

namespace conform::runner {
namespace {

// The built-in specs plus one Step Functions operation no target knows.
const spec::SpecSet& specs_with_an_unknown_operation() {
  static const spec::SpecSet set = [] {
    std::vector<spec::EmbeddedFile> files = spec::builtin_spec_files();
    files.push_back({"stepfunctions/model/DescribeConformWidget.json",
                     R"({"kind":"operation","service":"stepfunctions","name":"DescribeConformWidget","role":"subject",
                         "http":{"method":"POST","uri":"/"},
                         "input":{"members":{"maxResults":{"type":"integer","range":{"min":0,"max":10}}}},
                         "output":null,"errors":[]})"});
    spec::LoadResult r = spec::load_spec_files(files);
    if (!r.ok()) throw std::runtime_error(r.errors[0].to_string());
    return std::move(*r.specs);
  }();
  return set;
}

RunOptions options() {
  RunOptions o;
  o.specs = &specs_with_an_unknown_operation();
  o.ops = {"stepfunctions.DescribeConformWidget", "stepfunctions.DescribeExecution"};
  o.seed = 5;
  o.examples = 2;
  o.embedded = embedded_emulator_factory();
  return o;
}

TEST(NotImplemented, EveryCellOfTheOperationSaysSoAndNoneIsAPass) {
  RunOutcome out = run_conformance(options());
  ASSERT_EQ(out.exit_code, kExitOk) << out.report.exit_reason << out.error;
  int cells = 0;
  for (const auto& c : out.report.cells) {
    if (c.operation != "stepfunctions.DescribeConformWidget") continue;
    ++cells;
    EXPECT_EQ(c.status, report::CellStatus::NotImplemented) << c.check;
    EXPECT_NE(c.reason.find("UnknownOperationException"), std::string::npos) << c.reason;
  }
  EXPECT_EQ(cells, static_cast<int>(out.report.checks.size()));
  const report::CellResult* other = out.report.cell("stepfunctions.DescribeExecution", "no_server_error");
  ASSERT_NE(other, nullptr);
  EXPECT_EQ(other->status, report::CellStatus::Pass);
}

TEST(NotImplemented, TheSummarySaysHowMuchOfTheServiceIsImplemented) {
  RunOutcome out = run_conformance(options());
  ASSERT_EQ(out.report.coverage.size(), 1u);
  const auto& c = out.report.coverage[0];
  EXPECT_EQ(c.service, "stepfunctions");
  EXPECT_EQ(c.operations, 2);
  EXPECT_EQ(c.implemented, 1);
  ASSERT_EQ(c.not_implemented, std::vector<std::string>{"stepfunctions.DescribeConformWidget"});
  std::string text = report::text_summary(out.report, "", {});
  EXPECT_NE(text.find("Target implements 1 of 2 stepfunctions operations"), std::string::npos) << text;
  EXPECT_NE(text.find("DescribeConformWidget"), std::string::npos) << text;
  // JSON keeps it too.
  report::Json doc = report::to_json(out.report);
  EXPECT_EQ(doc["cellTotals"]["not-implemented"], static_cast<int>(out.report.checks.size())) << doc["cellTotals"].dump();
}

TEST(NotImplemented, RequireAllFailsTheRun) {
  RunOptions o = options();
  o.require_all = true;
  RunOutcome out = run_conformance(o);
  EXPECT_EQ(out.exit_code, kExitFailures);
  EXPECT_NE(out.report.exit_reason.find("--require-all"), std::string::npos) << out.report.exit_reason;
}

}  // namespace
}  // namespace conform::runner
