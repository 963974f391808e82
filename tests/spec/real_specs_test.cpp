// The shipped specs/ folder loads without error, and the built-in copy is the same set.
#include <gtest/gtest.h>

#include "harness/spec/loader.h"

namespace conform::spec {
namespace {

// Everything observable about a set that a wrong load could change, as one comparable value.
Json summarize_shape(const Shape& s) {
  Json j = {{"type", to_string(s.type)}, {"sensitive", s.sensitive}, {"enum", s.enum_values}};
  if (s.length) j["length"] = {s.length->min.value_or(-1), s.length->max.value_or(-1)};
  if (s.range) j["range"] = {s.range->min.value_or(-1), s.range->max.value_or(-1)};
  if (s.pattern) j["pattern"] = *s.pattern;
  for (const Member& m : s.members) {
    j["members"].push_back({{"name", m.name}, {"required", m.required}, {"location", to_string(m.location)},
                            {"shape", summarize_shape(*m.shape)}});
  }
  if (s.element) j["element"] = summarize_shape(*s.element);
  return j;
}

Json summarize(const SpecSet& set) {
  Json j;
  for (const auto& [name, s] : set.services) {
    Json fixtures = Json::array();
    for (const auto& [fname, f] : s.fixtures) fixtures.push_back({fname, f.steps.size(), f.provides});
    j["services"][name] = {{"protocol", to_string(s.protocol)}, {"fixtures", fixtures},
                           {"commonErrors", s.common_errors.size()}, {"protocolRules", s.protocol_rules.size()}};
  }
  for (const Operation& op : set.operations) {
    Json rules = Json::array();
    for (const Rule& r : op.rules) rules.push_back({r.id, to_string(r.situation), r.expect.error, r.expect.status.value_or(0)});
    Json errors = Json::array();
    for (const ErrorSpec& e : op.errors) errors.push_back({e.name, e.status, e.wire});
    j["operations"].push_back({{"id", op.id()}, {"file", op.file}, {"input", summarize_shape(op.input)},
                               {"rules", rules}, {"errors", errors},
                               {"lifecycle", op.lifecycle ? op.lifecycle->fixture : ""}});
  }
  return j;
}

TEST(RealSpecs, SourceFolderLoadsWithoutErrors) {
  LoadResult r = load_spec_dir(std::string(CONFORM_SOURCE_DIR) + "/specs");
  for (const SpecError& e : r.errors) ADD_FAILURE() << e.to_string();
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r.specs->operations.empty());
  EXPECT_NE(r.specs->find_service("stepfunctions"), nullptr);
}

TEST(RealSpecs, BuiltinSpecsEqualTheSourceFolder) {
  LoadResult r = load_spec_dir(std::string(CONFORM_SOURCE_DIR) + "/specs");
  ASSERT_TRUE(r.ok());
  const Json builtin = summarize(builtin_specs()), source = summarize(*r.specs);
  EXPECT_EQ(builtin["services"], source["services"]);
  std::vector<std::string> builtin_ids, source_ids;
  for (const Json& op : builtin["operations"]) builtin_ids.push_back(op["id"]);
  for (const Json& op : source["operations"]) source_ids.push_back(op["id"]);
  ASSERT_EQ(builtin_ids, source_ids) << "the built-in specs are stale: rebuild conform_builtin_specs";
  for (size_t i = 0; i < builtin_ids.size(); ++i) {
    EXPECT_EQ(builtin["operations"][i], source["operations"][i]) << builtin_ids[i];
  }
}

TEST(RealSpecs, OperationsAreSortedByIdAndEveryLifecycleResolves) {
  const SpecSet& set = builtin_specs();
  for (size_t i = 1; i < set.operations.size(); ++i) {
    EXPECT_LT(set.operations[i - 1].id(), set.operations[i].id());
  }
  for (const Operation& op : set.operations) {
    EXPECT_EQ(set.find_operation(op.id()), &op);
    if (!op.lifecycle) continue;
    const Service* s = set.find_service(op.service);
    ASSERT_NE(s, nullptr);
    EXPECT_TRUE(s->fixtures.count(op.lifecycle->fixture)) << op.id();
    if (op.lifecycle->read_back) {
      EXPECT_NE(set.find_operation(op.service, op.lifecycle->read_back->operation), nullptr);
    }
    auto siblings = set.operations_on_fixture(op.service, op.lifecycle->fixture);
    EXPECT_NE(std::find(siblings.begin(), siblings.end(), &op), siblings.end());
  }
}

TEST(RealSpecs, ErrorRulesCarryTheDeclaredStatusAndWire) {
  const SpecSet& set = builtin_specs();
  size_t error_rules = 0;
  for (const Operation& op : set.operations) {
    for (const Rule& r : op.rules) {
      if (r.expect.success()) continue;
      ++error_rules;
      const ErrorSpec* e = set.find_error(op, r.expect.error);
      ASSERT_NE(e, nullptr) << op.id() << " " << r.id;
      ASSERT_TRUE(r.expect.status.has_value());
      EXPECT_EQ(*r.expect.status, e->status);
      EXPECT_FALSE(e->wire.empty());
    }
  }
  EXPECT_GT(error_rules, 0u);
}

}  // namespace
}  // namespace conform::spec
