// Redaction of a run's outcome (outcome_redaction.h).
#include "harness/runner/outcome_redaction.h"

#include <algorithm>
#include <functional>
#include <set>

#include "harness/auth/redact.h"

namespace conform::runner {

namespace {

using Text = std::function<std::string(const std::string&)>;

void mask(spec::Json& v, const spec::Shape& shape, std::set<std::string>& found, bool apply) {
  if (v.is_null()) return;
  if (shape.sensitive) {
    found.insert(v.is_string() ? v.get<std::string>() : v.dump());
    if (apply) v = auth::kRedacted;
    return;
  }
  if (shape.type == spec::ShapeType::Structure && v.is_object()) {
    for (const auto& m : shape.members)
      if (m.shape && v.contains(m.name)) mask(v[m.name], *m.shape, found, apply);
  } else if (shape.type == spec::ShapeType::List && v.is_array() && shape.element) {
    for (auto& e : v) mask(e, *shape.element, found, apply);
  } else if (shape.type == spec::ShapeType::Map && v.is_object() && shape.element) {
    for (auto& [k, e] : v.items()) mask(e, *shape.element, found, apply);
  }
}

void mask_body(std::string& body, const spec::Operation& op, std::set<std::string>& found, bool apply) {
  if (body.empty()) return;
  spec::Json doc = spec::Json::parse(body, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return;
  std::set<std::string> here;
  mask(doc, op.input, here, apply);
  if (here.empty()) return;
  found.insert(here.begin(), here.end());
  if (apply) body = doc.dump();
}

// Case inputs: {"input": ...}, {"closeInput": ..., "inputs": {Op: ...}, "different": ...}, and the
// violation cases' "value" with "sensitive": true.
void mask_case_input(spec::Json& c, const spec::SpecSet& specs, const spec::Operation* op, std::set<std::string>& found,
                     bool apply) {
  if (!c.is_object()) return;
  if (op) {
    for (const char* key : {"input", "closeInput", "different"})
      if (c.contains(key) && c[key].is_object()) mask(c[key], op->input, found, apply);
    if (c.contains("inputs") && c["inputs"].is_object())
      for (auto& [name, in] : c["inputs"].items())
        if (const spec::Operation* sib = specs.find_operation(op->service, name)) mask(in, sib->input, found, apply);
  }
  if (c.value("sensitive", false) && c.contains("value") && !c["value"].is_null()) {
    found.insert(c["value"].is_string() ? c["value"].get<std::string>() : c["value"].dump());
    if (apply) c["value"] = auth::kRedacted;
  }
}

void walk_json(spec::Json& v, const Text& f) {
  if (v.is_string()) v = f(v.get<std::string>());
  else if (v.is_structured())
    for (auto& e : v) walk_json(e, f);
}

http::Headers map_headers(const http::Headers& h, const Text& f) {
  http::Headers out;
  for (const auto& [name, value] : h.all()) out.add(name, f(value));
  return out;
}

void walk_finding(oracle::Finding& x, const Text& f) {
  x.expected = f(x.expected);
  x.observed = f(x.observed);
  x.message = f(x.message);
}

void walk_outcome(RunOutcome& out, const Text& f) {
  out.error = f(out.error);
  auto& rep = out.report;
  rep.error = f(rep.error);
  rep.exit_reason = f(rep.exit_reason);
  for (auto& c : rep.cleanup_failures) c = f(c);
  for (auto& c : rep.cells) c.reason = f(c.reason);
  for (auto& h : rep.findings) {
    h.title = f(h.title);
    h.replay_command = f(h.replay_command);
    h.curl_command = f(h.curl_command);
  }
  for (auto& r : rep.failures) {
    r.signature = f(r.signature);
    r.expected = f(r.expected);
    r.observed = f(r.observed);
    r.message = f(r.message);
    r.replay_command = f(r.replay_command);
    r.curl_command = f(r.curl_command);
  }
  for (auto& c : out.cases) {
    walk_finding(c.finding, f);
    walk_json(c.result.case_input, f);
    c.result.not_run_reason = f(c.result.not_run_reason);
    for (auto& x : c.result.findings) walk_finding(x, f);
    for (auto& e : c.result.exchanges) {
      e.request.path = f(e.request.path);
      for (auto& [k, v] : e.request.query) v = f(v);
      e.request.headers = map_headers(e.request.headers, f);
      e.request.body = f(e.request.body);
      e.response.headers = map_headers(e.response.headers, f);
      e.response.body = f(e.response.body);
      e.transport_error = f(e.transport_error);
    }
  }
}

std::string replace_all(std::string text, const std::string& needle) {
  if (needle.empty()) return text;
  size_t pos = 0;
  const std::string with = auth::kRedacted;
  while ((pos = text.find(needle, pos)) != std::string::npos) {
    text.replace(pos, needle.size(), with);
    pos += with.size();
  }
  return text;
}

std::set<std::string> collect(RunOutcome& out, const spec::SpecSet& specs, bool apply) {
  std::set<std::string> found;
  for (auto& c : out.cases) {
    const spec::Operation* op = specs.find_operation(c.result.operation);
    mask_case_input(c.result.case_input, specs, op, found, apply);
    for (auto& e : c.result.exchanges)
      if (const spec::Operation* eop = specs.find_operation(e.operation)) mask_body(e.request.body, *eop, found, apply);
  }
  return found;
}

}  // namespace

std::vector<std::string> sensitive_values(const RunOutcome& outcome, const spec::SpecSet& specs) {
  try {
    RunOutcome copy = outcome;
    auto found = collect(copy, specs, false);
    return {found.begin(), found.end()};
  } catch (...) {
    return {};
  }
}

void redact_sensitive(RunOutcome& outcome, const spec::SpecSet& specs) {
  try {
    auto found = collect(outcome, specs, true);
    std::vector<std::string> values;
    for (const auto& v : found)
      if (v.size() >= 3 && v != auth::kRedacted) values.push_back(v);
    // Longest first, so a value that contains another is replaced whole.
    std::sort(values.begin(), values.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
    if (values.empty()) return;
    walk_outcome(outcome, [&values](const std::string& s) {
      std::string t = s;
      for (const auto& v : values) t = replace_all(std::move(t), v);
      return t;
    });
  } catch (...) {
  }
}

void scrub_secrets(RunOutcome& outcome, const std::vector<std::string>& secrets) {
  std::vector<std::string> nonempty;
  for (const auto& s : secrets)
    if (s.size() >= 3) nonempty.push_back(s);
  try {
    walk_outcome(outcome, [&nonempty](const std::string& s) { return auth::redact(s, nonempty); });
  } catch (...) {
  }
}

}  // namespace conform::runner
