#include "harness/report/model/baseline.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace conform::report {

bool Baseline::accepts(const std::string& fingerprint) const {
  return std::any_of(entries.begin(), entries.end(),
                     [&](const BaselineEntry& e) { return e.fingerprint == fingerprint; });
}

namespace {

std::string text_of(const Json& obj, const char* key) {
  auto it = obj.find(key);
  return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool is_fingerprint(const std::string& s) {
  return !s.empty() && s.size() <= 64 &&
         std::all_of(s.begin(), s.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
}

}  // namespace

std::optional<Baseline> parse_baseline(const Json& doc, std::string* error) {
  auto fail = [&](const std::string& message) -> std::optional<Baseline> {
    if (error) *error = message;
    return std::nullopt;
  };
  const Json* list = &doc;
  if (doc.is_object()) {
    std::string schema = text_of(doc, "schema");
    if (!schema.empty() && schema != kBaselineSchema)
      return fail("unsupported baseline schema '" + schema + "' (expected " + kBaselineSchema + ")");
    auto it = doc.find("accepted");
    if (it == doc.end()) return fail("a baseline needs an 'accepted' array");
    list = &*it;
  }
  if (!list->is_array()) return fail("'accepted' must be an array of fingerprints or objects");
  Baseline baseline;
  for (size_t i = 0; i < list->size(); ++i) {
    const Json& e = (*list)[i];
    BaselineEntry entry;
    if (e.is_string()) {
      entry.fingerprint = e.get<std::string>();
    } else if (e.is_object()) {
      entry.fingerprint = text_of(e, "fingerprint");
      entry.operation = text_of(e, "operation");
      entry.check = text_of(e, "check");
      entry.rule = text_of(e, "rule");
      entry.facet = text_of(e, "facet");
      entry.verdict = text_of(e, "verdict");
      entry.note = text_of(e, "note");
    } else {
      return fail("/accepted/" + std::to_string(i) + ": expected a fingerprint string or an object");
    }
    if (!is_fingerprint(entry.fingerprint))
      return fail("/accepted/" + std::to_string(i) + ": '" + entry.fingerprint.substr(0, 80) +
                  "' is not a fingerprint (hex digits, as in a report's failures)");
    baseline.entries.push_back(std::move(entry));
  }
  return baseline;
}

std::optional<std::string> read_text_file(const std::string& path, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (error) *error = path + ": cannot read (" + std::strerror(errno) + ")";
    return std::nullopt;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

bool write_text_file(const std::string& path, const std::string& content, std::string* error) {
  std::error_code ec;
  auto parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (out) out << content;
  if (!out) {
    if (error) *error = path + ": cannot write (" + std::strerror(errno) + ")";
    return false;
  }
  return true;
}

std::optional<Baseline> load_baseline(const std::string& path, std::string* error) {
  auto text = read_text_file(path, error);
  if (!text) return std::nullopt;
  Json doc = Json::parse(*text, nullptr, false);
  if (doc.is_discarded()) {
    if (error) *error = path + ": not valid JSON";
    return std::nullopt;
  }
  std::string why;
  auto baseline = parse_baseline(doc, &why);
  if (!baseline && error) *error = path + ": " + why;
  return baseline;
}

Baseline baseline_from_report(const RunReport& report, bool include_unconfirmed) {
  Baseline baseline;
  // A report with headline findings: one entry per finding (it accepts every symptom, including ones a
  // later run finds for the same root cause); fidelity findings are listed with the rest.
  for (const auto& f : report.findings) {
    if (f.verdict != "violation" && !(include_unconfirmed && f.verdict == "unconfirmed")) continue;
    baseline.entries.push_back({f.fingerprint, f.operation, "(finding)", f.cause, f.tier, f.verdict,
                                f.title + " (accepted from the run of " + report.started_at + ")"});
  }
  // And every symptom, so a later run whose grouping differs (another seed shows a deviation in fewer
  // operations) still finds each symptom accepted.
  for (const auto& f : report.failures) {
    if (f.verdict != "violation" && !(include_unconfirmed && f.verdict == "unconfirmed")) continue;
    if (baseline.accepts(f.fingerprint)) continue;
    baseline.entries.push_back({f.fingerprint, f.operation, f.check, f.rule, f.facet, f.verdict,
                                "accepted from the run of " + report.started_at});
  }
  return baseline;
}

Json to_json(const Baseline& baseline) {
  Json accepted = Json::array();
  for (const auto& e : baseline.entries) {
    Json j = Json::object();
    j["fingerprint"] = e.fingerprint;
    j["operation"] = e.operation;
    j["check"] = e.check;
    j["rule"] = e.rule;
    j["facet"] = e.facet;
    j["verdict"] = e.verdict;
    j["note"] = e.note;
    accepted.push_back(std::move(j));
  }
  Json doc = Json::object();
  doc["schema"] = kBaselineSchema;
  doc["accepted"] = accepted;
  return doc;
}

bool save_baseline(const Baseline& baseline, const std::string& path, std::string* error) {
  return write_text_file(path, dump_json(to_json(baseline)) + "\n", error);
}

}  // namespace conform::report
