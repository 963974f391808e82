// restJson1 encoding, following the Smithy HTTP bindings as botocore serialises them: URI labels
// percent-encoded (greedy {Label+} keeps '/'), header and query members, an httpPayload member as the
// whole body (structures as JSON, blobs raw as application/octet-stream, strings as text/plain), and the
// remaining members as a JSON object body (application/json; `{}` when the operation has body members
// but none were given, as botocore does).
#include "harness/protocol/codec_internal.h"
#include "harness/protocol/safe_json.h"
#include "harness/protocol/wire_values.h"

namespace conform::protocol {

using spec::Location;
using spec::ShapeType;

namespace {

const spec::Member* find_label(const spec::Operation& op, std::string_view label) {
  for (const auto& m : op.input.members)
    if (m.location == Location::Uri && (m.name == label || m.location_name == label)) return &m;
  return nullptr;
}

std::string encode_greedy(const std::string& raw) {
  std::string out, segment;
  for (char c : raw) {
    if (c == '/') {
      out += http::percent_encode(segment) + "/";
      segment.clear();
    } else {
      segment.push_back(c);
    }
  }
  return out + http::percent_encode(segment);
}

}  // namespace

std::string expand_uri(const spec::Operation& op, const Json& input, bool encode_labels) {
  const std::string& tpl = op.uri;
  std::string out;
  size_t i = 0;
  while (i < tpl.size()) {
    size_t open = tpl.find('{', i);
    if (open == std::string::npos) {
      out.append(tpl, i, std::string::npos);
      break;
    }
    size_t close = tpl.find('}', open);
    if (close == std::string::npos) {
      out.append(tpl, i, std::string::npos);
      break;
    }
    out.append(tpl, i, open - i);
    std::string label = tpl.substr(open + 1, close - open - 1);
    bool greedy = !label.empty() && label.back() == '+';
    if (greedy) label.pop_back();
    const spec::Member* m = find_label(op, label);
    std::string key = m ? m->name : label;
    if (input.is_object()) {
      auto it = input.find(key);
      if (it != input.end() && !it->is_null()) {
        std::string text = to_query_text(m ? m->shape.get() : nullptr, *it);
        out += !encode_labels ? text : greedy ? encode_greedy(text) : http::percent_encode(text);
      }
    }
    i = close + 1;
  }
  return out;
}

namespace internal {

http::Request encode_rest_json(const spec::Service& service, const spec::Operation& op, const Json& input,
                               const EncodeOptions& options) {
  http::Request r;
  r.method = op.method.empty() ? "POST" : op.method;
  r.headers.set("Host", options.host);
  std::string target = expand_uri(op, input);
  if (auto split = http::split_target(target)) {
    r.path = split->first;
    r.query = split->second;  // literal query of the template ("?x-id=...")
  } else {
    r.path = target.substr(0, target.find('?'));
  }
  if (r.path.empty()) r.path = "/";

  Json body = Json::object();
  bool has_body_members = false;
  const spec::Member* payload = nullptr;
  for (const auto& m : op.input.members) {
    if (m.location == Location::Body) has_body_members = true;
    if (m.location == Location::Payload) payload = &m;
  }
  bool payload_set = false;
  if (input.is_object()) {
    for (auto it = input.begin(); it != input.end(); ++it) {
      const spec::Member* m = op.input.find_member(it.key());
      const spec::Shape* shape = m ? m->shape.get() : nullptr;
      const Json& v = it.value();
      if (!m || m->location == Location::Body) {
        body[it.key()] = to_body_value(shape, v);
        continue;
      }
      if (v.is_null()) continue;
      const std::string& wire = m->location_name.empty() ? m->name : m->location_name;
      switch (m->location) {
        case Location::Uri:
          break;  // expanded above
        case Location::Header:
          r.headers.set(wire, to_header_text(shape, v));
          break;
        case Location::Query:
          if (v.is_array()) {
            for (const auto& e : v) r.query.emplace_back(wire, to_query_text(shape ? shape->element.get() : nullptr, e));
          } else if (v.is_object() && shape && shape->type == ShapeType::Map) {
            for (auto q = v.begin(); q != v.end(); ++q)
              r.query.emplace_back(q.key(), to_query_text(shape->element.get(), q.value()));
          } else {
            r.query.emplace_back(wire, to_query_text(shape, v));
          }
          break;
        case Location::Payload:
          payload_set = true;
          if (shape && (shape->type == ShapeType::Blob || shape->type == ShapeType::String) && v.is_string()) {
            r.body = v.get<std::string>();
            r.headers.set("Content-Type",
                          shape->type == ShapeType::Blob ? "application/octet-stream" : "text/plain");
          } else {
            r.body = dump_json(to_body_value(shape, v));
            r.headers.set("Content-Type", "application/json");
          }
          break;
        case Location::Body:
          break;
      }
    }
  }
  if (payload) {
    if (!payload_set && payload->shape && payload->shape->type == ShapeType::Structure) {
      r.body = "{}";
      r.headers.set("Content-Type", "application/json");
    }
  } else if (has_body_members || !body.empty()) {
    r.body = dump_json(body);
    r.headers.set("Content-Type", "application/json");
  }
  (void)service;
  return r;
}

}  // namespace internal
}  // namespace conform::protocol
