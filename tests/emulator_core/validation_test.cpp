// Coral validation through the whole handler: messages, order, redaction, code points, faults.
#include <gtest/gtest.h>

#include "emulator/core/utf8.h"
#include "emulator/core/validation_message.h"
#include "tests/emulator_core/test_specs.h"

using namespace conform;
using namespace conform::emulator;
using namespace conform::emulator::testing;

namespace {

http::Response put(const std::string& body, FaultSet faults = {}) {
  return make_test_handler(faults)->handle(alpha_request("PutThing", body));
}

FaultSet with(Fault f) {
  FaultSet s;
  s.add(f);
  return s;
}

}  // namespace

TEST(Validation, ValidInputReachesBackend) {
  auto r = put(R"({"name":"abc","count":5,"kind":"A","tags":[{"key":"k"}],"flag":true,"data":"AAA="})");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, R"({"thingId":"abc"})");  // undeclared output members are not sent
}

TEST(Validation, RequiredMissingOrNull) {
  for (const char* body : {"{}", R"({"name":null})"}) {
    auto r = put(body);
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(error_type(r), "com.amazon.coral.validate#ValidationException");
    EXPECT_EQ(error_message(r),
              "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null");
  }
}

TEST(Validation, LengthPatternEnumRangeInDeclarationOrder) {
  auto r = put(R"({"name":"ABCDEFGHIJK","count":0,"kind":"C"})");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(error_message(r),
            "4 validation errors detected: "
            "Value 'ABCDEFGHIJK' at 'name' failed to satisfy constraint: Member must satisfy regular expression "
            "pattern: [a-z]+; "
            "Value 'ABCDEFGHIJK' at 'name' failed to satisfy constraint: Member must have length less than or equal "
            "to 10; "
            "Value '0' at 'count' failed to satisfy constraint: Member must have value greater than or equal to 1; "
            "Value 'C' at 'kind' failed to satisfy constraint: Member must satisfy enum value set: [A, B]");
}

TEST(Validation, SensitiveValueIsNotEchoed) {
  auto r = put(R"({"name":"abc","secret":"topsecret"})");
  EXPECT_EQ(error_message(r),
            "1 validation error detected: Value at 'secret' failed to satisfy constraint: Member must have length "
            "less than or equal to 5");
  EXPECT_EQ(r.body.find("topsecret"), std::string::npos);
}

TEST(Validation, SensitiveValueEchoedFault) {
  auto r = put(R"({"name":"abc","secret":"topsecret"})", with(Fault::SensitiveValueEchoed));
  EXPECT_EQ(error_message(r),
            "1 validation error detected: Value 'topsecret' at 'secret' failed to satisfy constraint: Member must "
            "have length less than or equal to 5");
}

TEST(Validation, NestedPathsUseCoralForm) {
  auto r = put(R"({"name":"abc","tags":[{"key":"k"},{"value":"toolong"}]})");
  EXPECT_EQ(error_message(r),
            "2 validation errors detected: "
            "Value null at 'tags.2.member.key' failed to satisfy constraint: Member must not be null; "
            "Value 'toolong' at 'tags.2.member.value' failed to satisfy constraint: Member must have length less "
            "than or equal to 4");
  auto count = put(R"({"name":"abc","tags":[{"key":"a"},{"key":"b"},{"key":"c"}]})");
  EXPECT_NE(error_message(count).find("at 'tags' failed to satisfy constraint: Member must have length less than or equal to 2"),
            std::string::npos);
}

TEST(Validation, LengthCountsCodePoints) {
  // "ééé" is 3 code points, 6 bytes: inside name's max 10 but fails its ASCII pattern; the sensitive
  // secret (max 5) shows the count alone.
  EXPECT_EQ(put(R"({"name":"abc","secret":"ééééé"})").status, 200);
  EXPECT_EQ(put(R"({"name":"abc","secret":"😀😀😀😀😀"})").status, 200);
  EXPECT_EQ(put(R"({"name":"abc","secret":"éééééé"})").status, 400);
  EXPECT_EQ(code_points("a😀é"), 3u);
}

TEST(Validation, LengthCountedInBytesFault) {
  auto r = put(R"({"name":"abc","secret":"ééé"})", with(Fault::LengthCountedInBytes));
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(error_message(r).find("'secret'"), std::string::npos);
}

TEST(Validation, LengthMaxNotEnforcedFault) {
  EXPECT_EQ(put(R"({"name":"abc","secret":"123456"})", with(Fault::LengthMaxNotEnforced)).status, 200);
  // min is still enforced
  EXPECT_EQ(put(R"({"name":""})", with(Fault::LengthMaxNotEnforced)).status, 400);
}

TEST(Validation, RequiredNotEnforcedFault) {
  EXPECT_EQ(put("{}", with(Fault::RequiredNotEnforced)).status, 200);
}

TEST(Validation, BlobLengthInDecodedBytes) {
  EXPECT_EQ(put(R"({"name":"abc","data":"AAAA"})").status, 200);      // 3 bytes
  EXPECT_EQ(put(R"({"name":"abc","data":"AAAAAA=="})").status, 400);  // 4 bytes
}

TEST(Validation, ValidationRunsBeforeBackend) {
  // "boom" makes the fake backend throw; an invalid member stops the request first.
  auto r = put(R"({"name":"boom","secret":"123456"})");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(error_type(r), "com.amazon.coral.validate#ValidationException");
}

TEST(Validation, RestLowerCamelPathsAndPayloadMembers) {
  auto handler = make_test_handler();
  auto r = handler->handle(rest_request("POST", "/v1/things/bad/stop", R"({"ErrorMessage":"toolong"})"));
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.headers.get("X-Amzn-ErrorType"), "ValidationException");
  EXPECT_EQ(body_json(r).dump(),
            spec::Json({{"message",
                         "2 validation errors detected: Value 'bad' at 'thingArn' failed to satisfy constraint: Member "
                         "must satisfy regular expression pattern: arn:[a-z]+:thing/[A-Za-z0-9$]+; Value at "
                         "'error.errorMessage' failed to satisfy constraint: Member must have length less than or "
                         "equal to 5"}})
                .dump());
}

TEST(ValidationMessage, ServiceTemplatesWin) {
  spec::ValidationStyle style;
  style.templates["lengthMax"] = {"too long: ${path} (${max}) ${value}", spec::Provenance::Measured};
  Violation v;
  v.key = "lengthMax";
  v.path = "p";
  v.value = "${path}";  // substituted text is never expanded again
  v.max = 3;
  EXPECT_EQ(render_violation(style, v), "too long: p (3) ${path}");
  v.sensitive = true;
  EXPECT_EQ(render_violation(style, v), "too long: p (3) ${path}");  // no "Value '${value}' at" to redact
  style.templates["lengthMax.sensitive"] = {"hidden ${path}", spec::Provenance::Measured};
  EXPECT_EQ(render_violation(style, v), "hidden p");
}
