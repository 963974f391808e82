// The HTML report in a real browser: Debian's chromium, headless, renders the report of a run with every
// planted fault at once (repeated up to 50 findings) at a laptop's window size, and a probe script measures what
// a person sees: the headline findings lead (the first one above the fold), each names the matrix cells
// it showed in and each link lands on a cell of the matrix, failing cells are red and their rows come
// first, the minimal symptom's replay and curl commands are visible, the symptoms are one click away
// (collapsed, shown when opened), and nothing overflows the window sideways.
//
// scripts/test installs chromium and sets CONFORM_REQUIRE_BROWSER=1; elsewhere a machine without
// chromium skips this test.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "emulator/core/faults.h"
#include "harness/report/html.h"
#include "harness/runner/case_file.h"
#include "harness/runner/embedded_emulator.h"
#include "harness/runner/run_conformance.h"

namespace conform::testing {
namespace {

namespace fs = std::filesystem;
using spec::Json;

std::string chromium_path() {
  for (const char* p : {"/usr/bin/chromium", "/usr/bin/chromium-browser"})
    if (fs::exists(p)) return p;
  return "";
}

std::string run_and_capture(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return out;
  std::array<char, 65536> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) out.append(buf.data(), n);
  pclose(pipe);
  return out;
}

// Measures the rendered page and writes the facts as JSON (ASCII, no markup characters) into
// <pre id="probe-result">, which --dump-dom prints after the script ran.
constexpr const char* kProbeScript = R"JS(
<script>
window.addEventListener('load', () => {
  const out = {};
  const rgb = (el) => getComputedStyle(el).backgroundColor;
  // checkVisibility(): false inside a closed <details> (its content is content-visibility: hidden).
  const visible = (el) => !!el && el.checkVisibility() && el.getClientRects().length > 0 && el.offsetHeight > 0;
  const rows = [...document.querySelectorAll('tr.finding')];
  out.findingRows = rows.length;
  out.firstFindingTop = rows.length ? rows[0].getBoundingClientRect().top : -1;
  out.viewportHeight = window.innerHeight;
  out.overflowX = document.documentElement.scrollWidth - window.innerWidth;
  out.matrixTop = document.getElementById('matrix').getBoundingClientRect().top + window.scrollY;
  out.lastFindingBottom = rows.length ? rows[rows.length - 1].getBoundingClientRect().bottom + window.scrollY : -1;
  let linksChecked = 0, brokenLinks = 0, rowsWithoutWhere = 0;
  for (const r of rows) {
    const links = [...r.querySelectorAll('td.where a')];
    if (!links.length) rowsWithoutWhere++;
    for (const a of links) {
      linksChecked++;
      const target = document.getElementById(decodeURIComponent(a.getAttribute('href').slice(1)));
      if (!target || target.tagName !== 'TD' || !target.closest('#matrix')) brokenLinks++;
    }
  }
  out.linksChecked = linksChecked; out.brokenLinks = brokenLinks; out.rowsWithoutWhere = rowsWithoutWhere;
  const red = 'rgb(198, 40, 40)';
  const violations = [...document.querySelectorAll('#matrix td.violation')];
  out.violationCells = violations.length;
  out.violationCellsNotRed = violations.filter(td => rgb(td) !== red).length;
  out.violationCellsOutsideFailingRows = violations.filter(td => !td.closest('tr').classList.contains('failing')).length;
  const matrixRows = [...document.querySelectorAll('#matrix tr[id]')];
  let seenQuiet = false, failingAfterQuiet = 0;
  for (const tr of matrixRows) {
    if (tr.classList.contains('failing')) { if (seenQuiet) failingAfterQuiet++; } else seenQuiet = true;
  }
  out.failingRowsAfterQuietOnes = failingAfterQuiet;
  const first = rows.length ? rows[0].nextElementSibling : null;
  const pres = first ? [...first.querySelectorAll('.repro pre')] : [];
  out.firstReproVisible = pres.length > 0 && pres.every(visible);
  out.firstReproStartsWith = pres.map(p => p.textContent.trim().split(' ')[0]).join(',');
  const details = first ? first.querySelector('details') : null;
  const symptom = details ? details.querySelector('.symptom') : null;
  out.symptomHiddenBeforeClick = !!symptom && !visible(symptom);
  if (details) details.open = true;
  out.symptomVisibleAfterClick = !!symptom && visible(symptom);
  document.getElementById('probe-result').textContent = JSON.stringify(out);
});
</script>
<pre id="probe-result">not run</pre>
)JS";

TEST(HtmlInChromium, HeadlineFindingsLeadAndEveryFailingCellIsOneClickAway) {
  const std::string chromium = chromium_path();
  if (chromium.empty()) {
    if (const char* req = std::getenv("CONFORM_REQUIRE_BROWSER"); req && std::string(req) == "1")
      FAIL() << "chromium is not installed (scripts/setup installs it for scripts/test)";
    GTEST_SKIP() << "chromium is not installed";
  }
  runner::RunOptions o;
  o.embedded = runner::embedded_emulator_factory();
  o.seed = 3;
  o.examples = 4;
  for (const auto& f : emulator::all_faults()) o.faults.emplace_back(f.name);
  runner::RunOutcome run = runner::run_conformance(o);
  ASSERT_EQ(run.exit_code, runner::kExitFailures) << run.error << run.report.exit_reason;
  std::random_device rd;
  fs::path dir = fs::temp_directory_path() / ("conform-browser-" + std::to_string(rd()));
  fs::create_directories(dir);
  // As `conform run` does: case files give each finding its replay and curl commands.
  ASSERT_FALSE(runner::write_case_files(run, dir.string()).empty());
  ASSERT_GE(run.report.findings.size(), 15u) << "every fault at once gives a report with many findings";
  // Faults planted together mask one another (18-20 findings); the issue asks for a page that stays
  // readable with 50, so the real findings are repeated (new fingerprints, the same cells) up to 50.
  report::RunReport& r = run.report;
  const size_t real = r.findings.size();
  for (size_t copy = 1; r.findings.size() < 50; ++copy)
    for (size_t i = 0; i < real && r.findings.size() < 50; ++i) {
      report::HeadlineFinding f = r.findings[i];
      const std::string suffix = "-copy" + std::to_string(copy);
      std::vector<report::FailureRecord> symptoms;
      for (const auto& s : r.failures)
        if (s.finding == f.fingerprint) symptoms.push_back(s);
      f.fingerprint += suffix;
      f.title += " (copy " + std::to_string(copy) + ")";
      f.symptoms.clear();
      for (auto& s : symptoms) {
        s.finding = f.fingerprint;
        s.fingerprint += suffix;
        f.symptoms.push_back(s.fingerprint);
        r.failures.push_back(s);
      }
      r.findings.push_back(f);
    }
  const size_t findings = r.findings.size();

  std::string html = report::html_report(run.report);
  const size_t body_end = html.rfind("</body>");
  ASSERT_NE(body_end, std::string::npos);
  std::ofstream(dir / "report.html") << html;  // as written, for the screenshot
  std::ofstream(dir / "probed.html") << html.substr(0, body_end) + kProbeScript + html.substr(body_end);

  const std::string flags = " --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1366,900 "
                            "--virtual-time-budget=3000 ";
  std::string dom = run_and_capture(chromium + flags + "--dump-dom 'file://" + (dir / "probed.html").string() +
                                    "' 2>/dev/null");
  const std::string open = "<pre id=\"probe-result\">";
  size_t at = dom.find(open);
  ASSERT_NE(at, std::string::npos) << "chromium rendered nothing: " << dom.substr(0, 500);
  size_t end = dom.find("</pre>", at);
  Json facts = Json::parse(dom.substr(at + open.size(), end - at - open.size()), nullptr, false);
  ASSERT_FALSE(facts.is_discarded()) << dom.substr(at, 300);

  EXPECT_EQ(facts["findingRows"], findings) << facts.dump();
  EXPECT_GE(facts["firstFindingTop"].get<double>(), 0);
  EXPECT_LT(facts["firstFindingTop"].get<double>(), facts["viewportHeight"].get<double>())
      << "the first headline finding is above the fold: " << facts.dump();
  EXPECT_LT(facts["lastFindingBottom"].get<double>(), facts["matrixTop"].get<double>()) << "findings lead, the matrix follows";
  EXPECT_LE(facts["overflowX"].get<double>(), 0) << "nothing overflows a 1366 px window sideways: " << facts.dump();
  EXPECT_EQ(facts["rowsWithoutWhere"], 0) << facts.dump();
  EXPECT_GE(facts["linksChecked"].get<int>(), static_cast<int>(findings));
  EXPECT_EQ(facts["brokenLinks"], 0) << facts.dump();
  EXPECT_GT(facts["violationCells"].get<int>(), 0);
  EXPECT_EQ(facts["violationCellsNotRed"], 0) << facts.dump();
  EXPECT_EQ(facts["violationCellsOutsideFailingRows"], 0) << facts.dump();
  EXPECT_EQ(facts["failingRowsAfterQuietOnes"], 0) << "operations with findings come first: " << facts.dump();
  EXPECT_TRUE(facts["firstReproVisible"].get<bool>()) << facts.dump();
  EXPECT_EQ(facts["firstReproStartsWith"], "conform,curl") << facts.dump();
  EXPECT_TRUE(facts["symptomHiddenBeforeClick"].get<bool>()) << facts.dump();
  EXPECT_TRUE(facts["symptomVisibleAfterClick"].get<bool>()) << facts.dump();

  // A screenshot a person can look at (kept with the test's files when CONFORM_KEEP_SCREENSHOT is set).
  const fs::path png = dir / "report.png";
  run_and_capture(chromium + flags + "--screenshot='" + png.string() + "' 'file://" + (dir / "report.html").string() +
                  "' 2>/dev/null");
  ASSERT_TRUE(fs::exists(png));
  std::ifstream in(png, std::ios::binary);
  std::string magic(8, '\0');
  in.read(magic.data(), 8);
  EXPECT_EQ(magic, std::string("\x89PNG\r\n\x1a\n", 8));
  EXPECT_GT(fs::file_size(png), 20000u) << "a rendered page, not a blank one";
  if (const char* keep = std::getenv("CONFORM_KEEP_SCREENSHOT")) {
    fs::copy_file(png, keep, fs::copy_options::overwrite_existing);
    fs::copy_file(dir / "report.html", std::string(keep) + ".html", fs::copy_options::overwrite_existing);
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace conform::testing
