// A whole `conform run` against `conform emulator --require-sigv4` (both real processes): with the
// matching credentials it passes; with a wrong secret every request is rejected, so nothing can be set
// up (exit 3). And the secrets test: a run signing with a recognisable key, secret and session token,
// with planted faults so that failure cases (with full request logs) are written, leaves none of them,
// and no signature, in stdout, stderr or any file of the report directory.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "tests/sigv4_e2e/child_process.h"

namespace conform::testing {
namespace {

namespace fs = std::filesystem;

TEST(SigV4Cli, WholeRunAgainstASigningEmulatorPasses) {
  EmulatorProcess emu({"--require-sigv4"});
  ASSERT_FALSE(emu.url().empty());
  std::string dir = scratch_dir("sigv4-run");
  auto r = run_conform("run --target " + emu.url() + " --examples 1 --seed 11 --no-progress --report " + dir);
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("no contract violation"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("0 not run"), std::string::npos) << r.out;
}

TEST(SigV4Cli, WrongSecretIsRejectedByTheEmulator) {
  EmulatorProcess emu({"--require-sigv4"});
  ASSERT_FALSE(emu.url().empty());
  std::string dir = scratch_dir("sigv4-wrong");
  auto r = run_conform("run --target " + emu.url() + " --credentials aws --ops stepfunctions.StopExecution " +
                           "--checks positive_acceptance --examples 1 --seed 11 --no-progress --report " + dir,
                       {{"AWS_ACCESS_KEY_ID", "test"}, {"AWS_SECRET_ACCESS_KEY", "definitely-wrong"}});
  EXPECT_EQ(r.code, 3) << r.out << r.err;
  EXPECT_NE((r.out + r.err).find("InvalidSignatureException"), std::string::npos) << r.out << r.err;
}

TEST(SigV4Cli, NoSecretInAnyOutputOrFile) {
  const std::string key = "AKIACONFORMMARKER77Q";
  const std::string secret = "ConformSecretMarker+k9/Zq7Wv3";
  const std::string token = "ConformSessionTokenMarker//FwoGZXIvYXdzEN";
  std::map<std::string, std::string> env{
      {"AWS_ACCESS_KEY_ID", key}, {"AWS_SECRET_ACCESS_KEY", secret}, {"AWS_SESSION_TOKEN", token}};
  EmulatorProcess emu({"--require-sigv4", "--fault", "sfn-closed-token-accepted", "--fault", "sensitive-value-echoed"}, env);
  ASSERT_FALSE(emu.url().empty());
  std::string dir = scratch_dir("sigv4-secrets");
  auto r = run_conform("run --target " + emu.url() + " --credentials aws --ops stepfunctions --examples 2 --seed 5 --shrink-budget 4 " +
                           "--no-progress --report " + dir,
                       env);
  ASSERT_EQ(r.code, 1) << r.out << r.err;  // the planted faults are found: failure cases were written
  ASSERT_TRUE(fs::exists(fs::path(dir) / "cases")) << r.out;
  std::vector<std::pair<std::string, std::string>> texts{{"stdout", r.out}, {"stderr", r.err}};
  size_t case_files = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    texts.emplace_back(e.path().string(), slurp(e.path()));
    case_files += e.path().parent_path().filename() == "cases";
  }
  EXPECT_GT(case_files, 0u);
  const std::regex signature("Signature=(?!<redacted>)");
  bool saw_signed_exchange = false;
  for (const auto& [name, text] : texts) {
    EXPECT_EQ(text.find(secret), std::string::npos) << "secret key in " << name;
    EXPECT_EQ(text.find(token), std::string::npos) << "session token in " << name;
    EXPECT_EQ(text.find(key), std::string::npos) << "access key id in " << name;
    EXPECT_EQ(text.find("ConformSecretMarker"), std::string::npos) << name;
    EXPECT_EQ(text.find("ConformSessionTokenMarker"), std::string::npos) << name;
    std::smatch m;
    EXPECT_FALSE(std::regex_search(text, m, signature)) << "an unredacted signature in " << name << ": " << m.str();
    saw_signed_exchange = saw_signed_exchange || (text.find("X-Amz-Security-Token") != std::string::npos &&
                                                  text.find("\"Authorization\"") != std::string::npos);
  }
  EXPECT_TRUE(saw_signed_exchange) << "the case files should show the (redacted) Authorization and session token headers";
}

}  // namespace
}  // namespace conform::testing
