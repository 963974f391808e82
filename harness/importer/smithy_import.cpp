// Smithy JSON AST -> spec JSON (see smithy_import.h).
#include "harness/importer/smithy_import.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "harness/importer/doc_text.h"
#include "harness/importer/json_fields.h"
#include "harness/importer/spec_json.h"

namespace conform::importer {

namespace {

const Json kEmpty = Json::object();

std::string local_name(const std::string& id) {
  size_t hash = id.find('#');
  std::string name = hash == std::string::npos ? id : id.substr(hash + 1);
  size_t dollar = name.find('$');
  return dollar == std::string::npos ? name : name.substr(0, dollar);
}

std::string namespace_of(const std::string& id) {
  size_t hash = id.find('#');
  return hash == std::string::npos ? "" : id.substr(0, hash);
}

std::string target_of(const Json& ref) {
  if (!ref.is_object()) return "";
  auto it = ref.find("target");
  return it != ref.end() && it->is_string() ? it->get<std::string>() : "";
}

const Json& traits_of(const Json& node) {
  if (!node.is_object()) return kEmpty;
  auto it = node.find("traits");
  return it != node.end() && it->is_object() ? *it : kEmpty;
}

// Prelude shape -> spec type.
std::optional<std::string> prelude_type(const std::string& id) {
  static const std::map<std::string, std::string> types = {
      {"String", "string"},     {"Integer", "integer"},         {"PrimitiveInteger", "integer"},
      {"Short", "integer"},     {"PrimitiveShort", "integer"},  {"Byte", "integer"},
      {"PrimitiveByte", "integer"}, {"Long", "long"},           {"PrimitiveLong", "long"},
      {"BigInteger", "long"},   {"Float", "double"},            {"PrimitiveFloat", "double"},
      {"Double", "double"},     {"PrimitiveDouble", "double"},  {"BigDecimal", "double"},
      {"Boolean", "boolean"},   {"PrimitiveBoolean", "boolean"}, {"Timestamp", "timestamp"},
      {"Blob", "blob"},         {"Document", "string"}};
  if (namespace_of(id) != "smithy.api") return std::nullopt;
  auto it = types.find(local_name(id));
  if (it == types.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string> spec_type(const std::string& smithy_type) {
  static const std::map<std::string, std::string> types = {
      {"string", "string"},   {"enum", "string"},       {"integer", "integer"}, {"intEnum", "integer"},
      {"short", "integer"},   {"byte", "integer"},      {"long", "long"},       {"bigInteger", "long"},
      {"float", "double"},    {"double", "double"},     {"bigDecimal", "double"}, {"boolean", "boolean"},
      {"timestamp", "timestamp"}, {"blob", "blob"},     {"structure", "structure"}, {"union", "structure"},
      {"list", "list"},       {"set", "list"},          {"map", "map"},         {"document", "string"}};
  auto it = types.find(smithy_type);
  if (it == types.end()) return std::nullopt;
  return it->second;
}

class SmithyImporter {
 public:
  SmithyImporter(const Json& ast, ImportResult& result) : result_(result) {
    if (ast.is_object() && ast.contains("shapes") && ast["shapes"].is_object()) shapes_ = &ast["shapes"];
  }

  void run(const ImportOptions& options) {
    if (!shapes_) {
      result_.errors.push_back("not a Smithy JSON AST: a 'shapes' object is required");
      return;
    }
    std::string service_id;
    for (auto it = shapes_->begin(); it != shapes_->end(); ++it) {
      if (it.value().is_object() && it.value().value("type", "") == "service" && service_id.empty()) service_id = it.key();
    }
    if (service_id.empty()) {
      result_.errors.push_back("the model has no service shape");
      return;
    }
    const Json& service = (*shapes_)[service_id];
    const Json& traits = traits_of(service);
    if (traits.contains("aws.protocols#awsJson1_0")) {
      protocol_ = "awsJson1_0";
    } else if (traits.contains("aws.protocols#restJson1")) {
      protocol_ = "restJson1";
    } else {
      std::string found;
      for (auto it = traits.begin(); it != traits.end(); ++it) {
        if (it.key().rfind("aws.protocols#", 0) == 0) found = it.key();
      }
      result_.errors.push_back("service " + service_id + " uses " + (found.empty() ? "no protocol trait" : "protocol " + found) +
                               "; the spec format has awsJson1_0 and restJson1");
      return;
    }
    const Json& aws = traits.contains("aws.api#service") ? traits["aws.api#service"] : kEmpty;
    const Json& sigv4 = traits.contains("aws.auth#sigv4") ? traits["aws.auth#sigv4"] : kEmpty;
    ServiceFacts facts;
    facts.name = options.service_name;
    if (facts.name.empty()) {
      std::string sdk_id = aws.value("sdkId", local_name(service_id));
      for (char c : sdk_id) {
        if (c != ' ') facts.name += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      }
    }
    facts.title = traits.value("smithy.api#title", local_name(service_id));
    facts.api_version = service.value("version", "");
    facts.protocol = protocol_;
    facts.endpoint_prefix = aws.value("endpointPrefix", aws.value("arnNamespace", facts.name));
    facts.signing_name = sigv4.value("name", facts.endpoint_prefix);
    facts.target_prefix = local_name(service_id);
    if (protocol_ == "awsJson1_0") facts.error_namespace = namespace_of(service_id);
    service_ = facts.name;
    result_.service_name = facts.name;
    result_.service = service_json(facts);

    std::vector<std::string> op_ids;
    collect_operations(service, op_ids, 0);
    std::vector<std::string> names;
    for (const std::string& id : op_ids) {
      names.push_back(local_name(id));
      if (!options.operations.empty() &&
          std::find(options.operations.begin(), options.operations.end(), local_name(id)) == options.operations.end()) {
        continue;
      }
      result_.operations.push_back({local_name(id), operation(id)});
    }
    finish_import(result_, options, names);
  }

 private:
  const Json* shape(const std::string& id) const {
    if (!shapes_ || !shapes_->contains(id) || !(*shapes_)[id].is_object()) return nullptr;
    return &(*shapes_)[id];
  }

  // Operations of a service or resource, then those of its resources, in model order.
  void collect_operations(const Json& node, std::vector<std::string>& out, int depth) {
    if (depth > 16 || !node.is_object()) return;
    for (const char* key : {"create", "put", "read", "update", "delete", "list"}) {
      std::string id = target_of(node.value(key, Json()));
      if (!id.empty() && std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
    }
    for (const char* key : {"operations", "collectionOperations"}) {
      if (!node.contains(key) || !node[key].is_array()) continue;
      for (const Json& ref : node[key]) {
        std::string id = target_of(ref);
        if (!id.empty() && std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
      }
    }
    if (node.contains("resources") && node["resources"].is_array()) {
      for (const Json& ref : node["resources"]) {
        if (const Json* r = shape(target_of(ref))) collect_operations(*r, out, depth + 1);
      }
    }
  }

  Json operation(const std::string& id) {
    const Json* op = shape(id);
    const Json& traits = op ? traits_of(*op) : kEmpty;
    const Json& http = traits.contains("smithy.api#http") ? traits["smithy.api#http"] : kEmpty;
    const bool rest = protocol_ == "restJson1";
    if (rest && http.empty()) result_.notes.push_back(local_name(id) + ": no @http trait; bound as POST /");
    Json spec = operation_json(service_, local_name(id), first_sentence(traits.value("smithy.api#documentation", "")),
                               rest ? http.value("method", "POST") : "POST", rest ? http.value("uri", "/") : "/");
    const std::string name = local_name(id);
    spec["input"] = structure(op ? target_of(op->value("input", Json())) : "", name + " input", true);
    Json output = structure(op ? target_of(op->value("output", Json())) : "", name + " output", true);
    spec["output"] = output["members"].empty() ? Json(nullptr) : output;
    spec["errors"] = Json::array();
    if (op && op->contains("errors") && (*op)["errors"].is_array()) {
      for (const Json& ref : (*op)["errors"]) spec["errors"].push_back(error(target_of(ref)));
    }
    return spec;
  }

  Json error(const std::string& id) {
    const Json* s = shape(id);
    const Json& traits = s ? traits_of(*s) : kEmpty;
    int status = traits.value("smithy.api#error", "client") == "server" ? 500 : 400;
    if (auto st = number_member(traits, "smithy.api#httpError")) status = static_cast<int>(*st);
    Json e = error_json(local_name(id), status, first_sentence(traits.value("smithy.api#documentation", "")));
    if (protocol_ == "restJson1" && s && s->contains("members") && (*s)["members"].is_object() && !(*s)["members"].empty()) {
      Json body = Json::array();
      for (auto it = (*s)["members"].begin(); it != (*s)["members"].end(); ++it) body.push_back(it.key());
      e["bodyMembers"] = body;
    }
    return e;
  }

  Json structure(const std::string& id, const std::string& where, bool top_level) {
    Json holder = {{"members", Json::object()}};
    const Json* s = shape(id);
    if (!s || !s->contains("members") || !(*s)["members"].is_object()) return holder;
    stack_.push_back(id);
    for (auto it = (*s)["members"].begin(); it != (*s)["members"].end(); ++it) {
      const Json& traits = traits_of(it.value());
      std::string key = it.key();
      Json m = member(it.value(), where + "." + key);
      if (traits.contains("smithy.api#documentation")) m["documentation"] = first_sentence(traits["smithy.api#documentation"].get<std::string>());
      if (traits.contains("smithy.api#required")) m["required"] = true;
      if (top_level && protocol_ == "restJson1") {
        if (traits.contains("smithy.api#httpLabel")) {
          m["location"] = "uri";
        } else if (traits.contains("smithy.api#httpHeader")) {
          m["location"] = "header";
          if (traits["smithy.api#httpHeader"].is_string()) m["locationName"] = traits["smithy.api#httpHeader"];
        } else if (traits.contains("smithy.api#httpQuery")) {
          m["location"] = "query";
          if (traits["smithy.api#httpQuery"].is_string() && traits["smithy.api#httpQuery"] != key) {
            m["locationName"] = traits["smithy.api#httpQuery"];
          }
        } else if (traits.contains("smithy.api#httpPayload")) {
          m["location"] = "payload";
        } else if (traits.contains("smithy.api#httpPrefixHeaders") || traits.contains("smithy.api#httpResponseCode")) {
          result_.notes.push_back(where + "." + key + ": this HTTP binding has no spec equivalent; carried in the body");
        } else if (traits.contains("smithy.api#jsonName") && traits["smithy.api#jsonName"].is_string()) {
          key = traits["smithy.api#jsonName"].get<std::string>();
        }
      }
      holder["members"][key] = m;
    }
    stack_.pop_back();
    return holder;
  }

  // A member reference (or a list/map member): its target's type and the merged constraint traits.
  Json member(const Json& ref, const std::string& where) {
    Json m = Json::object();
    const std::string target = target_of(ref);
    const Json* s = shape(target);
    ModelConstraints c;
    if (auto t = prelude_type(target)) {
      c.type = *t;
    } else if (!s) {
      result_.notes.push_back(where + ": shape '" + target + "' is not in the model; typed as string");
      c.type = "string";
    } else if (auto t2 = spec_type(s->value("type", ""))) {
      c.type = *t2;
      if (s->value("type", "") == "document") result_.notes.push_back(where + ": document shapes are typed as string");
    } else {
      result_.notes.push_back(where + ": model type '" + s->value("type", "") + "' has no spec equivalent; typed as string");
      c.type = "string";
    }
    const Json& shape_traits = s ? traits_of(*s) : kEmpty;
    const Json& member_traits = traits_of(ref);
    auto trait = [&](const char* name) -> const Json* {
      if (member_traits.contains(name)) return &member_traits[name];
      if (shape_traits.contains(name)) return &shape_traits[name];
      return nullptr;
    };
    const Json* bounds = c.type == "integer" || c.type == "long" || c.type == "double" ? trait("smithy.api#range")
                                                                                       : trait("smithy.api#length");
    if (bounds) {
      c.min = number_member(*bounds, "min");
      c.max = number_member(*bounds, "max");
    }
    if (const Json* p = trait("smithy.api#pattern"); p && p->is_string()) c.pattern = p->get<std::string>();
    if (const Json* e = trait("smithy.api#enum"); e && e->is_array()) {
      for (const Json& v : *e) {
        if (v.is_object() && v.contains("value") && v["value"].is_string()) c.enum_values.push_back(v["value"].get<std::string>());
      }
    }
    if (s && s->value("type", "") == "enum" && s->contains("members") && (*s)["members"].is_object()) {
      for (auto it = (*s)["members"].begin(); it != (*s)["members"].end(); ++it) {
        const Json& t = traits_of(it.value());
        c.enum_values.push_back(t.contains("smithy.api#enumValue") && t["smithy.api#enumValue"].is_string()
                                    ? t["smithy.api#enumValue"].get<std::string>()
                                    : it.key());
      }
    }
    c.sensitive = trait("smithy.api#sensitive") != nullptr;
    apply_constraints(m, c, where, result_.notes);
    if (c.type == "structure") {
      if (std::find(stack_.begin(), stack_.end(), target) != stack_.end()) {
        result_.notes.push_back(where + ": structure '" + target + "' is recursive; its members are left out here");
        m["members"] = Json::object();
      } else {
        m["members"] = structure(target, where, false)["members"];
      }
    } else if (c.type == "list") {
      m["element"] = member(s ? s->value("member", Json()) : Json(), where + "[]");
    } else if (c.type == "map") {
      m["element"] = member(s ? s->value("value", Json()) : Json(), where + "{}");
    }
    return m;
  }

  ImportResult& result_;
  const Json* shapes_ = nullptr;
  std::string protocol_;
  std::string service_;
  std::vector<std::string> stack_;
};

}  // namespace

ImportResult import_smithy(const Json& ast, const ImportOptions& options) {
  ImportResult result;
  try {
    SmithyImporter(ast, result).run(options);
  } catch (const std::exception& e) {
    result.errors.push_back(std::string("the Smithy model could not be read: ") + e.what());
  }
  return result;
}

}  // namespace conform::importer
