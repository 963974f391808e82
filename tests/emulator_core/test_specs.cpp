#include "tests/emulator_core/test_specs.h"

#include <algorithm>
#include <stdexcept>

namespace conform::emulator::testing {
namespace {

using spec::Json;
using spec::Location;
using spec::Member;
using spec::Shape;
using spec::ShapePtr;
using spec::ShapeType;

ShapePtr str(std::optional<spec::Range> length = std::nullopt, std::optional<std::string> pattern = std::nullopt,
             bool sensitive = false) {
  auto s = std::make_shared<Shape>();
  s->type = ShapeType::String;
  s->length = length;
  s->pattern = pattern;
  s->sensitive = sensitive;
  return s;
}

ShapePtr of(ShapeType t) {
  auto s = std::make_shared<Shape>();
  s->type = t;
  return s;
}

Member member(std::string name, ShapePtr shape, bool required = false, Location loc = Location::Body,
              std::string location_name = "") {
  Member m;
  m.name = name;
  m.shape = std::move(shape);
  m.required = required;
  m.location = loc;
  m.location_name = location_name.empty() ? name : location_name;
  return m;
}

spec::ErrorSpec error(std::string name, int status, std::string wire, std::vector<std::string> body = {}) {
  spec::ErrorSpec e;
  e.name = name;
  e.status = status;
  e.wire = wire;
  e.body_members = std::move(body);
  return e;
}

spec::Rule protocol_rule(spec::Situation s, int status, std::string error) {
  spec::Rule r;
  r.id = spec::to_string(s);
  r.situation = s;
  r.expect.status = status;
  r.expect.error = error;
  return r;
}

spec::SpecSet build() {
  spec::SpecSet set;

  spec::Service alpha;
  alpha.name = "alpha";
  alpha.protocol = spec::Protocol::AwsJson1_0;
  alpha.target_prefix = "AlphaService";
  alpha.error_namespace = "com.example.alpha";
  alpha.common_errors = {error("ValidationException", 400, "com.amazon.coral.validate#ValidationException"),
                         error("SerializationException", 400, "com.amazon.coral.service#SerializationException"),
                         error("UnknownOperationException", 400, "com.amazon.coral.service#UnknownOperationException")};
  alpha.protocol_rules = {protocol_rule(spec::Situation::MalformedJson, 400, "SerializationException"),
                          protocol_rule(spec::Situation::BodyNotObject, 400, "SerializationException"),
                          protocol_rule(spec::Situation::WrongContentType, 400, "UnknownOperationException"),
                          protocol_rule(spec::Situation::UnknownOperation, 400, "UnknownOperationException")};
  set.services["alpha"] = alpha;

  spec::Service rest;
  rest.name = "rest";
  rest.protocol = spec::Protocol::RestJson1;
  rest.validation.lower_camel_paths = true;
  rest.common_errors = {error("ValidationException", 400, "ValidationException", {"message"}),
                        error("InvalidRequestContentException", 400, "", {"Type", "message"}),
                        error("UnknownOperationException", 404, "", {"message"})};
  rest.protocol_rules = {protocol_rule(spec::Situation::MalformedJson, 400, "InvalidRequestContentException"),
                         protocol_rule(spec::Situation::UnknownOperation, 404, "UnknownOperationException")};
  set.services["rest"] = rest;

  // alpha.PutThing: every constraint kind.
  spec::Operation put;
  put.service = "alpha";
  put.name = "PutThing";
  put.input.type = ShapeType::Structure;
  auto tag = std::make_shared<Shape>();
  tag->type = ShapeType::Structure;
  tag->members = {member("key", str(spec::Range{1, 3}), true), member("value", str(spec::Range{0, 4}))};
  auto tags = std::make_shared<Shape>();
  tags->type = ShapeType::List;
  tags->length = spec::Range{0, 2};
  tags->element = tag;
  auto count = of(ShapeType::Integer);
  std::const_pointer_cast<Shape>(count)->range = spec::Range{1, 100};
  auto kind = str();
  std::const_pointer_cast<Shape>(kind)->enum_values = {"A", "B"};
  auto data = of(ShapeType::Blob);
  std::const_pointer_cast<Shape>(data)->length = spec::Range{0, 3};
  put.input.members = {member("name", str(spec::Range{1, 10}, "[a-z]+"), true),
                       member("secret", str(spec::Range{0, 5}, std::nullopt, true)),
                       member("count", count),
                       member("kind", kind),
                       member("tags", tags),
                       member("flag", of(ShapeType::Boolean)),
                       member("data", data)};
  spec::Shape put_out;
  put_out.type = ShapeType::Structure;
  put_out.members = {member("thingId", str())};
  put.output = put_out;
  put.errors = {error("ThingExists", 400, "")};
  set.operations.push_back(put);

  spec::Operation ping;
  ping.service = "alpha";
  ping.name = "Ping";
  ping.input.type = ShapeType::Structure;
  set.operations.push_back(ping);

  // rest.StopThing: uri label with a pattern, structure payload of sensitive members.
  spec::Operation stop;
  stop.service = "rest";
  stop.name = "StopThing";
  stop.method = "POST";
  stop.uri = "/v1/things/{ThingArn}/stop";
  stop.input.type = ShapeType::Structure;
  auto err = std::make_shared<Shape>();
  err->type = ShapeType::Structure;
  err->members = {member("ErrorMessage", str(spec::Range{0, 5}, std::nullopt, true)),
                  member("ErrorType", str(std::nullopt, std::nullopt, true))};
  stop.input.members = {member("ThingArn", str(spec::Range{1, 40}, "arn:[a-z]+:thing/[A-Za-z0-9$]+"), true, Location::Uri),
                        member("Error", err, false, Location::Payload)};
  spec::Shape stop_out;
  stop_out.type = ShapeType::Structure;
  stop_out.members = {member("StopTimestamp", of(ShapeType::Timestamp))};
  stop.output = stop_out;
  stop.errors = {error("ResourceNotFoundException", 404, "", {"Type", "Message"})};
  set.operations.push_back(stop);

  // rest.GetThing: query + header input, header + body output.
  spec::Operation get;
  get.service = "rest";
  get.name = "GetThing";
  get.method = "GET";
  get.uri = "/v1/things/{ThingArn}";
  get.input.type = ShapeType::Structure;
  auto ids = std::make_shared<Shape>();
  ids->type = ShapeType::List;
  ids->element = of(ShapeType::Integer);
  get.input.members = {member("ThingArn", str(spec::Range{1, 40}), true, Location::Uri),
                       member("Verbose", of(ShapeType::Boolean), false, Location::Query),
                       member("Ids", ids, false, Location::Query, "id"),
                       member("Trace", str(spec::Range{0, 8}), false, Location::Header, "X-Trace")};
  spec::Shape get_out;
  get_out.type = ShapeType::Structure;
  get_out.members = {member("Name", str()), member("Echo", of(ShapeType::Structure)),
                     member("Etag", str(), false, Location::Header, "ETag")};
  get.output = get_out;
  set.operations.push_back(get);

  // rest.PutBlob: blob payload.
  spec::Operation blob;
  blob.service = "rest";
  blob.name = "PutBlob";
  blob.method = "PUT";
  blob.uri = "/v1/blobs/{Id}";
  blob.input.type = ShapeType::Structure;
  auto bytes = of(ShapeType::Blob);
  std::const_pointer_cast<Shape>(bytes)->length = spec::Range{0, 4};
  blob.input.members = {member("Id", str(), true, Location::Uri), member("Data", bytes, false, Location::Payload)};
  spec::Shape blob_out;
  blob_out.type = ShapeType::Structure;
  blob_out.members = {member("Data", of(ShapeType::Blob), false, Location::Payload)};
  blob.output = blob_out;
  set.operations.push_back(blob);

  std::sort(set.operations.begin(), set.operations.end(),
            [](const spec::Operation& a, const spec::Operation& b) { return a.id() < b.id(); });
  return set;
}

class AlphaBackend final : public Backend {
 public:
  std::string service_name() const override { return "alpha"; }
  bool implements(const std::string& op) const override { return op != "Unimplemented"; }
  Outcome handle(const Call& call) override {
    if (call.op.name == "Ping") return Outcome::ok();
    std::string name = call.input.value("name", "");
    if (name == "boom") throw std::runtime_error("fake backend exploded");
    if (name == "exists") return Outcome::error("ThingExists", "Thing Exists: 'exists'");
    return Outcome::ok(Json{{"thingId", name}, {"undeclared", 1}});
  }
};

class RestBackend final : public Backend {
 public:
  std::string service_name() const override { return "rest"; }
  bool implements(const std::string&) const override { return true; }
  Outcome handle(const Call& call) override {
    std::string arn = call.input.value("ThingArn", call.input.value("Id", ""));
    if (call.op.name == "PutBlob") return Outcome::ok(Json{{"Data", call.input.value("Data", "")}});
    if (arn.size() >= 7 && arn.compare(arn.size() - 7, 7, "missing") == 0)
      return Outcome::error("ResourceNotFoundException", "Thing not found: " + arn);
    if (call.op.name == "StopThing") return Outcome::ok(Json{{"StopTimestamp", 1700000000.5}});
    Outcome o = Outcome::ok(Json{{"Name", arn}, {"Etag", "abc"}, {"Echo", call.input}});
    return o;
  }
};

}  // namespace

const spec::SpecSet& test_specs() {
  static const spec::SpecSet set = build();
  return set;
}

std::unique_ptr<RequestHandler> make_test_handler(FaultSet faults) {
  HandlerOptions options;
  options.faults = faults;
  options.clock = std::make_shared<ManualClock>();
  auto handler = std::make_unique<RequestHandler>(test_specs(), options);
  handler->add_backend(std::make_unique<AlphaBackend>());
  handler->add_backend(std::make_unique<RestBackend>());
  return handler;
}

http::Request alpha_request(const std::string& op, const std::string& body) {
  http::Request r;
  r.method = "POST";
  r.path = "/";
  r.headers.set("X-Amz-Target", "AlphaService." + op);
  r.headers.set("Content-Type", "application/x-amz-json-1.0");
  r.body = body;
  return r;
}

http::Request rest_request(const std::string& method, const std::string& path, const std::string& body) {
  http::Request r;
  r.method = method;
  auto split = http::split_target(path);
  r.path = split ? split->first : path;
  if (split) r.query = split->second;
  if (!body.empty()) r.headers.set("Content-Type", "application/json");
  r.body = body;
  return r;
}

std::string error_type(const http::Response& r) {
  if (auto h = r.headers.get("X-Amzn-ErrorType")) return *h;
  Json j = Json::parse(r.body, nullptr, false);
  if (j.is_object() && j.contains("__type") && j["__type"].is_string()) return j["__type"].get<std::string>();
  return "";
}

std::string error_message(const http::Response& r) {
  Json j = Json::parse(r.body, nullptr, false);
  if (!j.is_object()) return "";
  for (const char* k : {"message", "Message"})
    if (j.contains(k) && j[k].is_string()) return j[k].get<std::string>();
  return "";
}

spec::Json body_json(const http::Response& r) { return Json::parse(r.body, nullptr, false); }

}  // namespace conform::emulator::testing
