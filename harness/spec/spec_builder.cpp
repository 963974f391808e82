// Service and Operation objects from spec documents (see spec_builder.h).
#include "harness/spec/spec_builder.h"

#include "harness/spec/json_pointer.h"
#include "harness/spec/shape_builder.h"
#include "harness/spec/suggest.h"

namespace conform::spec {

namespace {

std::vector<std::string> situation_names() {
  std::vector<std::string> names;
  for (int i = static_cast<int>(Situation::Valid); i <= static_cast<int>(Situation::UnencodedLabel); ++i) {
    names.push_back(to_string(static_cast<Situation>(i)));
  }
  return names;
}

std::vector<Capture> build_captures(const JsonReader& r, const Json& entry, const char* key, const std::string& ptr) {
  std::vector<Capture> out;
  const Json* capture = r.object(entry, key, ptr);
  if (!capture) return out;
  for (auto it = capture->begin(); it != capture->end(); ++it) {
    const std::string at = pointer_append(pointer_append(ptr, key), it.key());
    if (!it.value().is_string()) {
      r.diag().add(at, std::string("a capture is a JSON pointer or 'header:<Name>', found ") + it.value().type_name());
      continue;
    }
    const std::string where = it.value().get<std::string>();
    Capture c{it.key(), false, where};
    if (where.rfind("header:", 0) == 0) {
      c.from_header = true;
      c.where = where.substr(7);
      if (c.where.empty()) r.diag().add(at, "'header:' must be followed by a header name");
    } else if (!is_valid_pointer(where)) {
      r.diag().add(at, "'" + where + "' is neither a JSON pointer (such as '/taskToken') nor 'header:<Name>'");
    }
    out.push_back(c);
  }
  return out;
}

Step build_step(const JsonReader& r, const Json& entry, const std::string& ptr) {
  Step step;
  if (!entry.is_object()) {
    r.diag().add(ptr, std::string("a step must be an object, found ") + entry.type_name());
    return step;
  }
  step.operation = r.string_or(entry, "operation", ptr, "");
  if (const Json* input = r.find(entry, "input"); input && !input->is_null()) {
    if (input->is_object()) {
      step.input = *input;
    } else {
      r.diag().add(pointer_append(ptr, "input"), std::string("expected an object, found ") + input->type_name());
    }
  }
  step.captures = build_captures(r, entry, "capture", ptr);
  step.input_captures = build_captures(r, entry, "bind", ptr);
  for (const Capture& c : step.input_captures)
    if (c.from_header) r.diag().add(pointer_append(pointer_append(ptr, "bind"), c.variable), "'bind' reads the step's input: a JSON pointer, not a header");
  step.optional = r.boolean_or(entry, "optional", ptr, false);
  step.until = r.string(entry, "until", ptr);
  if (step.until && !is_valid_pointer(*step.until)) {
    r.diag().add(pointer_append(ptr, "until"), "'" + *step.until + "' is not a JSON pointer (such as '/taskToken')");
  }
  auto small = [&](const char* key, int def, int lo) {
    std::optional<int64_t> v = r.integer(entry, key, ptr);
    if (!v) return def;
    if (*v < lo || *v > 3600000) {
      r.diag().add(pointer_append(ptr, key), std::string(key) + " must be between " + std::to_string(lo) + " and 3600000");
      return def;
    }
    return static_cast<int>(*v);
  };
  step.attempts = small("attempts", 1, 1);
  step.interval_ms = small("intervalMs", 0, 0);
  step.sleep_ms = small("sleepMs", 0, 0);
  if (step.operation.empty() && step.sleep_ms == 0) {
    r.diag().add(ptr, "a step needs an 'operation' to call or a 'sleepMs' to wait");
  }
  return step;
}

std::vector<Step> build_steps(const JsonReader& r, const Json& entry, const std::string& key, const std::string& ptr) {
  std::vector<Step> steps;
  if (const Json* arr = r.array(entry, key, ptr)) {
    for (size_t i = 0; i < arr->size(); ++i) {
      steps.push_back(build_step(r, (*arr)[i], pointer_append(pointer_append(ptr, key), i)));
    }
  }
  return steps;
}

std::vector<StateAssertion> build_assertions(const JsonReader& r, const Json& entry, const std::string& key,
                                             const std::string& ptr) {
  std::vector<StateAssertion> out;
  if (const Json* arr = r.array(entry, key, ptr)) {
    for (size_t i = 0; i < arr->size(); ++i) {
      out.push_back(build_assertion(r, (*arr)[i], pointer_append(pointer_append(ptr, key), i)));
    }
  }
  return out;
}

Lifecycle build_lifecycle(const JsonReader& r, const Json& entry, const std::string& ptr) {
  Lifecycle lc;
  lc.fixture = r.string_or(entry, "fixture", ptr, "");
  if (lc.fixture.empty()) r.diag().add(ptr, "a lifecycle needs the 'fixture' that provides the live resource");
  lc.timed_out_fixture = r.string(entry, "timedOutFixture", ptr);
  if (const Json* bind = r.object(entry, "bind", ptr)) lc.bind = *bind;
  else lc.bind = Json::object();
  lc.closes = r.boolean_or(entry, "closes", ptr, false);
  if (const Json* rb = r.object(entry, "readBack", ptr)) {
    const std::string at = pointer_append(ptr, "readBack");
    ReadBack read_back;
    read_back.operation = r.string_or(*rb, "operation", at, "");
    if (read_back.operation.empty()) r.diag().add(at, "readBack needs the 'operation' that reads the resource");
    if (const Json* input = r.object(*rb, "input", at)) read_back.input = *input;
    else read_back.input = Json::object();
    lc.read_back = read_back;
  }
  lc.while_live = build_assertions(r, entry, "whileLive", ptr);
  lc.after_close = build_assertions(r, entry, "afterClose", ptr);
  lc.omit = r.strings(entry, "omit", ptr);
  lc.produces = build_captures(r, entry, "produces", ptr);
  lc.cleanup = build_steps(r, entry, "cleanup", ptr);
  if (!lc.cleanup.empty() && lc.produces.empty())
    r.diag().add(pointer_append(ptr, "cleanup"), "a lifecycle's cleanup removes what the call produces: give 'produces' too");
  return lc;
}

ValidationStyle build_validation(const JsonReader& r, const Json& entry, const std::string& ptr) {
  ValidationStyle v;
  v.error = r.string_or(entry, "error", ptr, v.error);
  const std::string paths = r.string_or(entry, "memberPaths", ptr, "asModeled");
  if (paths == "lowerCamel") {
    v.lower_camel_paths = true;
  } else if (paths != "asModeled") {
    r.diag().add(pointer_append(ptr, "memberPaths"), "unknown member path style '" + paths + "'; expected 'asModeled' or 'lowerCamel'");
  }
  v.provenance = r.provenance_or(entry, "provenance", ptr, Provenance::Inferred);
  v.header_one = r.string_or(entry, "headerOne", ptr, v.header_one);
  v.header_many = r.string_or(entry, "headerMany", ptr, v.header_many);
  v.separator = r.string_or(entry, "separator", ptr, v.separator);
  static const std::vector<std::string> keys = {"required", "lengthMin", "lengthMax", "pattern",
                                                "enum",     "rangeMin",  "rangeMax"};
  std::vector<std::string> all_keys = keys;
  for (const std::string& k : keys) all_keys.push_back(k + ".sensitive");
  if (const Json* templates = r.object(entry, "templates", ptr)) {
    const std::string at = pointer_append(ptr, "templates");
    for (auto it = templates->begin(); it != templates->end(); ++it) {
      const std::string key_ptr = pointer_append(at, it.key());
      bool known = false;
      for (const std::string& k : all_keys) known = known || k == it.key();
      if (!known) {
        r.diag().add(key_ptr, "unknown validation template '" + it.key() + "'" + did_you_mean(it.key(), all_keys) +
                                  "; expected one of: " + join_names(keys) + " (each optionally with '.sensitive')");
        continue;
      }
      ValidationTemplate t;
      if (it.value().is_string()) {
        t.text = it.value().get<std::string>();
      } else {
        t.text = r.string_or(it.value(), "text", key_ptr, "");
        t.provenance = r.provenance_or(it.value(), "provenance", key_ptr, Provenance::Inferred);
      }
      v.templates[it.key()] = t;
    }
  }
  return v;
}

}  // namespace

ErrorSpec build_error(const JsonReader& r, const Json& entry, const std::string& ptr) {
  ErrorSpec e;
  if (!entry.is_object()) {
    r.diag().add(ptr, std::string("an error entry must be an object, found ") + entry.type_name());
    return e;
  }
  e.name = r.string_or(entry, "name", ptr, "");
  if (e.name.empty()) r.diag().add(ptr, "an error entry needs a 'name'");
  if (auto status = r.integer(entry, "status", ptr)) {
    if (*status < 100 || *status > 599) {
      r.diag().add(pointer_append(ptr, "status"), "HTTP status " + std::to_string(*status) + " is not between 100 and 599");
    } else {
      e.status = static_cast<int>(*status);
    }
  }
  e.wire = r.string_or(entry, "wire", ptr, "");
  e.message = r.string(entry, "message", ptr);
  e.body_members = r.strings(entry, "bodyMembers", ptr);
  e.provenance = r.provenance_or(entry, "provenance", ptr, Provenance::Model);
  e.wire_provenance = r.provenance_or(entry, "wireProvenance", ptr, e.provenance);
  e.message_provenance = r.provenance_or(entry, "messageProvenance", ptr, Provenance::Inferred);
  e.sources = r.strings(entry, "sources", ptr);
  e.description = r.string_or(entry, "description", ptr, "");
  return e;
}

Rule build_rule(const JsonReader& r, const Json& entry, const std::string& ptr, size_t index) {
  Rule rule;
  if (!entry.is_object()) {
    r.diag().add(ptr, std::string("a rule must be an object, found ") + entry.type_name());
    return rule;
  }
  const std::string situation = r.string_or(entry, "situation", ptr, "");
  if (auto s = situation_from_string(situation)) {
    rule.situation = *s;
  } else {
    const std::vector<std::string> names = situation_names();
    r.diag().add(pointer_append(ptr, "situation"), "unknown situation '" + situation + "'" + did_you_mean(situation, names) +
                                                       "; expected one of: " + join_names(names));
  }
  rule.id = r.string_or(entry, "id", ptr, situation + "#" + std::to_string(index));
  rule.member = r.string(entry, "member", ptr);
  rule.value = r.string(entry, "value", ptr);
  rule.value_replace = r.string(entry, "valueReplace", ptr);
  rule.value_with = r.string(entry, "valueWith", ptr);
  if (rule.value_replace) {
    std::string problem = pattern_problem(*rule.value_replace);
    if (!problem.empty()) r.diag().add(pointer_append(ptr, "valueReplace"), problem);
    if (!rule.value_with) r.diag().add(ptr, "valueReplace needs valueWith (the replacement template)");
  } else if (rule.value_with) {
    r.diag().add(pointer_append(ptr, "valueWith"), "valueWith needs valueReplace (the regular expression to replace)");
  }
  if (const Json* expect = r.object(entry, "expect", ptr)) {
    const std::string at = pointer_append(ptr, "expect");
    if (auto status = r.integer(*expect, "status", at)) {
      if (*status < 100 || *status > 599) {
        r.diag().add(pointer_append(at, "status"), "HTTP status " + std::to_string(*status) + " is not between 100 and 599");
      } else {
        rule.expect.status = static_cast<int>(*status);
      }
    }
    rule.expect.error = r.string_or(*expect, "error", at, "");
    rule.expect.message = r.string(*expect, "message", at);
    rule.expect.same_as_first_close = r.boolean_or(*expect, "sameAsFirstClose", at, false);
    rule.expect.provenance = r.provenance_or(*expect, "provenance", at, Provenance::Inferred);
    rule.expect.message_provenance = r.provenance_or(*expect, "messageProvenance", at, Provenance::Inferred);
  } else {
    r.diag().add(ptr, "a rule needs an 'expect' object saying what the service answers");
  }
  rule.sources = r.strings(entry, "sources", ptr);
  rule.note = r.string_or(entry, "note", ptr, "");
  return rule;
}

StateAssertion build_assertion(const JsonReader& r, const Json& entry, const std::string& ptr) {
  StateAssertion a;
  if (!entry.is_object()) {
    r.diag().add(ptr, std::string("a state assertion must be an object, found ") + entry.type_name());
    return a;
  }
  a.pointer = r.string_or(entry, "pointer", ptr, "");
  if (!is_valid_pointer(a.pointer)) {
    r.diag().add(pointer_append(ptr, "pointer"), "'" + a.pointer + "' is not a JSON pointer (such as '/status')");
  }
  if (const Json* eq = r.find(entry, "equals")) a.equals = *eq;
  a.equals_input = r.string(entry, "equalsInput", ptr);
  if (const Json* present = r.find(entry, "present")) {
    if (present->is_boolean()) a.present = present->get<bool>();
    else r.diag().add(pointer_append(ptr, "present"), "present must be true or false");
  }
  a.some = build_assertions(r, entry, "some", ptr);
  a.error = r.string(entry, "error", ptr);
  a.provenance = r.provenance_or(entry, "provenance", ptr, Provenance::Inferred);
  a.note = r.string_or(entry, "note", ptr, "");
  if (!a.equals && !a.equals_input && !a.present && a.some.empty() && !a.error) {
    r.diag().add(ptr, "a state assertion must check something: give 'equals', 'equalsInput', 'present', 'some' or 'error'");
  }
  return a;
}

Fixture build_fixture(const JsonReader& r, const std::string& name, const Json& entry, const std::string& ptr) {
  Fixture f;
  f.name = name;
  if (!entry.is_object()) {
    r.diag().add(ptr, std::string("a fixture recipe must be an object, found ") + entry.type_name());
    return f;
  }
  f.description = r.string_or(entry, "description", ptr, "");
  f.steps = build_steps(r, entry, "steps", ptr);
  if (f.steps.empty()) r.diag().add(ptr, "fixture '" + name + "' has no steps");
  f.cleanup = build_steps(r, entry, "cleanup", ptr);
  f.provides = r.strings(entry, "provides", ptr);
  return f;
}

Service build_service(const JsonReader& r, const Json& doc) {
  Service s;
  s.file = r.diag().file();
  s.name = r.string_or(doc, "name", "", "");
  if (s.name.empty()) r.diag().add("", "the service file needs a 'name'");
  s.title = r.string_or(doc, "title", "", "");
  s.api_version = r.string_or(doc, "apiVersion", "", "");
  const std::string protocol = r.string_or(doc, "protocol", "", "awsJson1_0");
  if (protocol == "restJson1") {
    s.protocol = Protocol::RestJson1;
  } else if (protocol != "awsJson1_0") {
    r.diag().add("/protocol", "unknown protocol '" + protocol + "'; expected 'awsJson1_0' or 'restJson1'");
  }
  s.signing_name = r.string_or(doc, "signingName", "", "");
  s.endpoint_prefix = r.string_or(doc, "endpointPrefix", "", s.signing_name);
  s.target_prefix = r.string_or(doc, "targetPrefix", "", "");
  if (s.protocol == Protocol::AwsJson1_0 && s.target_prefix.empty()) {
    r.diag().add("", "an awsJson1_0 service needs a 'targetPrefix' (X-Amz-Target is prefix + '.' + operation)");
  }
  if (const Json* ns = r.find(doc, "errorNamespace"); ns && !ns->is_null()) {
    if (ns->is_string()) {
      s.error_namespace = ns->get<std::string>();
    } else if (ns->is_object()) {
      s.error_namespace = r.string_or(*ns, "value", "/errorNamespace", "");
      s.error_namespace_provenance = r.provenance_or(*ns, "provenance", "/errorNamespace", Provenance::Inferred);
    } else {
      r.diag().add("/errorNamespace", std::string("expected a string or an object with 'value', found ") + ns->type_name());
    }
  }
  if (const Json* v = r.object(doc, "validation", "")) s.validation = build_validation(r, *v, "/validation");
  if (const Json* errors = r.array(doc, "commonErrors", "")) {
    for (size_t i = 0; i < errors->size(); ++i) {
      s.common_errors.push_back(build_error(r, (*errors)[i], pointer_append("/commonErrors", i)));
    }
  }
  if (const Json* rules = r.array(doc, "protocolRules", "")) {
    for (size_t i = 0; i < rules->size(); ++i) {
      s.protocol_rules.push_back(build_rule(r, (*rules)[i], pointer_append("/protocolRules", i), i));
    }
  }
  if (const Json* fixtures = r.object(doc, "fixtures", "")) {
    for (auto it = fixtures->begin(); it != fixtures->end(); ++it) {
      s.fixtures[it.key()] = build_fixture(r, it.key(), it.value(), pointer_append("/fixtures", it.key()));
    }
  }
  return s;
}

Operation build_operation(const JsonReader& r, const Json& doc) {
  Operation op;
  op.file = r.diag().file();
  op.service = r.string_or(doc, "service", "", "");
  op.name = r.string_or(doc, "name", "", "");
  if (op.name.empty()) r.diag().add("", "the operation file needs a 'name'");
  op.role = r.string_or(doc, "role", "", "subject");
  if (op.role != "subject" && op.role != "fixture" && op.role != "read-back") {
    r.diag().add("/role", "unknown role '" + op.role + "'; expected 'subject', 'fixture' or 'read-back'");
  }
  op.documentation = r.string_or(doc, "documentation", "", "");
  if (const Json* http = r.object(doc, "http", "")) {
    op.method = r.string_or(*http, "method", "/http", "POST");
    op.uri = r.string_or(*http, "uri", "/http", "/");
    if (op.uri.empty() || op.uri[0] != '/') r.diag().add("/http/uri", "the uri must start with '/'");
  }
  if (const Json* input = r.find(doc, "input"); input && !input->is_null()) {
    op.input = build_structure(r, *input, "/input");
  } else {
    op.input.type = ShapeType::Structure;
  }
  if (const Json* output = r.find(doc, "output"); output && !output->is_null()) {
    op.output = build_structure(r, *output, "/output");
  }
  if (const Json* errors = r.array(doc, "errors", "")) {
    for (size_t i = 0; i < errors->size(); ++i) op.errors.push_back(build_error(r, (*errors)[i], pointer_append("/errors", i)));
  }
  if (const Json* rules = r.array(doc, "rules", "")) {
    for (size_t i = 0; i < rules->size(); ++i) op.rules.push_back(build_rule(r, (*rules)[i], pointer_append("/rules", i), i));
  }
  if (const Json* lc = r.object(doc, "lifecycle", "")) op.lifecycle = build_lifecycle(r, *lc, "/lifecycle");
  if (const Json* p = r.object(doc, "pagination", "")) {
    Pagination pg;
    pg.input_token = r.string_or(*p, "inputToken", "/pagination", "");
    pg.output_token = r.string_or(*p, "outputToken", "/pagination", "");
    pg.page_size = r.string_or(*p, "pageSize", "/pagination", "");
    pg.items = r.string_or(*p, "items", "/pagination", "");
    pg.provenance = r.provenance_or(*p, "provenance", "/pagination", Provenance::Model);
    pg.note = r.string_or(*p, "note", "/pagination", "");
    if (const Member* size = op.input.find_member(pg.page_size); size && size->shape && size->shape->range)
      pg.max_page_size = size->shape->range->max;
    op.pagination = pg;
  }
  return op;
}

}  // namespace conform::spec
