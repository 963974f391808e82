// `conform observe` and `conform specs merge` against the reference emulator: the probes behind the
// unconfirmed rules run, every observation lands on a place in the spec files, merging makes those
// facts "measured" (taking the observed answer where the target differs), and the merged directory
// passes `conform specs check`. Server errors are never merged as contracts; remote targets need
// --allow-remote as for runs.
#include <gtest/gtest.h>

#include <filesystem>

#include "emulator/app/emulator.h"
#include "harness/observe/merge.h"
#include "harness/observe/observe.h"
#include "harness/observe/probes.h"
#include "harness/spec/builtin_specs.h"
#include "harness/spec/loader.h"
#include "tests/sigv4_e2e/child_process.h"

namespace conform::testing {
namespace {

namespace fs = std::filesystem;
using spec::Json;

struct Emulator {
  Emulator() {
    std::string error;
    server.start("127.0.0.1", 0, &error);
  }
  emulator::EmulatorServer server;
};

const spec::Rule* find_rule(const spec::Operation& op, const std::string& id) {
  for (const auto& r : op.rules)
    if (r.id == id) return &r;
  return nullptr;
}

const spec::Rule* find_protocol_rule(const spec::Service& s, const std::string& id) {
  for (const auto& r : s.protocol_rules)
    if (r.id == id) return &r;
  return nullptr;
}

struct SpecFilesSnapshot {
  std::map<std::string, Json> json;
};

std::string merged_dir(const Json& doc, const std::optional<std::string>& from, observe::MergeResult* result) {
  std::string error;
  auto files = observe::read_spec_files(from, &error);
  EXPECT_TRUE(files) << error;
  *result = observe::merge_observations(doc, *files);
  std::string dir = scratch_dir("merged-specs");
  EXPECT_TRUE(observe::write_spec_files(*files, dir, {}, &error)) << error;
  return dir;
}

TEST(Observe, RoundTripMakesTheProbedRulesMeasured) {
  Emulator emu;
  observe::ObserveOptions o;
  o.target = emu.server.url();
  o.seed = 5;
  auto out = observe::run_observe(o);
  ASSERT_EQ(out.exit_code, 0) << out.error;
  const Json& doc = out.document;
  EXPECT_EQ(doc["schema"], observe::kObservationsSchema);
  ASSERT_GT(out.observations, 10u);
  EXPECT_EQ(out.differing, 0u) << "the reference emulator implements the specs' expectations";
  EXPECT_TRUE(doc["cleanupFailures"].empty());
  for (const auto& p : doc["probes"]) EXPECT_FALSE(p.contains("notRun")) << p.dump();

  // The probes cover the unconfirmed rules the issue names.
  std::set<std::string> observed;
  for (const auto& ob : doc["observations"]) observed.insert(ob["operation"].get<std::string>() + " " + ob["rule"].get<std::string>());
  EXPECT_TRUE(observed.count("stepfunctions.StopExecution closed-execution"));
  EXPECT_TRUE(observed.count("lambda.StopDurableExecution closed-execution"));
  EXPECT_TRUE(observed.count("swf.RespondActivityTaskFailed malformed-token"));

  observe::MergeResult merged;
  std::string dir = merged_dir(doc, std::nullopt, &merged);
  EXPECT_EQ(merged.merged.size(), out.observations);
  EXPECT_TRUE(merged.skipped.empty()) << merged.skipped.front();
  auto loaded = spec::load_spec_dir(dir);
  ASSERT_TRUE(loaded.ok()) << loaded.errors.front().to_string();
  const auto& specs = *loaded.specs;

  // Every observed rule is now measured; the unprobed built-in copy still says inferred.
  for (const auto& ob : doc["observations"]) {
    const Json& loc = ob["spec"];
    if (loc["kind"] != "rule" || ob["facet"] == "message") continue;
    const spec::Operation* op = specs.find_operation(loc["service"].get<std::string>(), loc["operation"].get<std::string>());
    ASSERT_TRUE(op);
    const spec::Rule* r = find_rule(*op, loc["id"].get<std::string>());
    ASSERT_TRUE(r) << loc.dump();
    EXPECT_EQ(r->expect.provenance, spec::Provenance::Measured) << loc.dump();
  }
  const auto* stop = specs.find_operation("stepfunctions.StopExecution");
  EXPECT_EQ(find_rule(*stop, "closed-execution")->expect.provenance, spec::Provenance::Measured);
  EXPECT_EQ(find_rule(*spec::builtin_specs().find_operation("stepfunctions.StopExecution"), "closed-execution")->expect.provenance,
            spec::Provenance::Inferred);
  EXPECT_EQ(find_protocol_rule(*specs.find_service("swf"), "malformed-json")->expect.provenance, spec::Provenance::Measured);
  EXPECT_NE(find_rule(*stop, "closed-execution")->note.find("conform observe"), std::string::npos);
}

TEST(Observe, ADifferentAnswerIsTakenIntoTheSpec) {
  // A spec copy that guesses wrong: stepfunctions wrong-content-type -> SerializationException.
  std::string src = scratch_dir("wrong-guess-specs");
  for (const auto& f : spec::builtin_spec_files()) {
    fs::path p = fs::path(src) / f.path;
    fs::create_directories(p.parent_path());
    std::string text = f.content;
    if (f.path == "stepfunctions/service.json") {
      Json doc = Json::parse(text);
      for (auto& r : doc["protocolRules"])
        if (r["id"] == "wrong-content-type") r["expect"]["error"] = "SerializationException";
      text = doc.dump(2);
    }
    std::ofstream(p) << text;
  }
  ASSERT_TRUE(spec::load_spec_dir(src).ok());
  Emulator emu;
  observe::ObserveOptions o;
  o.target = emu.server.url();
  o.spec_dir = src;
  o.ops = {"stepfunctions.StopExecution"};
  o.seed = 6;
  auto out = observe::run_observe(o);
  ASSERT_EQ(out.exit_code, 0) << out.error;
  ASSERT_GE(out.differing, 1u);
  bool seen = false;
  for (const auto& ob : out.document["observations"])
    if (ob["rule"] == "wrong-content-type" && ob["facet"] == "error") {
      seen = true;
      EXPECT_FALSE(ob["agrees"].get<bool>());
      EXPECT_EQ(ob["answer"]["error"], "UnknownOperationException");
    }
  ASSERT_TRUE(seen);

  observe::MergeResult merged;
  std::string dir = merged_dir(out.document, src, &merged);
  auto loaded = spec::load_spec_dir(dir);
  ASSERT_TRUE(loaded.ok()) << loaded.errors.front().to_string();
  const spec::Rule* r = find_protocol_rule(*loaded.specs->find_service("stepfunctions"), "wrong-content-type");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->expect.error, "UnknownOperationException");
  EXPECT_EQ(r->expect.provenance, spec::Provenance::Measured);
  bool taken = false;
  for (const auto& m : merged.merged) taken = taken || m.find("observed answer taken") != std::string::npos;
  EXPECT_TRUE(taken);
}

TEST(Observe, ServerErrorsAreNeverMergedAsContracts) {
  Json doc{{"schema", observe::kObservationsSchema}, {"target", "http://127.0.0.1:1"}, {"observedAt", "2026-01-01T00:00:00Z"},
           {"observations", Json::array({Json{{"operation", "stepfunctions.StopExecution"},
                                              {"rule", "closed-execution"},
                                              {"facet", "status"},
                                              {"agrees", false},
                                              {"answer", {{"status", 500}, {"error", "InternalFailure"}}},
                                              {"spec", {{"kind", "rule"}, {"service", "stepfunctions"},
                                                        {"operation", "StopExecution"}, {"id", "closed-execution"}}}}})}};
  std::string error;
  auto files = observe::read_spec_files(std::nullopt, &error);
  ASSERT_TRUE(files);
  auto r = observe::merge_observations(doc, *files);
  EXPECT_TRUE(r.merged.empty());
  ASSERT_EQ(r.skipped.size(), 1u);
  EXPECT_NE(r.skipped[0].find("500"), std::string::npos) << r.skipped[0];
  EXPECT_TRUE(r.changed_files.empty());
}

// Regression: observe probed every shipped operation, those the target lacks included, and merged
// nothing for them ("notRun", 46 differing observations of UnknownOperationException).
TEST(Observe, OperationsTheTargetLacksAreNotProbed) {
  emulator::EmulatorOptions options;
  options.disabled_operations = {"stepfunctions.StopExecution", "swf.DescribeActivityType"};
  emulator::EmulatorServer server(options);
  ASSERT_GT(server.start("127.0.0.1", 0), 0);
  observe::ObserveOptions o;
  o.target = server.url();
  o.ops = {"stepfunctions.StopExecution", "stepfunctions.SendTaskFailure", "swf.DeleteActivityType"};
  o.seed = 4;
  auto out = observe::run_observe(o);
  ASSERT_EQ(out.exit_code, 0) << out.error;
  EXPECT_EQ(out.differing, 0u);
  bool send_task_failure_probed = false;
  for (const auto& p : out.document["probes"]) {
    EXPECT_NE(p["operation"], "stepfunctions.StopExecution") << p.dump();
    EXPECT_NE(p["item"], "swf.DeleteActivityType lifecycle state") << p.dump();
    send_task_failure_probed = send_task_failure_probed || p["operation"] == "stepfunctions.SendTaskFailure";
  }
  EXPECT_TRUE(send_task_failure_probed);
  std::string unreachable = out.document["unreachable"].dump();
  EXPECT_NE(unreachable.find("stepfunctions.StopExecution: the target does not implement it"), std::string::npos)
      << unreachable;
  EXPECT_NE(unreachable.find("swf.DeleteActivityType lifecycle state: the target does not implement its read-back "
                             "swf.DescribeActivityType"),
            std::string::npos)
      << unreachable;
}

// Rules inferred from the models at load live in no spec file: observe does not probe them, and an
// observation that names one is skipped by merge without touching the files (the merge once wrote
// "rules": null into a model-layer file, which then failed to load).
TEST(Observe, InferredRulesAreNeitherProbedNorMerged) {
  const spec::Operation* list = spec::builtin_specs().find_operation("stepfunctions.ListActivities");
  ASSERT_TRUE(list);
  bool has_inferred = false;
  for (const auto& r : list->rules) has_inferred = has_inferred || r.inferred;
  ASSERT_TRUE(has_inferred) << "the model layer gives ListActivities inferred rules";
  std::vector<std::string> unreachable;
  auto probes = observe::plan_probes(spec::builtin_specs(), {list}, oracle::registry(), 1, &unreachable);
  for (const auto& p : probes) EXPECT_EQ(p.item.find(" rule inferred-"), std::string::npos) << p.item;
  bool counted = false;
  for (const auto& u : unreachable) counted = counted || u.find("inferred rule(s)") != std::string::npos;
  EXPECT_TRUE(counted);

  Json doc{{"schema", observe::kObservationsSchema}, {"target", "http://127.0.0.1:1"}, {"observedAt", "2026-01-01T00:00:00Z"},
           {"observations", Json::array({Json{{"operation", "stepfunctions.ListActivities"},
                                              {"rule", "inferred-valid"},
                                              {"facet", "status"},
                                              {"agrees", true},
                                              {"answer", {{"status", 200}}},
                                              {"spec", {{"kind", "rule"}, {"service", "stepfunctions"},
                                                        {"operation", "ListActivities"}, {"id", "inferred-valid"}}}}})}};
  std::string error;
  auto files = observe::read_spec_files(std::nullopt, &error);
  ASSERT_TRUE(files) << error;
  const SpecFilesSnapshot before{files->json};
  auto r = observe::merge_observations(doc, *files);
  EXPECT_TRUE(r.merged.empty());
  ASSERT_EQ(r.skipped.size(), 1u);
  EXPECT_TRUE(r.changed_files.empty());
  EXPECT_TRUE(before.json == files->json) << "looking a rule up must not change any document";
}

TEST(Observe, RemoteTargetsNeedAllowRemote) {
  observe::ObserveOptions o;
  o.target = "https://192.0.2.1";
  auto out = observe::run_observe(o);
  EXPECT_EQ(out.exit_code, 2);
  EXPECT_NE(out.error.find("--allow-remote"), std::string::npos) << out.error;
  EXPECT_EQ(out.requests, 0u);
}

TEST(ObserveCli, ObserveMergeCheckAgainstTheEmulatorProcess) {
  EmulatorProcess emu({});
  ASSERT_FALSE(emu.url().empty());
  std::string dir = scratch_dir("observe-cli");
  std::string file = dir + "/observations.json", merged = dir + "/specs";
  auto obs = run_conform("observe --target " + emu.url() + " --ops stepfunctions,lambda --seed 3 --out " + file);
  ASSERT_EQ(obs.code, 0) << obs.out << obs.err;
  EXPECT_NE(obs.out.find("observation(s)"), std::string::npos) << obs.out;
  auto merge = run_conform("specs merge " + file + " --out " + merged);
  ASSERT_EQ(merge.code, 0) << merge.out << merge.err;
  EXPECT_NE(merge.out.find("now measured"), std::string::npos) << merge.out;
  auto check = run_conform("specs check " + merged);
  EXPECT_EQ(check.code, 0) << check.out << check.err;
  Json stop = Json::parse(slurp(merged + "/stepfunctions/StopExecution.json"));
  bool measured = false;
  for (const auto& r : stop["rules"])
    if (r["id"] == "closed-execution") measured = r["expect"]["provenance"] == "measured";
  EXPECT_TRUE(measured);
  // Bad input: not an observations file.
  auto bad = run_conform("specs merge " + merged + "/stepfunctions/StopExecution.json --out " + dir + "/x");
  EXPECT_EQ(bad.code, 2);
}

}  // namespace
}  // namespace conform::testing
