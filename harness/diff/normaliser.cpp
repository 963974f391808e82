#include "harness/diff/normaliser.h"

#include <algorithm>
#include <cctype>
#include <regex>

#include "harness/auth/redact.h"
#include "harness/http/message.h"

namespace conform::diff {

namespace {

constexpr size_t kMinValue = 4;

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

uint32_t prefix_key(const char* p) {
  return static_cast<uint32_t>(static_cast<unsigned char>(p[0])) |
         static_cast<uint32_t>(static_cast<unsigned char>(p[1])) << 8 |
         static_cast<uint32_t>(static_cast<unsigned char>(p[2])) << 16 |
         static_cast<uint32_t>(static_cast<unsigned char>(p[3])) << 24;
}

const std::regex& arn_regex() {
  static const std::regex r(R"(arn:[a-z0-9-]+:[a-z0-9-]+:[a-z0-9-]*:[0-9]*:[A-Za-z0-9_/:.$+=@,-]*[A-Za-z0-9_$])");
  return r;
}
const std::regex& uuid_regex() {
  static const std::regex r(R"([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})");
  return r;
}
const std::regex& iso_regex() {
  static const std::regex r(R"([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:?[0-9]{2})?)");
  return r;
}

std::string number_text(const Json& j) { return j.dump(); }

bool timestamp_member(const std::vector<std::string>& location) {
  if (location.empty()) return false;
  std::string key = http::ascii_lower(location.back());
  return ends_with(key, "date") || ends_with(key, "time") || ends_with(key, "timestamp");
}

}  // namespace

bool identity_free_kind(const std::string& kind) { return kind == "timestamp" || kind == "request-id"; }

std::optional<std::string> reference_kind(const std::string& text) {
  if (text.size() < 5 || text.front() != '<' || text.back() != '>') return std::nullopt;
  size_t hash = text.find('#');
  if (hash == std::string::npos || hash < 2 || hash + 2 > text.size() - 1) return std::nullopt;
  for (size_t i = 1; i < hash; ++i) {
    char c = text[i];
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') return std::nullopt;
  }
  for (size_t i = hash + 1; i + 1 < text.size(); ++i) {
    char c = text[i];
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != ':') return std::nullopt;
  }
  return text.substr(1, hash - 1);
}

Normaliser::Normaliser(Rules rules, std::string fresh_tag, std::vector<std::string> secrets)
    : rules_(std::move(rules)), fresh_tag_(std::move(fresh_tag)) {
  for (auto& s : secrets)
    if (s.size() >= kMinValue) secrets_.push_back(std::move(s));
}

void Normaliser::index(size_t k) {
  auto add = [&](const std::string& text, bool encoded) {
    if (text.size() < kMinValue) return;
    auto& bucket = index_[prefix_key(text.data())];
    bucket.emplace_back(k, encoded);
    std::stable_sort(bucket.begin(), bucket.end(), [&](const auto& a, const auto& b) {
      auto len = [&](const std::pair<size_t, bool>& e) {
        return e.second ? known_[e.first].encoded.size() : known_[e.first].reference.value.size();
      };
      return len(a) > len(b);
    });
  };
  add(known_[k].reference.value, false);
  if (!known_[k].encoded.empty()) add(known_[k].encoded, true);
}

std::string Normaliser::intern(const std::string& value, const std::string& kind, const std::string& origin, int step) {
  if (value.size() < kMinValue) return value;
  auto it = by_value_.find(value);
  if (it != by_value_.end()) return known_[it->second].reference.ref;
  std::string ref;
  do {
    ref = "<" + kind + "#" + fresh_tag_ + std::to_string(++counters_[kind]) + ">";
  } while (by_ref_.count(ref));
  bind(value, ref, kind, origin, step);
  return ref;
}

bool Normaliser::bind(const std::string& value, const std::string& ref, const std::string& kind,
                      const std::string& origin, int step) {
  if (value.size() < kMinValue || by_value_.count(value) || by_ref_.count(ref)) return false;
  Known k;
  k.reference = Reference{ref, kind, origin, step, value};
  std::string encoded = http::percent_encode(value);
  if (encoded != value) k.encoded = encoded;
  known_.push_back(std::move(k));
  size_t n = known_.size() - 1;
  by_value_[value] = n;
  by_ref_[ref] = n;
  index(n);
  return true;
}

std::optional<std::string> Normaliser::value_of(const std::string& ref) const {
  auto it = by_ref_.find(ref);
  if (it == by_ref_.end()) return std::nullopt;
  return known_[it->second].reference.value;
}

std::vector<Reference> Normaliser::references() const {
  std::vector<Reference> out;
  for (const auto& k : known_) out.push_back(k.reference);
  return out;
}

std::optional<std::string> Normaliser::path_kind(const std::vector<std::string>& location) const {
  for (const auto& p : rules_.paths)
    if (p.path.matches(location)) return p.kind;
  return std::nullopt;
}

void Normaliser::discover_string(const std::string& s, const std::vector<std::string>& location,
                                 const std::string& origin, int step) {
  if (s.size() < kMinValue) return;
  if (auto kind = path_kind(location)) {
    intern(s, *kind, origin, step);
    return;
  }
  if (!location.empty()) {
    std::string key = http::ascii_lower(location.back());
    if (ends_with(key, "token")) intern(s, "token", origin, step);
    else if (key == "requestid" || key == "x-amzn-requestid" || key == "x-amz-request-id") intern(s, "request-id", origin, step);
  }
  auto scan = [&](const std::regex& re, const std::string& kind) {
    for (auto it = std::sregex_iterator(s.begin(), s.end(), re); it != std::sregex_iterator(); ++it)
      intern(it->str(), kind, origin, step);
  };
  try {
    if (s.find("arn:") != std::string::npos) scan(arn_regex(), "arn");
    if (s.find('-') != std::string::npos) {
      scan(uuid_regex(), "uuid");
      if (s.find('T') != std::string::npos) scan(iso_regex(), "timestamp");
    }
    for (const auto& r : rules_.regexes)
      for (auto it = std::sregex_iterator(s.begin(), s.end(), *r.regex); it != std::sregex_iterator(); ++it)
        intern(it->size() > 1 && (*it)[1].matched ? (*it)[1].str() : it->str(), r.kind, origin, step);
  } catch (const std::exception&) {
    // std::regex can run out of stack on pathological text: that text simply stays as it is.
  }
}

void Normaliser::discover_json(const Json& j, std::vector<std::string>& location, const std::string& origin, int step) {
  if (j.is_string()) {
    discover_string(j.get<std::string>(), location, origin, step);
  } else if (j.is_number()) {
    if (auto kind = path_kind(location)) intern(number_text(j), *kind, origin, step);
    else if (timestamp_member(location)) intern(number_text(j), "timestamp", origin, step);
  } else if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it) {
      location.push_back(it.key());
      discover_json(it.value(), location, origin, step);
      location.pop_back();
    }
  } else if (j.is_array()) {
    for (size_t i = 0; i < j.size(); ++i) {
      location.push_back(std::to_string(i));
      discover_json(j[i], location, origin, step);
      location.pop_back();
    }
  }
}

void Normaliser::discover_headers(const http::Headers& headers, const std::string& side, const std::string& origin,
                                  int step) {
  for (const auto& [name, value] : headers.all()) {
    std::string n = http::ascii_lower(name);
    if (side == "request" ? !keep_request_header(n) : !keep_response_header(n)) continue;
    discover_string(value, {side, "headers", n}, origin, step);
  }
}

bool Normaliser::keep_request_header(const std::string& n) {
  static const std::vector<std::string> drop = {
      "host", "authorization", "x-amz-date", "x-amz-security-token", "x-amz-content-sha256", "content-length",
      "user-agent", "x-amz-user-agent", "date", "connection", "accept-encoding", "expect", "transfer-encoding",
      "cookie", "proxy-authorization", "x-amz-credential", "x-amz-signature", "amz-sdk-invocation-id",
      "amz-sdk-request", "x-amzn-trace-id"};
  return std::find(drop.begin(), drop.end(), n) == drop.end();
}

bool Normaliser::keep_response_header(const std::string& n) {
  if (n == "content-type") return true;
  static const std::vector<std::string> drop = {"x-amz-id-2", "x-amz-cf-id", "x-amz-cf-pop", "x-amz-apigw-id",
                                                "x-amzn-trace-id", "x-amz-date", "x-amz-security-token"};
  if (std::find(drop.begin(), drop.end(), n) != drop.end()) return false;
  return n.rfind("x-amz", 0) == 0;
}

std::string Normaliser::replace_in(const std::string& text, bool with_encoded) const {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    if (i + kMinValue <= text.size()) {
      auto bucket = index_.find(prefix_key(text.data() + i));
      if (bucket != index_.end()) {
        bool replaced = false;
        for (const auto& [k, encoded] : bucket->second) {
          if (encoded && !with_encoded) continue;
          const Known& known = known_[k];
          const std::string& v = encoded ? known.encoded : known.reference.value;
          if (text.compare(i, v.size(), v) == 0) {
            if (encoded) out += known.reference.ref.substr(0, known.reference.ref.size() - 1) + ":pct>";
            else out += known.reference.ref;
            i += v.size();
            replaced = true;
            break;
          }
        }
        if (replaced) continue;
      }
    }
    out += text[i++];
  }
  return out;
}

std::string Normaliser::replace(const std::string& text) const {
  return replace_in(secrets_.empty() ? text : auth::redact(text, secrets_), false);
}

std::string Normaliser::substitute(const std::string& text, std::vector<std::string>* unknown) const {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '<') {
      size_t close = text.find('>', i);
      if (close != std::string::npos && close - i < 64) {
        std::string token = text.substr(i, close - i + 1);
        if (reference_kind(token)) {
          bool pct = ends_with(token, ":pct>");
          std::string ref = pct ? token.substr(0, token.size() - 5) + ">" : token;
          if (auto v = value_of(ref)) {
            out += pct ? http::percent_encode(*v) : *v;
            i = close + 1;
            continue;
          }
          if (unknown) unknown->push_back(ref);
        }
      }
    }
    out += text[i++];
  }
  return out;
}

Json Normaliser::replace_json(const Json& j, std::vector<std::string>& location, int step) {
  if (j.is_string()) return replace(j.get<std::string>());
  if (j.is_number()) {
    auto kind = path_kind(location);
    if (kind || timestamp_member(location)) {
      std::string ref = intern(number_text(j), kind ? *kind : "timestamp", "response", step);
      if (ref != number_text(j)) return ref;
    }
    return j;
  }
  if (j.is_object()) {
    Json out = Json::object();
    for (auto it = j.begin(); it != j.end(); ++it) {
      location.push_back(it.key());
      out[replace(it.key())] = replace_json(it.value(), location, step);
      location.pop_back();
    }
    return out;
  }
  if (j.is_array()) {
    Json out = Json::array();
    for (size_t i = 0; i < j.size(); ++i) {
      location.push_back(std::to_string(i));
      out.push_back(replace_json(j[i], location, step));
      location.pop_back();
    }
    return out;
  }
  return j;
}

Message Normaliser::request(const http::Request& raw, int step) {
  // Discovery, in document order.
  // Path labels are percent-encoded segments: each one is a value of its own.
  for (size_t start = 0; start <= raw.path.size();) {
    size_t slash = raw.path.find('/', start);
    if (slash == std::string::npos) slash = raw.path.size();
    std::string segment = raw.path.substr(start, slash - start);
    auto decoded = http::percent_decode(segment);
    discover_string(decoded ? *decoded : segment, {"request", "path"}, "request", step);
    start = slash + 1;
  }
  for (const auto& [k, v] : raw.query) discover_string(v, {"request", "query", k}, "request", step);
  discover_headers(raw.headers, "request", "request", step);
  Json body = Json::parse(raw.body, nullptr, false);
  std::vector<std::string> location = {"request", "body"};
  if (!body.is_discarded()) discover_json(body, location, "request", step);
  else discover_string(raw.body, location, "request", step);

  Message m;
  m.method = raw.method;
  m.path = replace_in(raw.path, true);
  for (const auto& [k, v] : raw.query) m.query.emplace_back(k, replace(v));
  http::Headers redacted = auth::redact_headers(raw.headers);
  for (const auto& [name, value] : redacted.all()) {
    std::string n = http::ascii_lower(name);
    if (keep_request_header(n)) m.headers.emplace_back(n, replace(value));
  }
  std::string text = replace(raw.body);
  Json parsed = Json::parse(text, nullptr, false);
  if (!text.empty() && !parsed.is_discarded() &&
      parsed.dump(-1, ' ', false, Json::error_handler_t::replace) == text)
    m.body = std::move(parsed);
  else
    m.body_text = std::move(text);
  return m;
}

void Normaliser::discover_response(const http::Response& raw, int step) {
  discover_headers(raw.headers, "response", "response", step);
  Json body = Json::parse(raw.body, nullptr, false);
  std::vector<std::string> location = {"response", "body"};
  if (!body.is_discarded()) discover_json(body, location, "response", step);
  else discover_string(raw.body, location, "response", step);
}

Message Normaliser::normalise_response(const http::Response& raw, int step) {
  Message m;
  m.status = raw.status;
  for (const auto& [name, value] : raw.headers.all()) {
    std::string n = http::ascii_lower(name);
    if (keep_response_header(n)) m.headers.emplace_back(n, replace(value));
  }
  Json body = Json::parse(raw.body, nullptr, false);
  if (!raw.body.empty() && !body.is_discarded()) {
    std::vector<std::string> location = {"response", "body"};
    m.body = replace_json(body, location, step);
  } else {
    m.body_text = replace(raw.body);
  }
  return m;
}

Message Normaliser::response(const http::Response& raw, int step) {
  discover_response(raw, step);
  return normalise_response(raw, step);
}

}  // namespace conform::diff
