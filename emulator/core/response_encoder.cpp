#include "emulator/core/response_encoder.h"

#include "emulator/core/base64.h"
#include "harness/protocol/safe_json.h"

namespace conform::emulator {
namespace {

using spec::Location;

constexpr const char* kAwsJson = "application/x-amz-json-1.0";

std::string dump(const Json& j) { return protocol::dump_json(j); }

std::string header_text(const Json& v) {
  std::string s = v.is_string() ? v.get<std::string>() : dump(v);
  std::string out;
  for (char c : s)
    if (c != '\r' && c != '\n') out += c;
  return out;
}

void add_common(http::Response& r, const std::string& request_id,
                const std::vector<std::pair<std::string, std::string>>& extra) {
  r.headers.set("x-amzn-RequestId", request_id);
  for (const auto& [k, v] : extra) r.headers.set(k, header_text(Json(v)));
}

const spec::ErrorSpec* find_error_spec(const spec::Service* service, const spec::Operation* op, const std::string& name) {
  if (op)
    if (const auto* e = op->find_error(name)) return e;
  if (service) return service->find_common_error(name);
  return nullptr;
}

std::string coral_wire(const std::string& name) {
  if (name == "ValidationException") return "com.amazon.coral.validate#ValidationException";
  return "com.amazon.coral.service#" + name;
}

}  // namespace

http::Response encode_success(const spec::Service& service, const spec::Operation& op, const Outcome& outcome,
                              const std::string& request_id) {
  http::Response r;
  r.status = outcome.status_override.value_or(200);
  const bool rest = service.protocol == spec::Protocol::RestJson1;
  if (!op.output) {
    if (!rest) r.headers.set("Content-Type", kAwsJson);
    add_common(r, request_id, outcome.headers);
    return r;
  }
  Json body = Json::object();
  bool has_body_members = false, payload_written = false;
  const Json& out = outcome.output.is_object() ? outcome.output : Json::object();
  for (const auto& m : op.output->members) {
    auto it = out.find(m.name);
    const std::string& where = m.location_name.empty() ? m.name : m.location_name;
    if (!rest || m.location == Location::Body) {
      has_body_members = true;
      if (it != out.end() && !it->is_null()) body[m.name] = *it;
      continue;
    }
    if (it == out.end() || it->is_null()) continue;
    if (m.location == Location::Header) {
      r.headers.set(where, header_text(*it));
    } else if (m.location == Location::Payload) {
      payload_written = true;
      if (m.shape && m.shape->type == spec::ShapeType::Blob && it->is_string()) {
        auto raw = base64_decode(it->get<std::string>());
        r.body = raw ? *raw : it->get<std::string>();
        r.headers.set("Content-Type", "application/octet-stream");
      } else if (it->is_string()) {
        r.body = it->get<std::string>();
        r.headers.set("Content-Type", "text/plain");
      } else {
        r.body = dump(*it);
        r.headers.set("Content-Type", "application/json");
      }
    }
  }
  if (!rest) {
    r.body = dump(body);
    r.headers.set("Content-Type", kAwsJson);
  } else if (!payload_written && has_body_members) {
    r.body = dump(body);
    r.headers.set("Content-Type", "application/json");
  }
  add_common(r, request_id, outcome.headers);
  return r;
}

http::Response encode_error(const spec::Service* service, const spec::Operation* op, const ErrorToSend& error,
                            const FaultSet& faults, const std::string& request_id) {
  const spec::ErrorSpec* es = find_error_spec(service, op, error.name);
  const bool rest = service && service->protocol == spec::Protocol::RestJson1;
  bool server_side = error.name == "InternalFailure" || error.name == "ServiceException" ||
                     error.name == "InternalServerError";
  int status = error.status.value_or(es ? es->status : (server_side ? 500 : 400));
  if (rest && faults.has(Fault::RestJsonNotFoundAs400) && error.name == "ResourceNotFoundException") status = 400;

  http::Response r;
  r.status = status;
  const Json extra = error.extra.is_object() ? error.extra : Json::object();
  if (!rest) {
    std::string wire = es && !es->wire.empty() ? es->wire
                       : (es && service && !service->error_namespace.empty() && op && op->find_error(error.name))
                           ? service->error_namespace + "#" + error.name
                           : coral_wire(error.name);
    if (faults.has(Fault::ErrorNamespaceDropped) && wire.find('#') != std::string::npos) wire = wire.substr(wire.find('#') + 1);
    Json body = Json::object();
    body["__type"] = wire;
    body["message"] = error.message;
    for (const auto& [k, v] : extra.items())
      if (!body.contains(k)) body[k] = v;
    r.body = dump(body);
    r.headers.set("Content-Type", kAwsJson);
  } else {
    std::string wire = es && !es->wire.empty() ? es->wire : error.name;
    std::vector<std::string> members = es && !es->body_members.empty() ? es->body_members
                                       : error.name == "ValidationException" ? std::vector<std::string>{"message"}
                                                                             : std::vector<std::string>{"Type", "Message"};
    Json body = Json::object();
    for (const auto& m : members) {
      if (m == "Type") body[m] = extra.contains("Type") ? extra["Type"] : Json(status >= 500 ? "Service" : "User");
      else if (m == "Message" || m == "message") body[m] = error.message;
      else if (extra.contains(m)) body[m] = extra[m];
    }
    for (const auto& [k, v] : extra.items())
      if (!body.contains(k)) body[k] = v;
    r.body = dump(body);
    r.headers.set("Content-Type", "application/json");
    r.headers.set("X-Amzn-ErrorType", header_text(Json(wire)));
  }
  add_common(r, request_id, error.headers);
  return r;
}

}  // namespace conform::emulator
