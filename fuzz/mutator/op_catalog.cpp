#include "fuzz/mutator/op_catalog.h"

#include "emulator/app/emulator.h"
#include "harness/http/message.h"
#include "harness/spec/loader.h"

namespace conform::fuzz {
namespace {

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> out;
  size_t q = path.find('?');
  path = path.substr(0, q);
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) {
      out.emplace_back(path.substr(start));
      break;
    }
    out.emplace_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return out;
}

bool is_label(const std::string& segment) { return segment.size() > 2 && segment.front() == '{' && segment.back() == '}'; }

std::string label_name(const std::string& segment) {
  std::string name = segment.substr(1, segment.size() - 2);
  if (!name.empty() && name.back() == '+') name.pop_back();
  return name;
}

std::string text_of(const spec::Json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

bool is_placeholder(const std::string& s) { return s.size() > 4 && s.rfind("{{", 0) == 0 && s.compare(s.size() - 2, 2, "}}") == 0; }

}  // namespace

const OpCatalog& OpCatalog::get() {
  static const OpCatalog catalog;
  return catalog;
}

OpCatalog::OpCatalog() {
  const spec::SpecSet& specs = spec::builtin_specs();
  const emulator::Emulator emulator;
  for (const auto& op : specs.operations) {
    CatalogOp c;
    c.service = specs.find_service(op.service);
    if (!c.service || !emulator.implements(op.service, op.name)) continue;
    c.op = &op;
    c.rest = c.service->protocol == spec::Protocol::RestJson1;
    if (op.lifecycle) {
      c.fixture = op.lifecycle->fixture;
      c.closes = op.lifecycle->closes;
    }
    ops_.push_back(c);
  }
}

const CatalogOp* OpCatalog::find(const ScriptStep& step) const {
  if (step.is_advance) return nullptr;
  std::optional<std::string> target;
  for (const auto& [k, v] : step.headers)
    if (http::iequals(k, "X-Amz-Target")) target = v;
  if (target) {
    for (const auto& c : ops_)
      if (!c.rest && *target == c.service->target_prefix + "." + c.op->name) return &c;
    return nullptr;
  }
  auto path = split_path(step.target);
  for (const auto& c : ops_) {
    if (!c.rest || c.op->method != step.method) continue;
    auto tpl = split_path(c.op->uri);
    if (tpl.size() != path.size()) continue;
    bool match = true;
    for (size_t i = 0; i < tpl.size() && match; ++i) match = is_label(tpl[i]) || tpl[i] == path[i];
    if (match) return &c;
  }
  return nullptr;
}

std::vector<const CatalogOp*> OpCatalog::siblings(const CatalogOp& op) const {
  std::vector<const CatalogOp*> out;
  if (op.fixture.empty()) return out;
  for (const auto& c : ops_)
    if (c.op != op.op && c.service == op.service && c.fixture == op.fixture) out.push_back(&c);
  return out;
}

std::string OpCatalog::placeholder_for(const spec::Member& member) {
  static const char* direct[] = {"taskToken", "activityArn", "stateMachineArn", "executionArn",
                                 "runId",     "workflowId",  "activityId",      "FunctionName"};
  for (const char* d : direct)
    if (member.name == d) return d;
  if (member.name == "DurableExecutionArn") return "X-Amz-Durable-Execution-Arn";
  return "";
}

ScriptStep OpCatalog::make_step(const CatalogOp& c, const spec::Json& input) {
  ScriptStep step;
  const spec::Operation& op = *c.op;
  if (!c.rest) {
    step.method = "POST";
    step.target = "/";
    step.headers = {{"X-Amz-Target", c.service->target_prefix + "." + op.name},
                    {"Content-Type", "application/x-amz-json-1.0"}};
    step.body = input.is_object() ? input.dump(-1, ' ', false, spec::Json::error_handler_t::replace) : "{}";
    return step;
  }
  step.method = op.method;
  spec::Json body = spec::Json::object();
  std::string query;
  bool has_body_members = false;
  std::string uri = op.uri;
  for (const auto& m : op.input.members) {
    auto it = input.is_object() ? input.find(m.name) : input.end();
    bool present = input.is_object() && it != input.end();
    switch (m.location) {
      case spec::Location::Uri: {
        std::string value = present ? text_of(*it) : "";
        std::string encoded = is_placeholder(value) ? value.substr(0, value.size() - 2) + "%}}" : http::percent_encode(value);
        size_t at = uri.find("{" + m.name);
        if (at != std::string::npos) {
          size_t end = uri.find('}', at);
          uri.replace(at, end - at + 1, encoded);
        }
        break;
      }
      case spec::Location::Header:
        if (present) step.headers.emplace_back(m.location_name.empty() ? m.name : m.location_name, text_of(*it));
        break;
      case spec::Location::Query:
        if (present)
          query += (query.empty() ? "?" : "&") + http::percent_encode(m.location_name.empty() ? m.name : m.location_name) + "=" +
                   http::percent_encode(text_of(*it));
        break;
      case spec::Location::Payload:
        if (present) step.body = it->is_string() ? it->get<std::string>() : it->dump(-1, ' ', false, spec::Json::error_handler_t::replace);
        break;
      case spec::Location::Body:
        has_body_members = true;
        if (present) body[m.name] = *it;
        break;
    }
  }
  if (has_body_members) step.body = body.dump(-1, ' ', false, spec::Json::error_handler_t::replace);
  if (!step.body.empty()) step.headers.emplace_back("Content-Type", "application/json");
  step.target = uri + query;
  return step;
}

spec::Json OpCatalog::input_of(const CatalogOp& c, const ScriptStep& step) {
  spec::Json input = spec::Json::object();
  const spec::Operation& op = *c.op;
  auto body = spec::Json::parse(step.body, nullptr, /*allow_exceptions=*/false);
  if (!c.rest) {
    if (body.is_object()) input = body;
    return input;
  }
  auto tpl = split_path(op.uri);
  auto path = split_path(step.target);
  for (size_t i = 0; i < tpl.size() && i < path.size(); ++i) {
    if (!is_label(tpl[i])) continue;
    std::string raw = path[i];
    std::string value;
    if (is_placeholder(raw) && raw[raw.size() - 3] == '%') value = raw.substr(0, raw.size() - 3) + "}}";
    else value = http::percent_decode(raw).value_or(raw);
    input[label_name(tpl[i])] = value;
  }
  for (const auto& m : op.input.members) {
    const std::string& wire = m.location_name.empty() ? m.name : m.location_name;
    if (m.location == spec::Location::Header) {
      for (const auto& [k, v] : step.headers)
        if (http::iequals(k, wire)) input[m.name] = v;
    } else if (m.location == spec::Location::Payload) {
      if (m.shape && m.shape->type == spec::ShapeType::Structure && body.is_object()) input[m.name] = body;
      else if (!step.body.empty()) input[m.name] = step.body;
    } else if (m.location == spec::Location::Body && body.is_object() && body.contains(m.name)) {
      input[m.name] = body[m.name];
    }
  }
  return input;
}

}  // namespace conform::fuzz
