// A hand-made operation exercising every constraint kind (strings with length/pattern/enum/format,
// numbers with ranges, lists, nested structures, a sensitive member), for generator tests.
#pragma once

#include <memory>

#include "harness/spec/model.h"

inline conform::spec::ShapePtr shape_of(conform::spec::Shape s) { return std::make_shared<const conform::spec::Shape>(std::move(s)); }

inline conform::spec::Member member_of(std::string name, conform::spec::Shape s, bool required = false) {
  conform::spec::Member m;
  m.name = std::move(name);
  m.location_name = m.name;
  m.shape = shape_of(std::move(s));
  m.required = required;
  return m;
}

inline conform::spec::Operation every_constraint_operation() {
  using namespace conform::spec;
  Operation op;
  op.service = "test";
  op.name = "Everything";
  op.input.type = ShapeType::Structure;
  Shape token;
  token.length = Range{1, 64};
  token.pattern = "[a-zA-Z0-9_-]+";
  Shape secret;
  secret.length = Range{0, 32};
  secret.sensitive = true;
  Shape mode;
  mode.enum_values = {"FAST", "SLOW"};
  Shape doc;
  doc.length = Range{0, 100};
  doc.format = "json";
  Shape count;
  count.type = ShapeType::Integer;
  count.range = Range{1, 10};
  Shape name;
  name.length = Range{2, 8};
  Shape tags;
  tags.type = ShapeType::List;
  tags.length = Range{0, 3};
  tags.element = shape_of(name);
  Shape inner;
  inner.type = ShapeType::Structure;
  inner.members.push_back(member_of("label", name, true));
  inner.members.push_back(member_of("weight", count));
  op.input.members = {member_of("token", token, true), member_of("secret", secret), member_of("mode", mode),
                      member_of("doc", doc),         member_of("count", count),   member_of("tags", tags),
                      member_of("inner", inner)};
  return op;
}
