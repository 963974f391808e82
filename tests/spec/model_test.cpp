// Names and look-ups of the spec model.
#include <gtest/gtest.h>

#include "harness/spec/model.h"

namespace conform::spec {
namespace {

TEST(Model, ProvenanceNamesRoundTripAndHardness) {
  for (Provenance p : {Provenance::Model, Provenance::Documented, Provenance::Measured, Provenance::Emulator,
                       Provenance::Inferred}) {
    EXPECT_EQ(provenance_from_string(to_string(p)), p);
  }
  EXPECT_TRUE(is_hard(Provenance::Measured));
  EXPECT_TRUE(is_hard(Provenance::Model));
  EXPECT_FALSE(is_hard(Provenance::Inferred));
  EXPECT_FALSE(is_hard(Provenance::Emulator));
  EXPECT_EQ(provenance_from_string("Measured"), std::nullopt);
}

TEST(Model, SituationNamesRoundTripAndClasses) {
  int protocol = 0, constraint = 0;
  for (int i = static_cast<int>(Situation::Valid); i <= static_cast<int>(Situation::UnencodedLabel); ++i) {
    Situation s = static_cast<Situation>(i);
    EXPECT_EQ(situation_from_string(to_string(s)), s) << to_string(s);
    protocol += is_protocol_situation(s);
    constraint += is_constraint_situation(s);
    EXPECT_FALSE(is_protocol_situation(s) && is_constraint_situation(s));
  }
  EXPECT_EQ(protocol, 6);
  EXPECT_EQ(constraint, 7);
  EXPECT_STREQ(to_string(Situation::TimedOut), "timed-out");
  EXPECT_EQ(situation_from_string("timed_out"), std::nullopt);
}

TEST(Model, ShapeTypeAndOtherNames) {
  EXPECT_EQ(shape_type_from_string("timestamp"), ShapeType::Timestamp);
  EXPECT_STREQ(to_string(ShapeType::Map), "map");
  EXPECT_EQ(shape_type_from_string("int"), std::nullopt);
  EXPECT_STREQ(to_string(Protocol::RestJson1), "restJson1");
  EXPECT_STREQ(to_string(Location::Query), "query");
}

TEST(Model, FindHelpers) {
  SpecSet set;
  Service s;
  s.name = "svc";
  ErrorSpec validation;
  validation.name = "ValidationException";
  s.common_errors.push_back(validation);
  set.services["svc"] = s;
  Operation a;
  a.service = "svc";
  a.name = "A";
  ErrorSpec gone;
  gone.name = "Gone";
  gone.status = 404;
  a.errors.push_back(gone);
  a.lifecycle = Lifecycle{};
  a.lifecycle->fixture = "f";
  Rule r1, r2;
  r1.situation = Situation::Closed;
  r2.situation = Situation::Valid;
  a.rules = {r1, r2, r1};
  Member m;
  m.name = "x";
  a.input.members.push_back(m);
  Operation b = a;
  b.name = "B";
  b.lifecycle->fixture = "g";
  set.operations = {a, b};

  EXPECT_EQ(set.find_service("svc"), &set.services["svc"]);
  EXPECT_EQ(set.find_service("nope"), nullptr);
  EXPECT_EQ(set.find_operation("svc", "B"), &set.operations[1]);
  EXPECT_EQ(set.find_operation("svc.A"), &set.operations[0]);
  EXPECT_EQ(set.find_operation("svc.C"), nullptr);
  EXPECT_EQ(set.find_error(set.operations[0], "Gone")->status, 404);
  EXPECT_EQ(set.find_error(set.operations[0], "ValidationException")->status, 400);
  EXPECT_EQ(set.find_error(set.operations[0], "Other"), nullptr);
  EXPECT_EQ(set.operations[0].rules_for(Situation::Closed).size(), 2u);
  EXPECT_EQ(set.operations[0].input.find_member("x")->name, "x");
  EXPECT_EQ(set.operations[0].input.find_member("y"), nullptr);
  auto on_f = set.operations_on_fixture("svc", "f");
  ASSERT_EQ(on_f.size(), 1u);
  EXPECT_EQ(on_f[0]->name, "A");
  EXPECT_TRUE(set.operations_on_fixture("other", "f").empty());
}

}  // namespace
}  // namespace conform::spec
