// Merging observations into spec files (merge.h).
#include "harness/observe/merge.h"

#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <vector>

#include "harness/spec/builtin_specs.h"

namespace conform::observe {

namespace {

namespace fs = std::filesystem;
using spec::Json;

constexpr const char* kMeasured = "measured";

struct Ctx {
  SpecFiles& files;
  MergeResult& result;
  std::set<std::string> changed;
  std::string stamp;  // "conform observe against <target> on <date>"
};

// The files of a service ("service", name unused) or of an operation, in path order: an operation may
// have two, the hand-written file and its model layer (<service>/model/), which sorts after it.
std::vector<std::string> files_of(Ctx& c, const std::string& kind, const std::string& service, const std::string& name) {
  std::vector<std::string> out;
  for (const auto& [path, doc] : c.files.json) {
    if (!doc.is_object() || doc.value("kind", "") != kind) continue;
    if (kind == "service" ? doc.value("name", "") == service
                          : doc.value("service", "") == service && doc.value("name", "") == name)
      out.push_back(path);
  }
  return out;
}

// The first of them (the hand-written file where there is one): where new entries are written.
std::optional<std::string> find_file(Ctx& c, const std::string& kind, const std::string& service, const std::string& name) {
  auto files = files_of(c, kind, service, name);
  if (files.empty()) return std::nullopt;
  return files.front();
}

Json* by_key(Json& array, const char* key, const std::string& value) {
  if (!array.is_array()) return nullptr;
  for (auto& e : array)
    if (e.is_object() && e.value(key, "") == value) return &e;
  return nullptr;
}

// The element of doc[list] whose `key` is `value`; never adds the list to the document.
Json* member_by_key(Json& doc, const char* list, const char* key, const std::string& value) {
  auto it = doc.find(list);
  if (it == doc.end()) return nullptr;
  return by_key(*it, key, value);
}

void add_note(Json& obj, const std::string& key, const std::string& text) {
  std::string old = obj.contains(key) && obj[key].is_string() ? obj[key].get<std::string>() : "";
  if (old.find(text) != std::string::npos) return;
  obj[key] = old.empty() ? text : old + " " + text;
}

std::string wire_form(const std::string& raw) {
  size_t colon = raw.find(':');
  return colon == std::string::npos ? raw : raw.substr(0, colon);
}

std::string label(const Json& obs) {
  return obs.value("operation", "") + " " + obs.value("rule", "") + " [" + obs.value("facet", "") + "]";
}

// The error entry named `name` declared by the operation file or the service file, or nullptr.
Json* declared_error(Ctx& c, const std::string& service, const std::string& op, const std::string& name,
                     std::string* path_out) {
  std::vector<std::pair<std::string, const char*>> places;  // file, list
  if (!op.empty())
    for (const auto& p : files_of(c, "operation", service, op)) places.push_back({p, "errors"});
  for (const auto& p : files_of(c, "service", service, "")) places.push_back({p, "commonErrors"});
  for (const auto& [path, list] : places)
    if (Json* e = member_by_key(c.files.json[path], list, "name", name)) {
      *path_out = path;
      return e;
    }
  return nullptr;
}

// Makes sure `answer`'s error is declared (on the operation, else the service); true when it is.
bool declare(Ctx& c, const std::string& service, const std::string& op, const Json& answer) {
  std::string name = answer.value("error", "");
  std::string path;
  if (declared_error(c, service, op, name, &path)) return true;
  auto file = op.empty() ? find_file(c, "service", service, "") : find_file(c, "operation", service, op);
  if (!file) return false;
  Json& doc = c.files.json[*file];
  const char* list = op.empty() ? "commonErrors" : "errors";
  if (!doc.contains(list) || !doc[list].is_array()) doc[list] = Json::array();
  Json e{{"name", name}, {"status", answer.value("status", 400)}, {"provenance", kMeasured}};
  if (answer.contains("wire") && answer["wire"].is_string()) {
    e["wire"] = wire_form(answer["wire"].get<std::string>());
    e["wireProvenance"] = kMeasured;
  }
  e["description"] = "Declared by " + c.stamp + ".";
  doc[list].push_back(e);
  c.changed.insert(*file);
  return true;
}

// The rule object (operation rule or service protocol rule) an observation points at, in whichever of
// the operation's files holds it; the documents are never changed by looking.
Json* rule_object(Ctx& c, const Json& loc, std::string* path_out) {
  const bool protocol = loc.value("kind", "") == "protocolRule";
  const auto files = protocol ? files_of(c, "service", loc.value("service", ""), "")
                              : files_of(c, "operation", loc.value("service", ""), loc.value("operation", ""));
  for (const auto& path : files)
    if (Json* rule = member_by_key(c.files.json[path], protocol ? "protocolRules" : "rules", "id", loc.value("id", ""))) {
      *path_out = path;
      return rule;
    }
  return nullptr;
}

void merge_rule(Ctx& c, const Json& obs, const Json& loc) {
  std::string path;
  Json* rule = rule_object(c, loc, &path);
  if (!rule || !rule->contains("expect")) {
    c.result.skipped.push_back(label(obs) + ": rule not found in the spec files");
    return;
  }
  Json& expect = (*rule)["expect"];
  const std::string facet = obs.value("facet", "");
  const Json answer = obs.value("answer", Json::object());
  bool agrees = obs.value("agrees", false);
  if (facet != "message" && facet != "status" && facet != "error") {  // same-as-first-close, unchanged, ...
    if (!agrees) {
      c.result.skipped.push_back(label(obs) + ": the target differs on this facet (" + obs.value("observed", "") +
                                 "); review by hand");
      return;
    }
    expect["provenance"] = kMeasured;
  } else if (facet == "message") {
    if (!agrees) {
      if (!obs.contains("messageTemplate")) {
        c.result.skipped.push_back(label(obs) + ": no message observed");
        return;
      }
      expect["message"] = obs["messageTemplate"];
    }
    expect["messageProvenance"] = kMeasured;
  } else {  // status / error: the answer's identity
    int status = answer.value("status", 0);
    if (!agrees) {
      if (status == 0 || status >= 500) {
        c.result.skipped.push_back(label(obs) + ": the target answered " + std::to_string(status) +
                                   " (a server error or no answer is never a contract)");
        return;
      }
      bool success = status >= 200 && status < 300;
      std::string error = answer.contains("error") && answer["error"].is_string() ? answer["error"].get<std::string>() : "";
      if (!success && error.empty()) {
        c.result.skipped.push_back(label(obs) + ": a " + std::to_string(status) + " without an error identity");
        return;
      }
      std::string op = loc.value("kind", "") == "rule" ? loc.value("operation", "") : "";
      if (!success && !declare(c, loc.value("service", ""), op, answer)) {
        c.result.skipped.push_back(label(obs) + ": could not declare error " + error);
        return;
      }
      expect["status"] = status;
      if (success) {
        expect.erase("error");
        expect.erase("message");
        expect.erase("messageProvenance");
      } else if (expect.value("error", "") != error) {
        expect["error"] = error;
        expect.erase("message");
        expect.erase("messageProvenance");
        if (obs.contains("messageTemplate")) {
          expect["message"] = obs["messageTemplate"];
          expect["messageProvenance"] = kMeasured;
        }
      }
    }
    expect["provenance"] = kMeasured;
  }
  add_note(*rule, "note", "Measured by " + c.stamp + ".");
  c.changed.insert(path);
  c.result.merged.push_back(label(obs) + (agrees ? "" : " (observed answer taken)"));
}

void merge_error(Ctx& c, const Json& obs, const Json& loc) {
  std::string path;
  Json* e = declared_error(c, loc.value("service", ""), loc.value("operation", ""), loc.value("name", ""), &path);
  if (!e) {
    c.result.skipped.push_back(label(obs) + ": error " + loc.value("name", "") + " not found in the spec files");
    return;
  }
  bool agrees = obs.value("agrees", false);
  const std::string facet = obs.value("facet", "");
  const Json answer = obs.value("answer", Json::object());
  if (facet == "wire") {
    if (!agrees) {
      if (!answer.contains("wire") || !answer["wire"].is_string()) {
        c.result.skipped.push_back(label(obs) + ": no wire identity observed");
        return;
      }
      (*e)["wire"] = wire_form(answer["wire"].get<std::string>());
    }
    (*e)["wireProvenance"] = kMeasured;
  } else if (facet == "message") {
    if (!agrees) {
      if (!obs.contains("messageTemplate")) {
        c.result.skipped.push_back(label(obs) + ": no message observed");
        return;
      }
      (*e)["message"] = obs["messageTemplate"];
    }
    (*e)["messageProvenance"] = kMeasured;
  } else {
    c.result.skipped.push_back(label(obs) + ": facet not mergeable into an error");
    return;
  }
  add_note(*e, "note", "Measured by " + c.stamp + ".");
  c.changed.insert(path);
  c.result.merged.push_back(label(obs) + (agrees ? "" : " (observed answer taken)"));
}

void merge_validation(Ctx& c, const Json& obs, const Json& loc) {
  auto file = find_file(c, "service", loc.value("service", ""), "");
  if (!file) {
    c.result.skipped.push_back(label(obs) + ": service file not found");
    return;
  }
  Json& v = c.files.json[*file]["validation"];
  bool agrees = obs.value("agrees", false);
  if (loc.value("kind", "") == "validation") {
    if (!agrees) {
      c.result.skipped.push_back(label(obs) + ": the validation answer differs from the service style; review by hand");
      return;
    }
    v["provenance"] = kMeasured;
  } else {
    std::string key = loc.value("key", "");
    if (!v.contains("templates") || !v["templates"].contains(key)) {
      c.result.skipped.push_back(label(obs) + ": template " + key + " not found");
      return;
    }
    Json& t = v["templates"][key];
    if (!agrees) {
      if (!obs.contains("messageTemplate")) {
        c.result.skipped.push_back(label(obs) + ": no message observed");
        return;
      }
      t["text"] = obs["messageTemplate"];
    }
    t["provenance"] = kMeasured;
    add_note(t, "note", "Measured by " + c.stamp + ".");
  }
  c.changed.insert(*file);
  c.result.merged.push_back(label(obs) + (agrees ? "" : " (observed answer taken)"));
}

void merge_state(Ctx& c, const Json& obs, const Json& loc) {
  // The assertion: same pointer and (for "the read-back answers X") the same error, in whichever of the
  // operation's files holds the lifecycle.
  const std::string phase = loc.value("phase", ""), pointer = loc.value("pointer", ""), error = loc.value("error", "");
  Json* a = nullptr;
  std::string file;
  for (const auto& path : files_of(c, "operation", loc.value("service", ""), loc.value("operation", ""))) {
    Json& doc = c.files.json[path];
    auto lifecycle = doc.find("lifecycle");
    if (lifecycle == doc.end() || !lifecycle->contains(phase)) continue;
    for (auto& e : (*lifecycle)[phase])
      if (e.is_object() && e.value("pointer", "") == pointer && e.value("error", "") == error) {
        a = &e;
        file = path;
        break;
      }
    if (a) break;
  }
  if (!a) {
    c.result.skipped.push_back(label(obs) + ": state assertion not found");
    return;
  }
  bool agrees = obs.value("agrees", false);
  if (!agrees && loc.contains("error")) {
    c.result.skipped.push_back(label(obs) + ": the read-back answers differently (" + obs.value("observed", "") +
                               "); an error assertion is left for review");
    return;
  }
  if (!agrees) {
    if (obs.contains("observedPresent") && !obs["observedPresent"].get<bool>()) {
      for (const char* k : {"equals", "equalsInput", "some"}) a->erase(k);
      (*a)["present"] = false;
    } else if (a->contains("equals") && obs.contains("observedValue")) {
      (*a)["equals"] = obs["observedValue"];
    } else {
      c.result.skipped.push_back(label(obs) + ": the read-back differs (" + obs.value("observed", "") +
                                 "); an equalsInput/some/present assertion is left for review");
      return;
    }
  }
  (*a)["provenance"] = kMeasured;
  add_note(*a, "note", "Measured by " + c.stamp + ".");
  c.changed.insert(file);
  c.result.merged.push_back(label(obs) + (agrees ? "" : " (observed answer taken)"));
}

}  // namespace

std::optional<SpecFiles> read_spec_files(const std::optional<std::string>& dir, std::string* error) {
  SpecFiles out;
  auto take = [&](const std::string& path, const std::string& text) -> bool {
    if (path.size() > 5 && path.substr(path.size() - 5) == ".json" && path.rfind("schema/", 0) != 0) {
      Json doc = Json::parse(text, nullptr, false);
      if (doc.is_discarded()) {
        if (error) *error = path + ": not valid JSON";
        return false;
      }
      out.json[path] = std::move(doc);
    } else {
      out.other[path] = text;
    }
    return true;
  };
  try {
    if (!dir) {
      for (const auto& f : spec::builtin_spec_files())
        if (!take(f.path, f.content)) return std::nullopt;
      return out;
    }
    if (!fs::is_directory(*dir)) {
      if (error) *error = *dir + " is not a directory";
      return std::nullopt;
    }
    for (const auto& entry : fs::recursive_directory_iterator(*dir)) {
      if (!entry.is_regular_file()) continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::string text((std::istreambuf_iterator<char>(in)), {});
      if (!take(fs::relative(entry.path(), *dir).generic_string(), text)) return std::nullopt;
    }
    return out;
  } catch (const std::exception& e) {
    if (error) *error = e.what();
    return std::nullopt;
  }
}

bool write_spec_files(const SpecFiles& files, const std::string& dir, const std::vector<std::string>& only,
                      std::string* error) {
  try {
    std::set<std::string> wanted(only.begin(), only.end());
    auto write = [&](const std::string& rel, const std::string& text) {
      if (!wanted.empty() && !wanted.count(rel)) return;
      fs::path p = fs::path(dir) / rel;
      fs::create_directories(p.parent_path());
      std::ofstream out(p, std::ios::binary | std::ios::trunc);
      out << text;
      if (!out) throw std::runtime_error("cannot write " + p.string());
    };
    for (const auto& [rel, doc] : files.json) write(rel, doc.dump(2, ' ', false, Json::error_handler_t::replace) + "\n");
    for (const auto& [rel, text] : files.other) write(rel, text);
    return true;
  } catch (const std::exception& e) {
    if (error) *error = e.what();
    return false;
  }
}

MergeResult merge_observations(const spec::Json& doc, SpecFiles& files) {
  MergeResult result;
  Ctx c{files, result, {}, ""};
  try {
    c.stamp = "conform observe against " + doc.value("target", std::string("an unnamed target")) + " on " +
              doc.value("observedAt", std::string("an unknown date")).substr(0, 10);
    if (doc.value("embedded", false)) c.stamp += " (the embedded reference emulator)";
    if (!doc.contains("observations") || !doc["observations"].is_array()) {
      result.skipped.push_back("the document has no observations array");
      return result;
    }
    for (const auto& obs : doc["observations"]) {
      if (!obs.is_object() || !obs.contains("spec") || !obs["spec"].is_object()) continue;
      const Json& loc = obs["spec"];
      std::string kind = loc.value("kind", "");
      if (kind == "rule" || kind == "protocolRule") merge_rule(c, obs, loc);
      else if (kind == "error") merge_error(c, obs, loc);
      else if (kind == "validation" || kind == "validationTemplate") merge_validation(c, obs, loc);
      else if (kind == "stateAssertion") merge_state(c, obs, loc);
      else result.skipped.push_back(label(obs) + ": unknown spec location '" + kind + "'");
    }
  } catch (const std::exception& e) {
    result.skipped.push_back(std::string("merge stopped: ") + e.what());
  }
  result.changed_files.assign(c.changed.begin(), c.changed.end());
  return result;
}

}  // namespace conform::observe
