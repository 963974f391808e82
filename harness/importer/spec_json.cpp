// Spec JSON from model facts (see spec_json.h).
#include "harness/importer/spec_json.h"

#include <algorithm>
#include <cmath>

#include "harness/importer/pattern_translate.h"

namespace conform::importer {

namespace {

bool has_length(const std::string& type) {
  return type == "string" || type == "blob" || type == "list" || type == "map";
}
bool is_number(const std::string& type) { return type == "integer" || type == "long" || type == "double"; }

std::optional<int64_t> as_integer(std::optional<double> v) {
  if (!v || !std::isfinite(*v) || std::floor(*v) != *v || std::fabs(*v) > 9.0e18) return std::nullopt;
  return static_cast<int64_t>(*v);
}

}  // namespace

void apply_constraints(Json& member, const ModelConstraints& c, const std::string& where, std::vector<std::string>& notes) {
  member["type"] = c.type;
  if ((c.min || c.max) && (has_length(c.type) || is_number(c.type))) {
    const char* key = has_length(c.type) ? "length" : "range";
    Json range = Json::object();
    auto min = as_integer(c.min), max = as_integer(c.max);
    if (min) range["min"] = *min;
    if (max) range["max"] = *max;
    if ((c.min && !min) || (c.max && !max)) {
      notes.push_back(where + ": the model's " + key + " bound is not an integer; the spec format keeps integer bounds only");
    }
    if (!range.empty()) member[key] = range;
  }
  if (c.pattern && c.type == "string") {
    PatternTranslation t = translate_pattern(*c.pattern);
    if (t.pattern) {
      member["pattern"] = *t.pattern;
      if (*t.pattern != *c.pattern) member["patternText"] = *c.pattern;
    } else {
      notes.push_back(where + ": pattern '" + *c.pattern + "' left out: " + t.problem);
    }
  }
  if (!c.enum_values.empty() && c.type == "string") member["enum"] = c.enum_values;
  if (c.sensitive) member["sensitive"] = true;
}

Json service_json(const ServiceFacts& f) {
  Json s = {{"kind", "service"},
            {"name", f.name},
            {"title", f.title.empty() ? f.name : f.title},
            {"apiVersion", f.api_version},
            {"protocol", f.protocol},
            {"signingName", f.signing_name},
            {"endpointPrefix", f.endpoint_prefix}};
  if (f.protocol == "awsJson1_0") s["targetPrefix"] = f.target_prefix;
  if (!f.error_namespace.empty()) {
    s["errorNamespace"] = {{"value", f.error_namespace}, {"provenance", "inferred"},
                           {"note", "The model's namespace; Coral services may answer with another one. Measure it."}};
  }
  s["validation"] = {{"error", "ValidationException"}, {"memberPaths", "asModeled"}, {"provenance", "inferred"},
                     {"templates", Json::object()}};
  s["commonErrors"] = Json::array({{{"name", "ValidationException"}, {"status", 400}, {"provenance", "inferred"},
                                    {"description", "Constraint validation (length, pattern, enum, range, required)."}}});
  s["fixtures"] = Json::object();
  return s;
}

Json operation_json(const std::string& service, const std::string& name, const std::string& documentation,
                    const std::string& method, const std::string& uri) {
  Json op = {{"kind", "operation"}, {"service", service}, {"name", name}, {"role", "subject"}};
  if (!documentation.empty()) op["documentation"] = documentation;
  op["http"] = {{"method", method}, {"uri", uri}};
  return op;
}

Json error_json(const std::string& name, int status, const std::string& description) {
  Json e = {{"name", name}, {"status", status}, {"provenance", "model"}};
  if (!description.empty()) e["description"] = description;
  return e;
}

void finish_import(ImportResult& result, const ImportOptions& options, const std::vector<std::string>& model_operations) {
  if (!options.operations.empty()) {
    for (const std::string& wanted : options.operations) {
      if (std::find(model_operations.begin(), model_operations.end(), wanted) == model_operations.end()) {
        result.errors.push_back("operation '" + wanted + "' is not in the model");
      }
    }
    std::vector<ImportedOperation> kept;
    for (ImportedOperation& op : result.operations) {
      if (std::find(options.operations.begin(), options.operations.end(), op.name) != options.operations.end()) {
        kept.push_back(std::move(op));
      }
    }
    result.operations = std::move(kept);
  }
  result.notes.insert(result.notes.begin(),
                      {"lifecycle, fixtures and rules cannot come from a model: add them by hand (specs/README.md)",
                       "validation message templates and error messages are not in the model: measure them "
                       "(conform observe)"});
}

}  // namespace conform::importer
