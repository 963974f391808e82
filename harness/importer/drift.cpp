// Comparing specs with a model (see drift.h).
#include "harness/importer/drift.h"

#include <algorithm>
#include <set>

#include "harness/spec/diagnostics.h"
#include "harness/spec/json_reader.h"
#include "harness/spec/spec_builder.h"

namespace conform::importer {

using spec::Member;
using spec::Operation;
using spec::Range;
using spec::Shape;

namespace {

std::string bound(const std::optional<int64_t>& v) { return v ? std::to_string(*v) : "unset"; }

class Comparer {
 public:
  Comparer(std::string op, std::vector<DriftItem>& items) : op_(std::move(op)), items_(items) {}

  void add(const std::string& kind, const std::string& path, const std::string& message) {
    items_.push_back({op_, kind, path, message});
  }

  void limits(const char* what, std::optional<Range> spec, std::optional<Range> model, bool length, const std::string& path) {
    Range s = spec.value_or(Range{}), m = model.value_or(Range{});
    if (length) {
      if (!s.min) s.min = 0;
      if (!m.min) m.min = 0;
    }
    if (s.min != m.min) add("limit", path, std::string(what) + " min is " + bound(s.min) + " in the spec, " + bound(m.min) + " in the model");
    if (s.max != m.max) add("limit", path, std::string(what) + " max is " + bound(s.max) + " in the spec, " + bound(m.max) + " in the model");
  }

  void shape(const Shape& s, const Shape& m, const std::string& path) {
    if (s.type != m.type) {
      add("type", path, std::string("type is ") + spec::to_string(s.type) + " in the spec, " + spec::to_string(m.type) + " in the model");
      return;
    }
    limits("length", s.length, m.length, true, path);
    limits("range", s.range, m.range, false, path);
    const std::optional<std::string> sp = s.pattern_text ? s.pattern_text : s.pattern;
    const std::optional<std::string> mp = m.pattern_text ? m.pattern_text : m.pattern;
    if (sp && mp && *sp != *mp) add("pattern", path, "pattern is '" + *sp + "' in the spec, '" + *mp + "' in the model");
    if (!sp && mp) add("pattern", path, "the model has pattern '" + *mp + "', the spec none");
    std::set<std::string> se(s.enum_values.begin(), s.enum_values.end()), me(m.enum_values.begin(), m.enum_values.end());
    for (const std::string& v : me) {
      if (!se.count(v)) add("enum", path, "enum value '" + v + "' is in the model but not in the spec");
    }
    for (const std::string& v : se) {
      if (!me.count(v)) add("enum", path, "enum value '" + v + "' is in the spec but not in the model");
    }
    if (s.sensitive != m.sensitive) {
      add("sensitive", path, std::string("the ") + (s.sensitive ? "spec" : "model") + " marks it sensitive, the " +
                                 (s.sensitive ? "model" : "spec") + " does not");
    }
    members(s.members, m.members, path, false);
    if (s.element && m.element) shape(*s.element, *m.element, path + "[]");
  }

  void members(const std::vector<Member>& spec, const std::vector<Member>& model, const std::string& path, bool top) {
    for (const Member& sm : spec) {
      auto it = std::find_if(model.begin(), model.end(), [&](const Member& m) { return m.name == sm.name; });
      const std::string p = path + "." + sm.name;
      if (it == model.end()) {
        add("member", p, "member is in the spec but not in the model");
        continue;
      }
      if (sm.required != it->required) {
        add("required", p, std::string("required in the ") + (sm.required ? "spec" : "model") + ", optional in the " +
                               (sm.required ? "model" : "spec"));
      }
      if (top && (sm.location != it->location || sm.location_name != it->location_name)) {
        add("binding", p, std::string("travels in ") + spec::to_string(sm.location) + " '" + sm.location_name +
                              "' in the spec, in " + spec::to_string(it->location) + " '" + it->location_name + "' in the model");
      }
      if (sm.shape && it->shape) shape(*sm.shape, *it->shape, p);
    }
    for (const Member& mm : model) {
      if (std::none_of(spec.begin(), spec.end(), [&](const Member& m) { return m.name == mm.name; })) {
        add("member", path + "." + mm.name, "member is in the model but not in the spec");
      }
    }
  }

 private:
  std::string op_;
  std::vector<DriftItem>& items_;
};

void compare_operation(const spec::Service& service, const Operation& s, const Operation& m, std::vector<DriftItem>& items) {
  Comparer c(s.id(), items);
  if (service.protocol == spec::Protocol::RestJson1) {
    if (s.method != m.method) c.add("binding", "", "method is " + s.method + " in the spec, " + m.method + " in the model");
    if (s.uri != m.uri) c.add("binding", "", "uri is '" + s.uri + "' in the spec, '" + m.uri + "' in the model");
  }
  c.members(s.input.members, m.input.members, "input", true);
  const Shape none;
  if (s.output || m.output) c.members(s.output ? s.output->members : none.members, m.output ? m.output->members : none.members, "output", true);
  for (const spec::ErrorSpec& e : m.errors) {
    const spec::ErrorSpec* mine = s.find_error(e.name);
    if (!mine) mine = service.find_common_error(e.name);
    if (!mine) {
      c.add("error", "", "error " + e.name + " is declared by the model but not by the spec");
    } else if (mine->status != e.status) {
      c.add("error", "", "error " + e.name + " has status " + std::to_string(mine->status) + " in the spec, " +
                             std::to_string(e.status) + " in the model");
    }
  }
  for (const spec::ErrorSpec& e : s.errors) {
    if (!m.find_error(e.name)) c.add("error", "", "error " + e.name + " is declared by the spec but not by the model");
  }
}

}  // namespace

std::string DriftItem::to_string() const {
  return path.empty() ? operation + ": " + message : operation + ": " + path + ": " + message;
}

DriftReport compute_drift(const spec::SpecSet& specs, const ImportResult& model) {
  DriftReport report;
  try {
    if (!model.ok()) {
      report.errors = model.errors;
      return report;
    }
    std::vector<spec::SpecError> problems;
    spec::Diagnostics diag("model", problems);
    spec::JsonReader reader(diag);
    const spec::Service model_service = spec::build_service(reader, model.service);
    const spec::Service* service = specs.find_service(model.service_name);
    for (const auto& [name, s] : specs.services) {
      if (service) break;
      if ((!s.target_prefix.empty() && s.target_prefix == model_service.target_prefix) ||
          (!s.endpoint_prefix.empty() && s.endpoint_prefix == model_service.endpoint_prefix)) {
        service = &s;
      }
    }
    if (!service) {
      report.errors.push_back("no spec service matches the model's service '" + model.service_name + "' (by name, targetPrefix or endpointPrefix)");
      return report;
    }
    report.service = service->name;
    std::vector<DriftItem>& items = report.items;
    if (service->protocol != model_service.protocol) {
      items.push_back({service->name, "binding", "", std::string("protocol is ") + spec::to_string(service->protocol) +
                                                         " in the spec, " + spec::to_string(model_service.protocol) + " in the model"});
    }
    std::set<std::string> covered;
    for (const Operation& op : specs.operations) {
      if (op.service != service->name) continue;
      auto it = std::find_if(model.operations.begin(), model.operations.end(),
                             [&](const ImportedOperation& m) { return m.name == op.name; });
      if (it == model.operations.end()) {
        items.push_back({op.id(), "operation", "", "the operation is in the spec but not in the model"});
        continue;
      }
      covered.insert(op.name);
      spec::Diagnostics op_diag("model/" + op.name, problems);
      const Operation model_op = spec::build_operation(spec::JsonReader(op_diag), it->spec);
      compare_operation(*service, op, model_op, items);
      ++report.compared;
    }
    report.model_only = model.operations.size() - covered.size();
    for (const spec::SpecError& p : problems) report.errors.push_back("the imported model is malformed: " + p.to_string());
  } catch (const std::exception& e) {
    report.errors.push_back(std::string("drift could not be computed: ") + e.what());
  }
  return report;
}

}  // namespace conform::importer
