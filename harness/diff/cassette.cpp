#include "harness/diff/cassette.h"

#include <fstream>
#include <sstream>

#include "harness/http/message.h"

namespace conform::diff {

namespace {

constexpr const char* kComment =
    "Recorded by `conform record`: one entry per exchange, values the target issues replaced by numbered "
    "references (<kind#n>), credentials and signatures removed. See README.md, section Differential runs.";

Json headers_json(const std::vector<std::pair<std::string, std::string>>& headers) {
  Json out = Json::object();
  for (const auto& [k, v] : headers) out[k] = v;
  return out;
}

Json message_json(const Message& m, bool request) {
  Json out = Json::object();
  if (request) {
    out["method"] = m.method;
    out["path"] = m.path;
    if (!m.query.empty()) {
      Json q = Json::array();
      for (const auto& [k, v] : m.query) q.push_back(Json::array({k, v}));
      out["query"] = q;
    }
  } else {
    out["status"] = m.status;
  }
  out["headers"] = headers_json(m.headers);
  if (m.body) out["body"] = *m.body;
  else if (!m.body_text.empty()) out["body_text"] = m.body_text;
  return out;
}

bool read_message(const Json& j, bool request, Message* m, std::string* error) {
  if (!j.is_object()) {
    *error = "a request/response is not an object";
    return false;
  }
  if (request) {
    if (!j.contains("method") || !j["method"].is_string() || !j.contains("path") || !j["path"].is_string()) {
      *error = "a request lacks method or path";
      return false;
    }
    m->method = j["method"].get<std::string>();
    m->path = j["path"].get<std::string>();
    if (j.contains("query")) {
      if (!j["query"].is_array()) {
        *error = "request query is not an array";
        return false;
      }
      for (const auto& p : j["query"]) {
        if (!p.is_array() || p.size() != 2 || !p[0].is_string() || !p[1].is_string()) {
          *error = "a query entry is not [name, value]";
          return false;
        }
        m->query.emplace_back(p[0].get<std::string>(), p[1].get<std::string>());
      }
    }
  } else {
    if (!j.contains("status") || !j["status"].is_number_integer()) {
      *error = "a response lacks an integer status";
      return false;
    }
    m->status = j["status"].get<int>();
  }
  if (j.contains("headers")) {
    if (!j["headers"].is_object()) {
      *error = "headers is not an object";
      return false;
    }
    for (auto it = j["headers"].begin(); it != j["headers"].end(); ++it) {
      if (!it.value().is_string()) {
        *error = "header " + it.key() + " is not a string";
        return false;
      }
      m->headers.emplace_back(it.key(), it.value().get<std::string>());
    }
  }
  if (j.contains("body")) m->body = j["body"];
  if (j.contains("body_text")) {
    if (!j["body_text"].is_string()) {
      *error = "body_text is not a string";
      return false;
    }
    m->body_text = j["body_text"].get<std::string>();
  }
  return true;
}

std::vector<std::string> strings(const Json& j) {
  std::vector<std::string> out;
  if (j.is_array())
    for (const auto& s : j)
      if (s.is_string()) out.push_back(s.get<std::string>());
  return out;
}

}  // namespace

std::string Message::text() const {
  return body ? body->dump(-1, ' ', false, Json::error_handler_t::replace) : body_text;
}

std::optional<std::string> Message::header(const std::string& lower_name) const {
  for (const auto& [k, v] : headers)
    if (http::iequals(k, lower_name)) return v;
  return std::nullopt;
}

Json to_json(const Cassette& c) {
  Json out = Json::object();
  out["format"] = kCassetteFormat;
  out["comment"] = kComment;
  out["target"] = c.target;
  out["seed"] = c.seed;
  out["region"] = c.region;
  out["run_id"] = c.run_id;
  out["ops"] = c.ops;
  out["checks"] = c.checks;
  out["examples"] = c.examples;
  out["faults"] = c.faults;
  Json refs = Json::object();
  for (const auto& r : c.references) {
    Json e = {{"kind", r.kind}, {"origin", r.origin}, {"first_step", r.first_step}};
    if (r.origin == "request") e["value"] = r.value;
    refs[r.ref] = e;
  }
  out["references"] = refs;
  Json entries = Json::array();
  for (const auto& e : c.entries) {
    Json j = Json::object();
    j["step"] = e.step;
    j["operation"] = e.operation;
    j["check"] = e.check;
    j["example"] = e.example;
    j["call"] = e.call;
    j["purpose"] = e.purpose;
    if (e.concurrent) j["concurrent"] = true;
    if (e.wait_ms > 0) j["wait_ms"] = e.wait_ms;
    j["request"] = message_json(e.request, true);
    j["response"] = message_json(e.response, false);
    if (!e.transport_error.empty()) j["transport_error"] = e.transport_error;
    entries.push_back(std::move(j));
  }
  out["exchanges"] = entries;
  return out;
}

std::optional<Cassette> cassette_from_json(const Json& doc, std::string* error) {
  std::string local;
  if (!error) error = &local;
  if (!doc.is_object() || !doc.contains("format") || !doc["format"].is_string()) {
    *error = "not a cassette (no \"format\" member)";
    return std::nullopt;
  }
  if (doc["format"].get<std::string>() != kCassetteFormat) {
    *error = "unsupported cassette format '" + doc["format"].get<std::string>() + "' (expected " + kCassetteFormat + ")";
    return std::nullopt;
  }
  try {
    Cassette c;
    c.target = doc.value("target", "");
    c.region = doc.value("region", "us-east-1");
    c.run_id = doc.value("run_id", "");
    if (doc.contains("seed") && doc["seed"].is_number_unsigned()) c.seed = doc["seed"].get<uint64_t>();
    c.ops = strings(doc.value("ops", Json::array()));
    c.checks = strings(doc.value("checks", Json::array()));
    c.faults = strings(doc.value("faults", Json::array()));
    if (doc.contains("examples") && doc["examples"].is_number_integer()) c.examples = doc["examples"].get<int>();
    if (doc.contains("references")) {
      if (!doc["references"].is_object()) {
        *error = "references is not an object";
        return std::nullopt;
      }
      for (auto it = doc["references"].begin(); it != doc["references"].end(); ++it) {
        const Json& r = it.value();
        if (!r.is_object()) {
          *error = "reference " + it.key() + " is not an object";
          return std::nullopt;
        }
        Reference ref;
        ref.ref = it.key();
        ref.kind = r.value("kind", "");
        ref.origin = r.value("origin", "response");
        ref.first_step = r.value("first_step", 0);
        ref.value = r.value("value", "");
        c.references.push_back(std::move(ref));
      }
    }
    if (!doc.contains("exchanges") || !doc["exchanges"].is_array()) {
      *error = "the cassette has no \"exchanges\" array";
      return std::nullopt;
    }
    int index = 0;
    for (const auto& j : doc["exchanges"]) {
      ++index;
      auto where = [&] { return "exchange " + std::to_string(index) + ": "; };
      if (!j.is_object()) {
        *error = where() + "not an object";
        return std::nullopt;
      }
      Entry e;
      e.step = j.value("step", index);
      e.operation = j.value("operation", "");
      e.check = j.value("check", "");
      e.example = j.value("example", 0);
      e.call = j.value("call", "");
      e.purpose = j.value("purpose", "");
      e.concurrent = j.value("concurrent", false);
      e.wait_ms = j.value("wait_ms", 0);
      e.transport_error = j.value("transport_error", "");
      if (e.call.empty()) {
        *error = where() + "no \"call\" (the operation called)";
        return std::nullopt;
      }
      if (!j.contains("request") || !read_message(j["request"], true, &e.request, error) || !j.contains("response") ||
          !read_message(j["response"], false, &e.response, error)) {
        if (error->empty()) *error = "missing request or response";
        *error = where() + *error;
        return std::nullopt;
      }
      c.entries.push_back(std::move(e));
    }
    return c;
  } catch (const std::exception& ex) {
    *error = std::string("malformed cassette: ") + ex.what();
    return std::nullopt;
  }
}

std::optional<Cassette> load_cassette(const std::string& path, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = "cannot read " + path;
    return std::nullopt;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  Json doc = Json::parse(buffer.str(), nullptr, false);
  if (doc.is_discarded()) {
    *error = path + " is not JSON";
    return std::nullopt;
  }
  auto c = cassette_from_json(doc, error);
  if (!c) *error = path + ": " + *error;
  return c;
}

bool save_cassette(const Cassette& cassette, const std::string& path, std::string* error) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) {
    *error = "cannot write " + path;
    return false;
  }
  out << to_json(cassette).dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
  if (!out) {
    *error = "cannot write " + path;
    return false;
  }
  return true;
}

bool looks_like_cassette(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream buffer;
  buffer << in.rdbuf();
  Json doc = Json::parse(buffer.str(), nullptr, false);
  if (doc.is_discarded() || !doc.is_object() || !doc.contains("format") || !doc["format"].is_string()) return false;
  return doc["format"].get<std::string>().rfind("conform-cassette/", 0) == 0;
}

}  // namespace conform::diff
