// Report formats: JUnit is well-formed XML (checked by python3's xml.etree), summary.json validates
// against harness/report/summary.schema.json and reads back, the HTML page holds the matrix, SARIF is
// 2.1.0, and hostile text from a target cannot break any of them.
#include <gtest/gtest.h>

#include <set>

#include <cstdlib>
#include <fstream>

#include "harness/report/html.h"
#include "harness/report/junit.h"
#include "harness/report/model/baseline.h"
#include "harness/report/model/fingerprint.h"
#include "harness/report/model/root_cause.h"
#include "harness/report/sarif.h"
#include "harness/report/text_summary.h"
#include "harness/report/write_reports.h"
#include "harness/spec/json_schema.h"
#include "tests/runner/run_support.h"

namespace conform::report {
namespace {

const std::string kHostile = std::string("<b>&\"'</b> ]]> \x01\x02 \xff\xfe bad utf8 \xc3\x28 ok \xe2\x9c\x93 -- \x7f end");

RunReport sample_report() {
  auto options = testing::fake_options({"fake_long_name", "fake_pass", "fake_soft", "fake_not_run", "fake_na"});
  auto outcome = runner::run_conformance(options);
  RunReport r = outcome.report;
  // A failure whose texts came from a hostile target.
  FailureRecord f = r.failures.at(0);
  f.fingerprint = fingerprint("x", "y", "z", "w", kHostile);
  f.expected = kHostile;
  f.observed = kHostile;
  f.message = kHostile;
  f.replay_command = "conform replay 'cases/x.json'";
  r.failures.push_back(f);
  r.cells.at(0).fingerprints.push_back(f.fingerprint);
  r.cells.at(0).reason = kHostile;
  r.findings = group_findings(r.failures);  // the hostile symptom joins a finding of its own
  return r;
}

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

int python(const std::string& script, const std::string& arg) {
  std::string cmd = "python3 -c '" + script + "' '" + arg + "' >/dev/null 2>&1";
  int status = std::system(cmd.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

class Reports : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = testing::temp_dir("reports");
    report_ = sample_report();
    std::vector<std::string> errors;
    files_ = write_reports(report_, dir_, &errors);
    ASSERT_TRUE(errors.empty()) << errors.front();
  }
  static void TearDownTestSuite() { std::filesystem::remove_all(dir_); }
  static std::string dir_;
  static RunReport report_;
  static std::vector<std::string> files_;
};
std::string Reports::dir_;
RunReport Reports::report_;
std::vector<std::string> Reports::files_;

TEST_F(Reports, AllFormatsAreWritten) {
  std::vector<std::string> expected{"summary.json", "junit.xml", "report.html", "report.sarif"};
  EXPECT_EQ(files_, expected);
}

TEST_F(Reports, JUnitIsWellFormedXmlWithOneTestcasePerCell) {
  const char* script =
      "import sys, xml.etree.ElementTree as ET\n"
      "root = ET.parse(sys.argv[1]).getroot()\n"
      "assert root.tag == \"testsuites\"\n"
      "cases = root.findall(\"./testsuite/testcase\")\n"
      "assert len(cases) == int(root.get(\"tests\")), len(cases)\n"
      "fails = [c for c in cases if c.find(\"failure\") is not None]\n"
      "assert len(fails) == int(root.get(\"failures\"))\n"
      "assert len(fails) >= 1\n"
      "skips = [c for c in cases if c.find(\"skipped\") is not None]\n"
      "assert len(skips) == int(root.get(\"skipped\"))\n";
  EXPECT_EQ(python(script, dir_ + "/junit.xml"), 0) << read(dir_ + "/junit.xml");
  std::string xml = read(dir_ + "/junit.xml");
  EXPECT_NE(xml.find("classname=\"stepfunctions.SendTaskFailure\" name=\"fake_long_name\""), std::string::npos);
  EXPECT_NE(xml.find("&lt;b&gt;&amp;&quot;&apos;&lt;/b&gt;"), std::string::npos);
  // Exactly one testcase per operation x check.
  size_t count = 0;
  for (size_t at = xml.find("<testcase "); at != std::string::npos; at = xml.find("<testcase ", at + 1)) ++count;
  EXPECT_EQ(count, report_.cells.size());
}

TEST_F(Reports, SummaryJsonMatchesItsSchema) {
  auto schema_doc = Json::parse(read(std::string(CONFORM_SOURCE_DIR) + "/harness/report/summary.schema.json"));
  spec::JsonSchema schema(schema_doc);
  ASSERT_TRUE(schema.problems().empty()) << schema.problems().front().message;
  auto summary = Json::parse(read(dir_ + "/summary.json"));
  auto violations = schema.validate(summary);
  for (const auto& v : violations) ADD_FAILURE() << v.pointer << ": " << v.message;
  // And the schema is not vacuous.
  Json broken = summary;
  broken["cells"][0]["status"] = "green";
  broken.erase("seed");
  EXPECT_GE(schema.validate(broken).size(), 2u);
  // Also valid JSON for python.
  EXPECT_EQ(python("import json,sys; json.load(open(sys.argv[1]))", dir_ + "/summary.json"), 0);
}

TEST_F(Reports, SummaryJsonReadsBack) {
  auto doc = Json::parse(read(dir_ + "/summary.json"));
  std::string error;
  auto back = run_report_from_json(doc, &error);
  ASSERT_TRUE(back) << error;
  EXPECT_EQ(back->cells.size(), report_.cells.size());
  EXPECT_EQ(back->failures.size(), report_.failures.size());
  EXPECT_EQ(back->seed, report_.seed);
  // summary.json replaces a hostile target's invalid UTF-8 with U+FFFD; everything else reads back as is.
  Json written = Json::parse(to_json(report_).dump(-1, ' ', false, Json::error_handler_t::replace));
  EXPECT_TRUE(to_json(*back)["cells"] == written["cells"]);
  EXPECT_EQ(back->failures[0].fingerprint, report_.failures[0].fingerprint);
  EXPECT_FALSE(run_report_from_json(Json::array()));
  EXPECT_FALSE(run_report_from_json(Json{{"schema", "other"}}));
  Json bad = doc;
  bad["cells"][0]["cases"] = "many";
  EXPECT_FALSE(run_report_from_json(bad, &error));
  EXPECT_NE(error.find("cases"), std::string::npos);
}

TEST_F(Reports, HtmlHoldsTheMatrixAndTheFailures) {
  std::string html = read(dir_ + "/report.html");
  EXPECT_NE(html.find("id=\"matrix\""), std::string::npos);
  for (const auto& op : report_.operations) EXPECT_NE(html.find(">" + op + "</th>"), std::string::npos) << op;
  std::string headers = html;  // check names may wrap after '_' (<wbr>)
  for (size_t at; (at = headers.find("<wbr>")) != std::string::npos;) headers.erase(at, 5);
  for (const auto& c : report_.checks) EXPECT_NE(headers.find(">" + c + "</th>"), std::string::npos) << c;
  EXPECT_NE(html.find("class=\"violation\" data-status=\"violation\""), std::string::npos);
  EXPECT_NE(html.find("class=\"pass\" data-status=\"pass\""), std::string::npos);
  EXPECT_NE(html.find("class=\"unconfirmed\" data-status=\"unconfirmed\""), std::string::npos);
  EXPECT_NE(html.find("class=\"notrun\" data-status=\"not-run\""), std::string::npos);
  EXPECT_NE(html.find("data-status=\"n/a\""), std::string::npos);
  EXPECT_NE(html.find(">n/a</td>"), std::string::npos);
  EXPECT_EQ(html.find("<b>&"), std::string::npos) << "hostile text must be escaped";
  EXPECT_NE(html.find("conform replay"), std::string::npos);
  // Parses as XML-ish? At least python's HTML parser accepts it and every tag we open is closed.
  EXPECT_EQ(python("import sys,html.parser; p=html.parser.HTMLParser(); p.feed(open(sys.argv[1]).read())",
                   dir_ + "/report.html"),
            0);
}

TEST_F(Reports, SarifIs210) {
  auto sarif = Json::parse(read(dir_ + "/report.sarif"));
  EXPECT_EQ(sarif["version"], "2.1.0");
  ASSERT_EQ(sarif["runs"].size(), 1u);
  // One result per headline finding, carrying the finding's fingerprint and its symptoms; its level
  // follows the verdict: a violation is an error, an unconfirmed finding a warning.
  ASSERT_FALSE(report_.findings.empty());
  EXPECT_EQ(sarif["runs"][0]["results"].size(), report_.findings.size());
  std::set<std::string> levels;
  size_t symptoms = 0;
  for (size_t i = 0; i < report_.findings.size(); ++i) {
    const auto& result = sarif["runs"][0]["results"][i];
    const auto& finding = report_.findings[i];
    EXPECT_EQ(result["partialFingerprints"]["conformFinding/v1"], finding.fingerprint);
    EXPECT_EQ(result["level"], finding.verdict == "violation" ? "error" : "warning") << finding.fingerprint;
    symptoms += result["properties"]["symptoms"].size();
    levels.insert(result["level"].get<std::string>());
  }
  EXPECT_EQ(symptoms, report_.failures.size());
  EXPECT_EQ(levels, (std::set<std::string>{"error", "warning"}));
  EXPECT_EQ(sarif["runs"][0]["tool"]["driver"]["rules"].size(), report_.checks.size());
}

TEST_F(Reports, TextSummaryNamesEveryCellAndTheReports) {
  std::string text = text_summary(report_, dir_, files_);
  for (const auto& c : report_.cells) EXPECT_NE(text.find(c.check), std::string::npos);
  EXPECT_NE(text.find("VIOLATION"), std::string::npos);
  EXPECT_NE(text.find("Reports: " + dir_), std::string::npos);
  EXPECT_NE(text.find("Result: exit 1"), std::string::npos) << text;
}

TEST(Fingerprint, IsStable) {
  // A regression anchor: fingerprints must not change between builds (baselines depend on them).
  EXPECT_EQ(fingerprint("stepfunctions.SendTaskFailure", "closed_token_idempotence", "closed-token", "status", "400"),
            fingerprint("stepfunctions.SendTaskFailure", "closed_token_idempotence", "closed-token", "status", "400"));
  EXPECT_EQ(stable_hash64(""), 0xcbf29ce484222325ull);
  EXPECT_EQ(stable_hash64("a"), 0xaf63dc4c8601ec8cull);
  EXPECT_NE(fingerprint("ab", "c", "", "", ""), fingerprint("a", "bc", "", "", ""));
}

TEST(Baseline, ParsesEveryForm) {
  EXPECT_TRUE(parse_baseline(Json::parse(R"(["0123456789abcdef"])")));
  EXPECT_TRUE(parse_baseline(Json::parse(R"({"schema":"conform-baseline/1","accepted":[{"fingerprint":"0123456789abcdef"}]})")));
  std::string error;
  EXPECT_FALSE(parse_baseline(Json::parse(R"({"accepted":[42]})"), &error));
  EXPECT_FALSE(error.empty());
  EXPECT_FALSE(parse_baseline(Json::parse(R"({"accepted":["not hex!"]})"), &error));
  EXPECT_FALSE(parse_baseline(Json::parse(R"({"schema":"v9","accepted":[]})"), &error));
  EXPECT_FALSE(parse_baseline(Json::parse("3"), &error));
}

}  // namespace
}  // namespace conform::report
