#include "emulator/core/input_decoder.h"

#include <algorithm>
#include <cctype>

#include "emulator/core/base64.h"
#include "emulator/core/shape_conformance.h"
#include "emulator/core/utf8.h"
#include "harness/protocol/json_reader.h"

namespace conform::emulator {
namespace {

using spec::Json;
using spec::Location;
using spec::Situation;

std::string lower_trim(std::string s) {
  auto not_space = [](unsigned char c) { return !std::isspace(c); };
  s.erase(s.begin(), std::find_if(s.begin(), s.end(), not_space));
  s.erase(std::find_if(s.rbegin(), s.rend(), not_space).base(), s.end());
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

ProtocolProblem problem_of(Situation situation, const spec::Service& service, const spec::Operation& op,
                           std::string detail, std::optional<std::string> member = std::nullopt) {
  ProtocolProblem p;
  p.situation = situation;
  p.service = &service;
  p.op = &op;
  p.detail = std::move(detail);
  p.member = std::move(member);
  return p;
}

ProtocolProblem type_problem(const spec::Service& service, const spec::Operation& op, const TypeProblem& t) {
  std::string top = t.path.substr(0, t.path.find('.'));
  return problem_of(Situation::WrongType, service, op, "Invalid value at '" + t.path + "': " + t.message, top);
}

// Parses a JSON body that must be an object; empty = {}.
std::variant<Json, ProtocolProblem> parse_object(const spec::Service& service, const spec::Operation& op,
                                                 const std::string& body, bool empty_is_object) {
  bool blank = std::all_of(body.begin(), body.end(), [](unsigned char c) { return std::isspace(c); });
  if (blank) return empty_is_object ? Json::object() : Json();
  Json parsed = protocol::parse_json(body);
  if (parsed.is_discarded()) return problem_of(Situation::MalformedJson, service, op, "The request body is not valid JSON");
  if (!parsed.is_object())
    return problem_of(Situation::BodyNotObject, service, op, "The request body must be a JSON object");
  return parsed;
}

std::vector<std::string> split_commas(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t comma = s.find(',', start);
    std::string part = s.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    size_t b = part.find_first_not_of(" \t"), e = part.find_last_not_of(" \t");
    out.push_back(b == std::string::npos ? "" : part.substr(b, e - b + 1));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

// A member that travels as text (label, header, query): scalars and lists of scalars.
std::optional<Json> text_member(const spec::Member& m, const std::vector<std::string>& values, TypeProblem& tp) {
  if (m.shape->type == spec::ShapeType::List && m.shape->element) {
    Json list = Json::array();
    for (const auto& v : values) {
      auto e = from_text(*m.shape->element, v, m.name, tp);
      if (!e) return std::nullopt;
      list.push_back(std::move(*e));
    }
    return list;
  }
  return from_text(*m.shape, values.front(), m.name, tp);
}

bool is_json_media_type(const std::string& value) {
  std::string media = lower_trim(value.substr(0, value.find(';')));
  return media == "application/json" || is_aws_json_content_type(value) ||
         (media.size() > 5 && media.compare(media.size() - 5, 5, "+json") == 0);
}

std::variant<Json, ProtocolProblem> decode_rest(const spec::Service& service, const spec::Operation& op,
                                                const http::Request& request,
                                                const std::map<std::string, std::string>& labels) {
  Json input = Json::object();
  bool has_body_members = false, json_payload = false;
  for (const auto& m : op.input.members) {
    has_body_members = has_body_members || m.location == Location::Body;
    json_payload = json_payload || (m.location == Location::Payload && m.shape &&
                                    m.shape->type != spec::ShapeType::Blob && m.shape->type != spec::ShapeType::String);
  }
  // A JSON body sent under a declared non-JSON media type (no Content-Type is tolerated).
  auto content_type = request.headers.get("Content-Type");
  bool has_body = std::any_of(request.body.begin(), request.body.end(), [](unsigned char c) { return !std::isspace(c); });
  if ((has_body_members || json_payload) && has_body && content_type && !is_json_media_type(*content_type))
    return problem_of(Situation::WrongContentType, service, op, "Unsupported Content-Type '" + *content_type + "'");
  if (has_body_members) {
    auto body = parse_object(service, op, request.body, true);
    if (auto* p = std::get_if<ProtocolProblem>(&body)) return *p;
    const Json& obj = std::get<Json>(body);
    for (const auto& m : op.input.members) {
      if (m.location != Location::Body || !m.shape) continue;
      auto it = obj.find(m.name);
      if (it == obj.end() || it->is_null()) continue;
      TypeProblem tp;
      auto v = conform_to_shape(*m.shape, *it, m.name, tp);
      if (!v) return type_problem(service, op, tp);
      input[m.name] = std::move(*v);
    }
  }
  for (const auto& m : op.input.members) {
    if (!m.shape) continue;
    const std::string& key = m.location_name.empty() ? m.name : m.location_name;
    TypeProblem tp;
    std::optional<Json> v;
    switch (m.location) {
      case Location::Body:
        continue;
      case Location::Uri: {
        auto it = labels.find(m.name);
        if (it == labels.end()) it = labels.find(key);
        if (it == labels.end()) continue;
        v = text_member(m, {it->second}, tp);
        break;
      }
      case Location::Header: {
        auto h = request.headers.get(key);
        if (!h) continue;
        v = text_member(m, m.shape->type == spec::ShapeType::List ? split_commas(*h) : std::vector<std::string>{*h}, tp);
        break;
      }
      case Location::Query: {
        std::vector<std::string> values;
        for (const auto& [k, val] : request.query)
          if (k == key) values.push_back(val);
        if (values.empty()) continue;
        v = text_member(m, values, tp);
        break;
      }
      case Location::Payload: {
        if (m.shape->type == spec::ShapeType::Blob) {
          if (request.body.empty()) continue;
          v = Json(base64_encode(request.body));
        } else if (m.shape->type == spec::ShapeType::String) {
          if (request.body.empty()) continue;
          if (!valid_utf8(request.body)) {
            tp = {m.name, "invalid UTF-8"};
            return type_problem(service, op, tp);
          }
          v = Json(request.body);
        } else {
          auto body = parse_object(service, op, request.body, false);
          if (auto* p = std::get_if<ProtocolProblem>(&body)) return *p;
          if (std::get<Json>(body).is_null()) continue;
          v = conform_to_shape(*m.shape, std::get<Json>(body), m.name, tp);
        }
        break;
      }
    }
    if (!v) return type_problem(service, op, tp);
    input[m.name] = std::move(*v);
  }
  return input;
}

}  // namespace

bool is_aws_json_content_type(const std::string& value) {
  std::string media = lower_trim(value.substr(0, value.find(';')));
  return media == "application/x-amz-json-1.0" || media == "application/x-amz-json-1.1";
}

std::variant<Json, ProtocolProblem> decode_input(const spec::Service& service, const spec::Operation& op,
                                                 const http::Request& request,
                                                 const std::map<std::string, std::string>& labels) {
  if (service.protocol == spec::Protocol::RestJson1) return decode_rest(service, op, request, labels);

  auto content_type = request.headers.get("Content-Type");
  if (!content_type || !is_aws_json_content_type(*content_type))
    return problem_of(Situation::WrongContentType, service, op,
                      "Unsupported Content-Type '" + content_type.value_or("") + "'");
  auto body = parse_object(service, op, request.body, true);
  if (auto* p = std::get_if<ProtocolProblem>(&body)) return *p;
  TypeProblem tp;
  auto input = conform_members(op.input.members, std::get<Json>(body), "", tp);
  if (!input) return type_problem(service, op, tp);
  return std::move(*input);
}

}  // namespace conform::emulator
