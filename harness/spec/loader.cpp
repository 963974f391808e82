// Loading and checking specs (see loader.h): JSON syntax, then the schema, then the model and its
// cross-file consistency (consistency.h).
#include "harness/spec/loader.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <set>
#include <sstream>

#include "harness/spec/consistency.h"
#include "harness/spec/diagnostics.h"
#include "harness/spec/json_reader.h"
#include "harness/spec/json_schema.h"
#include "harness/spec/inference.h"
#include "harness/spec/json_text.h"
#include "harness/spec/overlay.h"
#include "harness/spec/spec_builder.h"

namespace conform::spec {

namespace {

const char* const kSchemaPath = "schema/spec.schema.json";

struct Document {
  std::string path;
  std::string folder;  // the service folder; "" when the file is not in a service folder
  std::string stem;    // file name without ".json"
  Json json;
  bool generated = false;  // <service>/model/<Operation>.json (overlay.h)
};

const char* const kModelFolder = "/model";

bool in_model_folder(const std::string& path) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return false;
  const std::string dir = path.substr(0, slash);
  return dir.size() > 6 && dir.compare(dir.size() - 6, 6, kModelFolder) == 0 && dir.find('/') != std::string::npos;
}

// The service folder a file belongs to: its folder, or the parent of a model/ folder.
std::string folder_of(const std::string& path) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return "";
  return path.substr(0, in_model_folder(path) ? slash - 6 : slash);
}

std::string stem_of(const std::string& path) {
  size_t slash = path.rfind('/');
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  return name.size() > 5 ? name.substr(0, name.size() - 5) : name;
}

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The schema to validate against: the set's own schema/spec.schema.json, else the built-in copy.
std::optional<JsonSchema> load_schema(const std::vector<EmbeddedFile>& files, std::vector<SpecError>& errors) {
  const EmbeddedFile* source = nullptr;
  for (const EmbeddedFile& f : files) {
    if (f.path == kSchemaPath) source = &f;
  }
  if (!source) {
    for (const EmbeddedFile& f : builtin_spec_files()) {
      if (f.path == kSchemaPath) source = &f;
    }
  }
  if (!source) {
    errors.push_back({kSchemaPath, "", "no JSON Schema: the spec directory has no schema/spec.schema.json and the "
                                       "binary carries no built-in copy"});
    return std::nullopt;
  }
  JsonTextResult parsed = parse_json_text(source->content);
  if (!parsed.document) {
    errors.push_back({kSchemaPath, parsed.error_pointer, parsed.error});
    return std::nullopt;
  }
  JsonSchema schema(*parsed.document);
  for (const SchemaViolation& p : schema.problems()) {
    errors.push_back({kSchemaPath, p.pointer, "the schema itself is broken: " + p.message});
  }
  return schema;
}

// Reads one spec file up to a schema-valid document, reporting everything wrong on the way.
std::optional<Document> read_document(const EmbeddedFile& file, const JsonSchema* schema, std::vector<SpecError>& errors) {
  Diagnostics d(file.path, errors);
  JsonTextResult parsed = parse_json_text(file.content);
  if (!parsed.document) {
    d.add(parsed.error_pointer, parsed.error);
    return std::nullopt;
  }
  Json& doc = *parsed.document;
  if (!doc.is_object()) {
    d.add("", std::string("a spec file must hold a JSON object with \"kind\": \"service\" or \"operation\", found ") +
                  (doc.is_array() ? "an array" : doc.type_name()));
    return std::nullopt;
  }
  size_t before = errors.size();
  if (schema) {
    for (const SchemaViolation& v : schema->validate(doc)) d.add(v.pointer, v.message);
  }
  Document out{file.path, folder_of(file.path), stem_of(file.path), std::move(doc), in_model_folder(file.path)};
  if (out.folder.empty()) {
    d.add("", "spec files must be inside a service folder (<service>/service.json, <service>/<Operation>.json)");
  }
  return errors.size() == before ? std::optional<Document>(std::move(out)) : std::nullopt;
}

// Replaces each pair of a hand-written and a generated file of one operation by their overlay
// (overlay.h), kept under the hand-written file's path; the result carries "generated" only as a
// marker that a model file was under it (build_operation ignores it).
void overlay_generated(std::vector<Document>& operations) {
  std::map<std::pair<std::string, std::string>, size_t> hand;  // (folder, stem) -> index
  for (size_t i = 0; i < operations.size(); ++i)
    if (!operations[i].generated) hand[{operations[i].folder, operations[i].stem}] = i;
  std::vector<Document> out;
  for (Document& doc : operations) {
    if (!doc.generated) continue;
    auto it = hand.find({doc.folder, doc.stem});
    if (it == hand.end()) continue;
    Document& h = operations[it->second];
    h.json = overlay_operation(doc.json, h.json);
    h.json["generated"] = doc.path;
    doc.path.clear();  // consumed
  }
  for (Document& doc : operations)
    if (!doc.path.empty()) out.push_back(std::move(doc));
  operations = std::move(out);
}

// An operation must say how it travels and what it takes, answers and fails with: in its own file, or,
// for a hand-written file over a generated one, in either of them (an overlay may hold only what it
// adds, such as rules, a lifecycle or error messages).
void require_operation_keys(const std::vector<Document>& operations, std::vector<SpecError>& errors) {
  for (const Document& doc : operations) {
    Diagnostics d(doc.path, errors);
    for (const char* key : {"http", "input", "output", "errors"})
      if (!doc.json.contains(key))
        d.add("", std::string("an operation needs '") + key + "'" +
                      (doc.generated ? "" : " (in this file, or in a generated file of the same name in " + doc.folder +
                                                "/model/)"));
  }
}

void fill_defaults(const Service& service, std::vector<ErrorSpec>& errors) {
  for (ErrorSpec& e : errors) {
    if (!e.wire.empty()) continue;
    if (service.protocol == Protocol::AwsJson1_0 && !service.error_namespace.empty()) {
      e.wire = service.error_namespace + "#" + e.name;
      if (is_hard(e.wire_provenance)) e.wire_provenance = service.error_namespace_provenance;
    } else {
      e.wire = e.name;
    }
  }
}

void fill_rule_statuses(const SpecSet& set, Operation& op) {
  for (Rule& r : op.rules) {
    if (r.expect.status || r.expect.error.empty()) continue;
    if (const ErrorSpec* e = set.find_error(op, r.expect.error)) r.expect.status = e->status;
  }
}

LoadResult load(const std::vector<EmbeddedFile>& input) {
  LoadResult result;
  std::vector<SpecError>& errors = result.errors;
  std::vector<const EmbeddedFile*> files;
  for (const EmbeddedFile& f : input) {
    if (f.path.rfind("schema/", 0) != 0 && ends_with(f.path, ".json")) files.push_back(&f);
  }
  std::sort(files.begin(), files.end(), [](const EmbeddedFile* a, const EmbeddedFile* b) { return a->path < b->path; });
  if (files.empty()) {
    errors.push_back({".", "", "no spec files found: expected <service>/service.json and <service>/<Operation>.json files"});
    return result;
  }
  std::optional<JsonSchema> schema = load_schema(input, errors);

  std::vector<Document> services, operations;
  for (const EmbeddedFile* f : files) {
    std::optional<Document> doc = read_document(*f, schema ? &*schema : nullptr, errors);
    if (!doc) continue;
    const Json* kind = doc->json.contains("kind") ? &doc->json["kind"] : nullptr;
    const std::string k = kind && kind->is_string() ? kind->get<std::string>() : "";
    Diagnostics d(doc->path, errors);
    if (k == "service") {
      if (doc->stem != "service" || doc->generated) d.add("/kind", "a service file must be called service.json and sit in its service folder, not in model/");
      else services.push_back(std::move(*doc));
    } else if (k == "operation") {
      if (doc->stem == "service") d.add("/kind", "service.json must hold the service (\"kind\": \"service\"), not an operation");
      else operations.push_back(std::move(*doc));
    } else {
      d.add("/kind", "\"kind\" must be \"service\" or \"operation\"");
    }
  }

  SpecSet set;
  std::map<std::string, std::string> service_by_folder;  // folder -> service name
  std::set<std::string> broken_folders;                   // service.json present but not schema-valid
  for (const EmbeddedFile* f : files) {
    if (stem_of(f->path) == "service") broken_folders.insert(folder_of(f->path));
  }
  for (const Document& doc : services) {
    Diagnostics d(doc.path, errors);
    Service s = build_service(JsonReader(d), doc.json);
    if (set.services.count(s.name)) {
      d.add("/name", "service '" + s.name + "' is already defined by " + set.services[s.name].file);
      continue;
    }
    broken_folders.erase(doc.folder);
    service_by_folder[doc.folder] = s.name;
    fill_defaults(s, s.common_errors);
    set.services[s.name] = std::move(s);
  }
  overlay_generated(operations);
  require_operation_keys(operations, errors);
  for (const Document& doc : operations) {
    Diagnostics d(doc.path, errors);
    Operation op = build_operation(JsonReader(d), doc.json);
    op.origin = doc.generated ? kOriginModel : doc.json.contains("generated") ? kOriginOverlay : kOriginHandWritten;
    auto folder = service_by_folder.find(doc.folder);
    if (folder == service_by_folder.end()) {
      if (!broken_folders.count(doc.folder)) {
        d.add("", "there is no service.json in folder '" + doc.folder + "'; every operation needs its service file next to it");
      }
      continue;
    }
    if (!op.name.empty() && op.name != doc.stem) {
      d.add("/name", "the operation is called '" + op.name + "' but its file is " + doc.stem + ".json; name the file " + op.name + ".json");
    }
    const Service& service = set.services[folder->second];
    if (service.protocol == Protocol::AwsJson1_0) {
      op.method = "POST";
      if (!doc.json.contains("http")) op.uri = "/";
    }
    fill_defaults(service, op.errors);
    set.operations.push_back(std::move(op));
  }
  std::stable_sort(set.operations.begin(), set.operations.end(),
                   [](const Operation& a, const Operation& b) { return a.id() < b.id(); });
  for (const auto& [folder, name] : service_by_folder) {
    std::vector<const Operation*> ops;
    std::set<std::string> unreadable;  // file stems of this folder that did not become operations
    for (const EmbeddedFile* f : files) {
      if (folder_of(f->path) == folder && stem_of(f->path) != "service") unreadable.insert(stem_of(f->path));
    }
    for (const Operation& op : set.operations) {
      if (folder_of(op.file) == folder) {
        ops.push_back(&op);
        unreadable.erase(stem_of(op.file));
      }
    }
    check_service(set.services[name], ops, unreadable, errors);
  }
  if (!errors.empty()) return result;
  for (Operation& op : set.operations) fill_rule_statuses(set, op);
  infer_recipes(set);
  result.specs = std::move(set);
  return result;
}

}  // namespace

std::string SpecError::to_string() const {
  return pointer.empty() ? file + ": " + message : file + ": " + pointer + ": " + message;
}

LoadResult load_spec_files(const std::vector<EmbeddedFile>& files) {
  try {
    return load(files);
  } catch (const std::exception& e) {
    LoadResult r;
    r.errors.push_back({".", "", std::string("internal error while loading specs: ") + e.what()});
    return r;
  }
}

LoadResult load_spec_dir(const std::string& dir) {
  namespace fs = std::filesystem;
  LoadResult result;
  std::vector<EmbeddedFile> files;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    result.errors.push_back({dir, "", "not a directory (expected a spec folder such as specs/)"});
    return result;
  }
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file(ec) || it->path().extension() != ".json") continue;
    std::string rel = fs::relative(it->path(), dir, ec).generic_string();
    std::ifstream in(it->path(), std::ios::binary);
    if (!in) {
      result.errors.push_back({rel, "", "the file cannot be read"});
      continue;
    }
    std::ostringstream content;
    content << in.rdbuf();
    files.push_back({rel, content.str()});
  }
  if (ec) result.errors.push_back({dir, "", "the directory cannot be listed: " + ec.message()});
  if (!result.errors.empty()) return result;
  return load_spec_files(files);
}

const SpecSet& builtin_specs() {
  static const SpecSet set = [] {
    LoadResult r = load_spec_files(builtin_spec_files());
    if (!r.ok()) {
      std::cerr << "conform: the built-in specs are broken (" << r.errors.size() << " error(s)):\n";
      for (const SpecError& e : r.errors) std::cerr << "  " << e.to_string() << "\n";
      std::abort();
    }
    return std::move(*r.specs);
  }();
  return set;
}

}  // namespace conform::spec
