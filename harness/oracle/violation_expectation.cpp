#include "harness/oracle/violation_expectation.h"

#include "harness/oracle/check_support.h"

namespace conform::oracle {

namespace {

const spec::Member* member_at(const spec::Shape& root, const std::string& path) {
  const spec::Shape* shape = &root;
  const spec::Member* m = nullptr;
  size_t i = 0;
  while (i <= path.size()) {
    size_t dot = path.find('.', i);
    std::string key = path.substr(i, dot == std::string::npos ? std::string::npos : dot - i);
    m = shape ? shape->find_member(key) : nullptr;
    if (!m) return nullptr;
    if (dot == std::string::npos) return m;
    shape = m->shape.get();
    i = dot + 1;
  }
  return m;
}

}  // namespace

ViolationExpected expect_for_violation(const Scope& scope, const Json& c, fixture::Variables vars) {
  ViolationExpected out;
  const std::string situation_name = c.value("situation", "");
  const std::string member = c.value("member", "");
  const std::string path = c.value("path", member);
  const std::string tkey = c.value("template", "");
  const bool sensitive = c.value("sensitive", false);
  auto situation = spec::situation_from_string(situation_name).value_or(spec::Situation::MissingRequired);

  // Probe facts.
  const Json value = c.contains("value") ? c["value"] : Json(nullptr);
  vars = with_probe(std::move(vars), value);
  vars.set("path", printed_path(scope.service, path));
  vars.set("count", 1);
  const spec::Member* m = member_at(scope.op.input, path);
  if (m && m->shape) {
    const spec::Shape& s = *m->shape;
    if (tkey == "lengthMin" && s.length && s.length->min) vars.set("min", *s.length->min);
    if (tkey == "lengthMax" && s.length && s.length->max) vars.set("max", *s.length->max);
    if (tkey == "rangeMin" && s.range && s.range->min) vars.set("min", *s.range->min);
    if (tkey == "rangeMax" && s.range && s.range->max) vars.set("max", *s.range->max);
    if (s.pattern) vars.set("pattern", s.pattern_text.value_or(*s.pattern));
  }
  out.vars = vars;

  if (const spec::Rule* r = rule_for(scope.op, situation, member)) {
    out.rule = r->id;
    out.expected = Expected::from(r->expect);
    out.from_rule = true;
    return out;
  }
  out.rule = situation_name + ":" + path;
  const spec::ValidationStyle& style = scope.service.validation;
  auto tmpl = style.templates.find(sensitive ? tkey + ".sensitive" : tkey);
  if (tmpl == style.templates.end()) tmpl = style.templates.find(tkey);
  if (tmpl == style.templates.end()) {
    out.known = false;
    return out;
  }
  out.expected.error = style.error;
  const spec::ErrorSpec* err = scope.specs.find_error(scope.op, style.error);
  out.expected.status = err ? err->status : 400;
  out.expected.provenance = style.provenance;
  out.expected.message = style.header_one + tmpl->second.text;
  // The message is as certain as the weaker of the style and the template.
  out.expected.message_provenance = spec::is_hard(style.provenance) ? tmpl->second.provenance : style.provenance;
  return out;
}

}  // namespace conform::oracle
