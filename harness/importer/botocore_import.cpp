// botocore service-2.json -> spec JSON (see botocore_import.h).
#include "harness/importer/botocore_import.h"

#include <algorithm>
#include <cctype>

#include "harness/importer/botocore_structure.h"
#include "harness/importer/doc_text.h"
#include "harness/importer/json_fields.h"
#include "harness/importer/spec_json.h"

namespace conform::importer {

namespace {

std::string str(const Json& obj, const char* key) {
  if (!obj.is_object()) return "";
  auto it = obj.find(key);
  return it != obj.end() && it->is_string() ? it->get<std::string>() : "";
}

class BotocoreImporter {
 public:
  BotocoreImporter(const Json& model, ImportResult& result) : model_(model), result_(result) {
    if (model.is_object() && model.contains("shapes") && model["shapes"].is_object()) shapes_ = &model["shapes"];
  }

  void run(const ImportOptions& options) {
    const Json* meta = model_.is_object() && model_.contains("metadata") ? &model_["metadata"] : nullptr;
    const Json* ops = model_.is_object() && model_.contains("operations") ? &model_["operations"] : nullptr;
    if (!meta || !meta->is_object() || !ops || !ops->is_object() || !shapes_) {
      result_.errors.push_back("not a botocore service model: 'metadata', 'operations' and 'shapes' objects are required");
      return;
    }
    const std::string protocol = str(*meta, "protocol");
    if (protocol == "json" && str(*meta, "jsonVersion") == "1.0") {
      protocol_ = "awsJson1_0";
    } else if (protocol == "rest-json") {
      protocol_ = "restJson1";
    } else {
      result_.errors.push_back("protocol '" + protocol + (protocol == "json" ? " " + str(*meta, "jsonVersion") : "") +
                               "' is not supported: the spec format has awsJson1_0 and restJson1");
      return;
    }
    ServiceFacts facts;
    facts.name = options.service_name;
    if (facts.name.empty()) {
      for (char c : str(*meta, "serviceId")) {
        if (c != ' ') facts.name += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      }
    }
    facts.title = str(*meta, "serviceFullName");
    facts.api_version = str(*meta, "apiVersion");
    facts.protocol = protocol_;
    facts.endpoint_prefix = str(*meta, "endpointPrefix");
    facts.signing_name = str(*meta, "signingName").empty() ? facts.endpoint_prefix : str(*meta, "signingName");
    facts.target_prefix = str(*meta, "targetPrefix");
    service_ = facts.name;
    result_.service_name = facts.name;
    result_.service = service_json(facts);
    if (protocol_ == "awsJson1_0") {
      result_.notes.push_back("botocore models do not name the error namespace (__type prefix): errors use the "
                              "loader's default until errorNamespace is measured and added");
    }
    std::vector<std::string> names;
    for (auto it = ops->begin(); it != ops->end(); ++it) {
      names.push_back(it.key());
      if (!options.operations.empty() &&
          std::find(options.operations.begin(), options.operations.end(), it.key()) == options.operations.end()) {
        continue;
      }
      result_.operations.push_back({it.key(), operation(it.key(), it.value())});
    }
    finish_import(result_, options, names);
  }

 private:
  const Json* shape(const std::string& name) const {
    if (!shapes_ || !shapes_->contains(name)) return nullptr;
    return &(*shapes_)[name];
  }

  Json operation(const std::string& name, const Json& op) {
    const Json http = op.is_object() && op.contains("http") ? op["http"] : Json::object();
    std::string uri = protocol_ == "restJson1" ? str(http, "requestUri") : "/";
    if (size_t q = uri.find('?'); q != std::string::npos) {
      result_.notes.push_back(name + ": the query part of requestUri '" + uri + "' is left out");
      uri = uri.substr(0, q);
    }
    if (uri.empty()) uri = "/";
    Json spec = operation_json(service_, name, first_sentence(str(op, "documentation")),
                               protocol_ == "restJson1" ? str(http, "method") : "POST", uri);
    spec["input"] = structure(op.contains("input") ? str(op["input"], "shape") : "", name + " input", true);
    Json output = structure(op.contains("output") ? str(op["output"], "shape") : "", name + " output", true);
    spec["output"] = output["members"].empty() ? Json(nullptr) : output;
    spec["errors"] = Json::array();
    if (op.contains("errors") && op["errors"].is_array()) {
      for (const Json& e : op["errors"]) spec["errors"].push_back(error(str(e, "shape")));
    }
    return spec;
  }

  Json error(const std::string& shape_name) {
    const Json* s = shape(shape_name);
    std::string code = shape_name;
    int status = 400;
    if (s && s->contains("error") && (*s)["error"].is_object()) {
      const Json& e = (*s)["error"];
      if (!str(e, "code").empty()) code = str(e, "code");
      if (auto st = number_member(e, "httpStatusCode")) status = static_cast<int>(*st);
      else if (e.contains("senderFault") && e["senderFault"] == false) status = 500;
    } else if (s && s->contains("fault") && (*s)["fault"] == true) {
      status = 500;
    }
    Json e = error_json(code, status, s ? first_sentence(str(*s, "documentation")) : "");
    if (protocol_ == "restJson1" && s && s->contains("members") && (*s)["members"].is_object() && !(*s)["members"].empty()) {
      Json body = Json::array();
      for (auto it = (*s)["members"].begin(); it != (*s)["members"].end(); ++it) body.push_back(it.key());
      e["bodyMembers"] = body;
    }
    return e;
  }

  // {"members": {...}} for a structure shape (top level: with required and locations).
  Json structure(const std::string& shape_name, const std::string& where, bool top_level) {
    Json holder = {{"members", Json::object()}};
    const Json* s = shape(shape_name);
    if (!s || !s->contains("members") || !(*s)["members"].is_object()) return holder;
    std::vector<std::string> required;
    if (s->contains("required") && (*s)["required"].is_array()) {
      for (const Json& r : (*s)["required"]) {
        if (r.is_string()) required.push_back(r.get<std::string>());
      }
    }
    const std::string payload = str(*s, "payload");
    stack_.push_back(shape_name);
    for (auto it = (*s)["members"].begin(); it != (*s)["members"].end(); ++it) {
      const Json& ref = it.value();
      std::string key = it.key();
      Json m = member(str(ref, "shape"), where + "." + key);
      if (!str(ref, "documentation").empty()) m["documentation"] = first_sentence(str(ref, "documentation"));
      if (std::find(required.begin(), required.end(), it.key()) != required.end()) m["required"] = true;
      if (top_level && protocol_ == "restJson1") {
        const std::string location = str(ref, "location");
        const std::string location_name = str(ref, "locationName");
        if (location == "uri") {
          m["location"] = "uri";
          if (!location_name.empty()) key = location_name;  // the label names the member
        } else if (location == "header" || location == "querystring") {
          m["location"] = location == "header" ? "header" : "query";
          if (!location_name.empty() && location_name != key) m["locationName"] = location_name;
        } else if (location == "headers" || location == "statusCode") {
          result_.notes.push_back(where + "." + key + ": location '" + location + "' has no spec equivalent; carried in the body");
        } else if (it.key() == payload) {
          m["location"] = "payload";
        } else if (!location_name.empty() && location_name != key) {
          key = location_name;  // the JSON key on the wire
        }
      }
      if (ref.is_object() && ref.value("jsonvalue", false)) m["format"] = "json";
      holder["members"][key] = m;
    }
    stack_.pop_back();
    return holder;
  }

  Json member(const std::string& shape_name, const std::string& where) {
    Json m = Json::object();
    const Json* s = shape(shape_name);
    if (!s) {
      result_.notes.push_back(where + ": shape '" + shape_name + "' is not in the model; typed as string");
      m["type"] = "string";
      return m;
    }
    ModelConstraints c;
    const std::string type = str(*s, "type");
    static const std::vector<std::pair<std::string, std::string>> types = {
        {"string", "string"}, {"integer", "integer"}, {"long", "long"},     {"double", "double"},
        {"float", "double"},  {"boolean", "boolean"}, {"timestamp", "timestamp"}, {"blob", "blob"},
        {"structure", "structure"}, {"list", "list"}, {"map", "map"}};
    c.type = "";
    for (const auto& [from, to] : types) {
      if (type == from) c.type = to;
    }
    if (c.type.empty()) {
      result_.notes.push_back(where + ": model type '" + type + "' has no spec equivalent; typed as string");
      c.type = "string";
    }
    c.min = number_member(*s, "min");
    c.max = number_member(*s, "max");
    if (s->contains("pattern") && (*s)["pattern"].is_string()) c.pattern = (*s)["pattern"].get<std::string>();
    if (s->contains("enum") && (*s)["enum"].is_array()) {
      for (const Json& e : (*s)["enum"]) {
        if (e.is_string()) c.enum_values.push_back(e.get<std::string>());
      }
    }
    c.sensitive = s->value("sensitive", false);
    apply_constraints(m, c, where, result_.notes);
    if (c.type == "structure") {
      if (std::find(stack_.begin(), stack_.end(), shape_name) != stack_.end()) {
        result_.notes.push_back(where + ": structure '" + shape_name + "' is recursive; its members are left out here");
        m["members"] = Json::object();
      } else {
        m["members"] = structure(shape_name, where, false)["members"];
      }
    } else if (c.type == "list") {
      m["element"] = member(s->contains("member") ? str((*s)["member"], "shape") : "", where + "[]");
    } else if (c.type == "map") {
      m["element"] = member(s->contains("value") ? str((*s)["value"], "shape") : "", where + "{}");
    }
    return m;
  }

  const Json& model_;
  ImportResult& result_;
  const Json* shapes_ = nullptr;
  std::string protocol_;
  std::string service_;
  std::vector<std::string> stack_;  // structures being expanded (recursion guard)
};

}  // namespace

ImportResult import_botocore(const Json& model, const ImportOptions& options) {
  ImportResult result;
  result.errors = botocore_structure_problems(model);
  if (!result.ok()) return result;
  try {
    BotocoreImporter(model, result).run(options);
  } catch (const std::exception& e) {
    result.errors.push_back(std::string("the botocore model could not be read: ") + e.what());
  }
  return result;
}

}  // namespace conform::importer
