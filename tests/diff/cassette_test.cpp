// Cassettes on disk: the file round-trips, carries no credential or signature, keeps identity
// relations, replays against a fresh emulator with zero differences, and an edited answer produces
// exactly one difference.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "tests/diff/diff_support.h"

namespace conform::diff {
namespace {

namespace fs = std::filesystem;

fs::path temp_file(const std::string& name) {
  std::random_device rd;
  return fs::temp_directory_path() / ("conform-diff-" + std::to_string(rd()) + "-" + name);
}


// A small recording with fixtures, closes, read-backs and rejected requests.
const Cassette& recorded() {
  static const Cassette c = [] {
    auto out = record_cassette(testing::record_options({"stepfunctions.SendTaskFailure"},
                                                       {"closed_token_idempotence", "negative_rejection"}, 8, 2));
    EXPECT_EQ(out.exit_code, 0) << out.error;
    return out.cassette;
  }();
  return c;
}

TEST(Cassette, RoundTripsThroughItsFile) {
  auto path = temp_file("roundtrip.json");
  std::string error;
  ASSERT_TRUE(save_cassette(recorded(), path, &error)) << error;
  EXPECT_TRUE(looks_like_cassette(path));
  auto loaded = load_cassette(path, &error);
  ASSERT_TRUE(loaded) << error;
  EXPECT_EQ(to_json(*loaded), to_json(recorded()));
  ASSERT_EQ(loaded->entries.size(), recorded().entries.size());
  for (size_t i = 0; i < loaded->entries.size(); ++i)
    EXPECT_EQ(loaded->entries[i].request.text(), recorded().entries[i].request.text()) << "step " << i + 1;
  fs::remove(path);
}

TEST(Cassette, MalformedFilesAreRejectedWithAReason) {
  std::string error;
  EXPECT_FALSE(cassette_from_json(Json::parse(R"({"format":"conform-cassette/9","exchanges":[]})"), &error));
  EXPECT_NE(error.find("unsupported"), std::string::npos) << error;
  EXPECT_FALSE(cassette_from_json(Json::parse(R"({"format":"conform-cassette/1"})"), &error));
  EXPECT_NE(error.find("exchanges"), std::string::npos) << error;
  EXPECT_FALSE(cassette_from_json(Json::parse(R"({"format":"conform-cassette/1","exchanges":[{"call":"x"}]})"), &error));
  EXPECT_NE(error.find("exchange 1"), std::string::npos) << error;
  EXPECT_FALSE(cassette_from_json(Json::parse(R"({"fingerprint":"abc"})"), &error));
  EXPECT_FALSE(load_cassette("/nonexistent/cassette.json", &error));
}

TEST(Cassette, HoldsNoCredentialOrSignature) {
  auto options = testing::record_options({"stepfunctions.StopExecution"}, {"positive_acceptance"}, 2, 1);
  options.credentials = {"AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "FwoGZXIvYXdzEXAMPLESESSIONTOKEN"};
  auto out = record_cassette(options);
  ASSERT_EQ(out.exit_code, 0) << out.error;
  ASSERT_FALSE(out.cassette.entries.empty());
  std::string text = to_json(out.cassette).dump(2);
  for (const char* secret : {"AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI", "FwoGZXIvYXdzEXAMPLESESSIONTOKEN", "Signature=",
                             "authorization", "x-amz-date", "x-amz-security-token", "x-amz-content-sha256"})
    EXPECT_EQ(text.find(secret), std::string::npos) << secret;
}

TEST(Cassette, IdentityRelationsSurvive) {
  // The token the fixture acquired (GetActivityTask's answer) is the one the closes send later.
  const Cassette& c = recorded();
  std::string acquired;
  int closes_with_it = 0;
  for (const auto& e : c.entries) {
    if (e.call == "stepfunctions.GetActivityTask" && acquired.empty() && e.response.body)
      acquired = e.response.body->value("taskToken", "");
    if (!acquired.empty() && e.call == "stepfunctions.SendTaskFailure" && e.request.body &&
        e.request.body->value("taskToken", "") == acquired)
      ++closes_with_it;
  }
  ASSERT_EQ(acquired.rfind("<token#", 0), 0u) << acquired;
  EXPECT_GE(closes_with_it, 2) << "a closed-token case closes its token, then closes it again";
  // Each reference appears in the references table, with its kind.
  bool listed = false;
  for (const auto& r : c.references) listed = listed || (r.ref == acquired && r.kind == "token" && r.origin == "response");
  EXPECT_TRUE(listed);
}

TEST(Cassette, ReplaysFromItsFileOnAFreshEmulatorWithoutDifferences) {
  auto path = temp_file("replay.json");
  std::string error;
  ASSERT_TRUE(save_cassette(recorded(), path, &error)) << error;
  auto loaded = load_cassette(path, &error);
  ASSERT_TRUE(loaded) << error;
  auto replayed = replay_cassette(*loaded, testing::replay_options());
  ASSERT_EQ(replayed.exit_code, 0) << replayed.error;
  EXPECT_EQ(replayed.diff.exchanges, static_cast<int>(loaded->entries.size()));
  EXPECT_EQ(replayed.diff.differing, 0) << testing::describe(replayed.diff);
  EXPECT_DOUBLE_EQ(replayed.diff.parity(), 100.0);
  fs::remove(path);
}

TEST(Cassette, LiveValuesReplaceRecordedOnes) {
  // An emulator seeded differently issues other ARNs and tokens: the replay must send the values
  // THIS target issued, and still find no difference.
  ReplayOptions a = testing::replay_options(), b = testing::replay_options();
  a.emulator_seed = recorded().seed;
  b.emulator_seed = recorded().seed + 1000;
  auto first = replay_cassette(recorded(), a);
  auto second = replay_cassette(recorded(), b);
  ASSERT_EQ(first.exit_code, 0) << first.error;
  ASSERT_EQ(second.exit_code, 0) << second.error;
  EXPECT_EQ(second.diff.differing, 0) << testing::describe(second.diff);
  EXPECT_TRUE(second.unbound.empty());
  auto value = [](const Cassette& live, const std::string& ref) {
    for (const auto& r : live.references)
      if (r.ref == ref) return r.value;
    return std::string();
  };
  // The first token the target issued (not one the harness made up).
  std::string issued;
  for (const auto& r : recorded().references)
    if (r.kind == "token" && r.origin == "response" && issued.empty()) issued = r.ref;
  ASSERT_FALSE(issued.empty());
  EXPECT_FALSE(value(first.live, issued).empty());
  EXPECT_FALSE(value(second.live, issued).empty());
  EXPECT_TRUE(value(first.live, issued) != value(second.live, issued)) << issued << " has the same value";
}

// Edits one recorded answer in the file, replays, and returns the diff.
DiffResult replay_edited(const std::function<bool(Json& entry)>& edit, int* edited_step) {
  Json doc = to_json(recorded());
  *edited_step = 0;
  for (auto& e : doc["exchanges"])
    if (edit(e)) {
      *edited_step = e["step"].get<int>();
      break;
    }
  EXPECT_GT(*edited_step, 0) << "nothing to edit";
  auto path = temp_file("edited.json");
  {
    std::ofstream out(path);
    out << doc.dump(2);
  }
  std::string error;
  auto loaded = load_cassette(path, &error);
  EXPECT_TRUE(loaded) << error;
  fs::remove(path);
  if (!loaded) return {};
  auto replayed = replay_cassette(*loaded, testing::replay_options());
  EXPECT_EQ(replayed.exit_code, 0) << replayed.error;
  return replayed.diff;
}

TEST(Cassette, EditingOneAnswerGivesExactlyOneDifference) {
  int step = 0;
  // An error message.
  DiffResult diff = replay_edited(
      [](Json& e) {
        Json& body = e["response"]["body"];
        if (e["response"]["status"] != 400 || !body.is_object() || !body.contains("message")) return false;
        body["message"] = "edited by the test";
        return true;
      },
      &step);
  ASSERT_EQ(diff.differing, 1) << testing::describe(diff);
  ASSERT_EQ(diff.differences.size(), 1u);
  EXPECT_EQ(diff.differences[0].step, step);
  EXPECT_EQ(diff.differences[0].kind, "message");
  EXPECT_EQ(diff.differences[0].expected, "edited by the test");
  EXPECT_LT(diff.parity(), 100.0);

  // A read-back's state.
  diff = replay_edited(
      [](Json& e) {
        if (e["call"] != "stepfunctions.DescribeExecution") return false;
        e["response"]["body"]["status"] = "EDITED";
        return true;
      },
      &step);
  ASSERT_EQ(diff.differing, 1) << testing::describe(diff);
  ASSERT_EQ(diff.differences.size(), 1u);
  EXPECT_EQ(diff.differences[0].step, step);
  EXPECT_EQ(diff.differences[0].kind, "state");
  EXPECT_EQ(diff.differences[0].path, "/status");
}

}  // namespace
}  // namespace conform::diff
