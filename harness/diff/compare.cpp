#include "harness/diff/compare.h"

#include <algorithm>
#include <functional>
#include <map>

#include "harness/diff/normaliser.h"
#include "harness/protocol/codec.h"
#include "harness/report/escape.h"

namespace conform::diff {

namespace {

constexpr size_t kShown = 300;

std::string shown(const Json& j) {
  std::string text = j.is_string() ? j.get<std::string>() : j.dump(-1, ' ', false, Json::error_handler_t::replace);
  return report::truncate_text(text, kShown);
}

Json canonical(const Json& j) {
  if (j.is_string()) return canonical_text(j.get<std::string>());
  if (j.is_object()) {
    Json out = Json::object();
    for (auto it = j.begin(); it != j.end(); ++it) out[it.key()] = canonical(it.value());
    return out;
  }
  if (j.is_array()) {
    Json out = Json::array();
    for (const auto& e : j) out.push_back(canonical(e));
    return out;
  }
  return j;
}

bool is_error(const Message& m) { return m.status < 200 || m.status >= 300; }

std::string error_identity(const Message& m) {
  if (!is_error(m)) return "";
  if (auto h = m.header("x-amzn-errortype")) return protocol::sanitize_error_code(*h);
  if (m.body && m.body->is_object()) {
    for (const char* key : {"__type", "code", "Code"})
      if (m.body->contains(key) && (*m.body)[key].is_string()) return protocol::sanitize_error_code((*m.body)[key].get<std::string>());
  }
  return "";
}

// The identity as sent: "com.amazon.coral.service#UnknownOperationException" (not sanitized).
std::string raw_error_identity(const Message& m) {
  if (!is_error(m)) return "";
  if (auto h = m.header("x-amzn-errortype")) return *h;
  if (m.body && m.body->is_object())
    for (const char* key : {"__type", "code", "Code"})
      if (m.body->contains(key) && (*m.body)[key].is_string()) return (*m.body)[key].get<std::string>();
  return "";
}

std::optional<std::string> error_message(const Message& m) {
  if (!is_error(m) || !m.body || !m.body->is_object()) return std::nullopt;
  for (const char* key : {"message", "Message", "errorMessage"})
    if (m.body->contains(key) && (*m.body)[key].is_string()) return (*m.body)[key].get<std::string>();
  return std::nullopt;
}

bool error_member(const std::string& key) {
  return key == "__type" || key == "code" || key == "Code" || key == "message" || key == "Message" ||
         key == "errorMessage";
}

std::string escape_pointer(const std::string& key) {
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

void diff_json(const Json& a, const Json& b, const std::string& pointer, bool top_of_error,
               const std::function<void(const std::string&, std::string, std::string)>& add) {
  if (a.is_object() && b.is_object()) {
    for (auto it = a.begin(); it != a.end(); ++it) {
      if (top_of_error && error_member(it.key())) continue;
      std::string p = pointer + "/" + escape_pointer(it.key());
      if (!b.contains(it.key())) add(p, shown(it.value()), "(absent)");
      else diff_json(it.value(), b[it.key()], p, false, add);
    }
    for (auto it = b.begin(); it != b.end(); ++it) {
      if (top_of_error && error_member(it.key())) continue;
      if (!a.contains(it.key())) add(pointer + "/" + escape_pointer(it.key()), "(absent)", shown(it.value()));
    }
    return;
  }
  if (a.is_array() && b.is_array() && a.size() == b.size()) {
    for (size_t i = 0; i < a.size(); ++i) diff_json(a[i], b[i], pointer + "/" + std::to_string(i), false, add);
    return;
  }
  if (canonical(a) != canonical(b)) add(pointer, shown(a), shown(b));
}

}  // namespace

std::string canonical_text(const std::string& text) {
  if (text.find('<') == std::string::npos) return text;
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '<') {
      size_t close = text.find('>', i);
      if (close != std::string::npos && close - i < 64) {
        std::string token = text.substr(i, close - i + 1);
        auto kind = reference_kind(token);
        if (kind && identity_free_kind(*kind)) {
          out += "<" + *kind + "#*>";
          i = close + 1;
          continue;
        }
      }
    }
    out += text[i++];
  }
  return out;
}

bool Difference::fidelity() const {
  return kind == "error-spelling" || kind == "message" || (kind == "header" && path == "/content-type");
}

int DiffResult::unaccepted() const {
  int n = 0;
  for (const auto& d : differences) n += d.accepted ? 0 : 1;
  return n;
}

std::vector<Difference> compare_entry(const Entry& recorded, const Entry& live) {
  std::vector<Difference> out;
  auto add = [&](const std::string& kind, const std::string& path, std::string expected, std::string observed) {
    Difference d;
    d.step = recorded.step;
    d.operation = recorded.operation;
    d.check = recorded.check;
    d.call = recorded.call;
    d.purpose = recorded.purpose;
    d.example = recorded.example;
    d.kind = kind;
    d.path = path;
    d.expected = std::move(expected);
    d.observed = std::move(observed);
    out.push_back(std::move(d));
  };
  if (recorded.transport_error.empty() != live.transport_error.empty()) {
    add("transport", "", recorded.transport_error.empty() ? "an HTTP answer" : recorded.transport_error,
        live.transport_error.empty() ? "an HTTP answer" : live.transport_error);
    return out;
  }
  if (!recorded.transport_error.empty()) return out;  // neither got an answer
  const Message& a = recorded.response;
  const Message& b = live.response;
  if (a.status != b.status) add("status", "", std::to_string(a.status), std::to_string(b.status));
  std::string ea = error_identity(a), eb = error_identity(b);
  if (ea != eb) {
    add("error", "", ea.empty() ? "(none)" : ea, eb.empty() ? "(none)" : eb);
  } else if (std::string ra = raw_error_identity(a), rb = raw_error_identity(b); ra != rb) {
    add("error-spelling", "", ra, rb);  // the same code for SDKs, spelled otherwise on the wire
  }
  auto ma = error_message(a), mb = error_message(b);
  if (ma.has_value() != mb.has_value() || (ma && canonical_text(*ma) != canonical_text(*mb)))
    add("message", "", ma ? report::truncate_text(*ma, kShown) : "(absent)", mb ? report::truncate_text(*mb, kShown) : "(absent)");
  // Headers worth comparing (the error type is covered by `error`).
  std::map<std::string, std::string> ha, hb;
  for (const auto& [k, v] : a.headers) ha[k] = v;
  for (const auto& [k, v] : b.headers) hb[k] = v;
  for (const auto* side : {&ha, &hb})
    for (const auto& [k, v] : *side) {
      if (k == "x-amzn-errortype" || (side == &hb && ha.count(k))) continue;
      auto ia = ha.find(k), ib = hb.find(k);
      std::string va = ia == ha.end() ? "(absent)" : canonical_text(ia->second);
      std::string vb = ib == hb.end() ? "(absent)" : canonical_text(ib->second);
      if (va != vb) add("header", "/" + k, ia == ha.end() ? va : ia->second, ib == hb.end() ? vb : ib->second);
    }
  const std::string body_kind = recorded.purpose == "read-back" ? "state" : "body";
  auto body_add = [&](const std::string& p, std::string e, std::string o) { add(body_kind, p, std::move(e), std::move(o)); };
  // An empty body reads as {} next to a JSON object; error members are compared as `error`/`message`.
  const bool either_error = is_error(a) || is_error(b);
  const Json empty = Json::object();
  auto as_json = [&](const Message& m, const Message& other) -> const Json* {
    if (m.body) return &*m.body;
    if (m.body_text.empty() && other.body && other.body->is_object()) return &empty;
    return nullptr;
  };
  const Json* ja = as_json(a, b);
  const Json* jb = as_json(b, a);
  if (ja && jb) {
    diff_json(*ja, *jb, "", either_error, body_add);
  } else if (a.body || b.body || canonical_text(a.body_text) != canonical_text(b.body_text)) {
    std::string ta = canonical_text(a.text()), tb = canonical_text(b.text());
    if (ta != tb) body_add("", report::truncate_text(a.text(), kShown), report::truncate_text(b.text(), kShown));
  }
  return out;
}

DiffResult compare_cassettes(const Cassette& recorded, const Cassette& live, const Rules& rules) {
  DiffResult result;
  std::map<std::pair<std::string, std::string>, size_t> cell_index;
  size_t n = std::max(recorded.entries.size(), live.entries.size());
  for (size_t i = 0; i < n; ++i) {
    const Entry* a = i < recorded.entries.size() ? &recorded.entries[i] : nullptr;
    const Entry* b = i < live.entries.size() ? &live.entries[i] : nullptr;
    const Entry& meta = a ? *a : *b;
    std::vector<Difference> diffs;
    if (a && b) {
      diffs = compare_entry(*a, *b);
    } else {
      Difference d;
      d.step = meta.step;
      d.operation = meta.operation;
      d.check = meta.check;
      d.call = meta.call;
      d.purpose = meta.purpose;
      d.example = meta.example;
      d.kind = "transport";
      d.expected = a ? "an exchange" : "(absent)";
      d.observed = b ? "an exchange" : "(absent)";
      diffs.push_back(d);
    }
    bool any = false, all_accepted = true, contract = false;
    for (auto& d : diffs) {
      for (const auto& acc : rules.accepted) {
        if (glob_match(acc.operation, d.operation) && glob_match(acc.check, d.check) && glob_match(acc.call, d.call) &&
            glob_match(acc.kind, d.kind) && glob_match(acc.path, d.path) && (!acc.step || *acc.step == d.step)) {
          d.accepted = true;
          d.reason = acc.reason.empty() ? "accepted by --normalise" : acc.reason;
          break;
        }
      }
      any = true;
      all_accepted = all_accepted && d.accepted;
      contract = contract || (!d.accepted && !d.fidelity());
      result.differences.push_back(d);
    }
    auto key = std::make_pair(meta.operation, meta.check);
    auto it = cell_index.find(key);
    if (it == cell_index.end()) {
      it = cell_index.emplace(key, result.cells.size()).first;
      result.cells.push_back(CellParity{meta.operation, meta.check});
    }
    CellParity& cell = result.cells[it->second];
    ++cell.exchanges;
    ++result.exchanges;
    if (!any) {
      ++cell.identical;
      ++result.identical;
    } else if (all_accepted) {
      ++cell.accepted;
      ++result.accepted;
    } else {
      ++cell.differing;
      ++result.differing;
      if (contract) {
        ++cell.contract_differing;
        ++result.contract_differing;
      }
    }
  }
  return result;
}

}  // namespace conform::diff
