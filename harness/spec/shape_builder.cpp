// Members and shapes from spec JSON (see shape_builder.h).
#include "harness/spec/shape_builder.h"

#include <regex>

#include "harness/spec/json_pointer.h"
#include "harness/spec/suggest.h"

namespace conform::spec {

namespace {

constexpr size_t kMaxPattern = 2000;

const std::vector<std::string>& type_names() {
  static const std::vector<std::string> names = {"string", "integer", "long", "double", "boolean",
                                                 "timestamp", "blob", "structure", "list", "map"};
  return names;
}

std::optional<Range> read_range(const JsonReader& r, const Json& entry, const std::string& key,
                                const std::string& ptr, bool non_negative) {
  const Json* obj = r.object(entry, key, ptr);
  if (!obj) return std::nullopt;
  const std::string at = pointer_append(ptr, key);
  Range range{r.integer(*obj, "min", at), r.integer(*obj, "max", at)};
  if (range.min && range.max && *range.min > *range.max) {
    r.diag().add(at, key + " min " + std::to_string(*range.min) + " is greater than max " + std::to_string(*range.max));
  }
  if (non_negative && range.min && *range.min < 0) {
    r.diag().add(pointer_append(at, "min"), "a length cannot be negative (" + std::to_string(*range.min) + ")");
  }
  if (non_negative && range.max && *range.max < 0) {
    r.diag().add(pointer_append(at, "max"), "a length cannot be negative (" + std::to_string(*range.max) + ")");
  }
  return range;
}

bool is_string_like(ShapeType t) { return t == ShapeType::String; }
bool has_length(ShapeType t) {
  return t == ShapeType::String || t == ShapeType::Blob || t == ShapeType::List || t == ShapeType::Map;
}
bool is_number(ShapeType t) { return t == ShapeType::Integer || t == ShapeType::Long || t == ShapeType::Double; }

}  // namespace

std::string pattern_problem(const std::string& pattern) {
  if (pattern.size() > kMaxPattern) {
    return "the pattern is " + std::to_string(pattern.size()) + " characters long; at most " +
           std::to_string(kMaxPattern) + " are allowed";
  }
  try {
    std::regex re(pattern, std::regex::ECMAScript);
    return "";
  } catch (const std::regex_error& e) {
    return std::string("the pattern is not a valid ECMAScript regular expression: ") + e.what();
  } catch (const std::exception& e) {
    return std::string("the pattern could not be compiled: ") + e.what();
  }
}

ShapePtr build_shape(const JsonReader& r, const Json& entry, const std::string& ptr) {
  auto shape = std::make_shared<Shape>();
  if (!entry.is_object()) {
    r.diag().add(ptr, std::string("a member must be an object, found ") + entry.type_name());
    return shape;
  }
  const std::string type = r.string_or(entry, "type", ptr, "string");
  if (auto t = shape_type_from_string(type)) {
    shape->type = *t;
  } else {
    r.diag().add(pointer_append(ptr, "type"), "unknown member type '" + type + "'" + did_you_mean(type, type_names()) +
                                                  "; expected one of: " + join_names(type_names()));
  }
  const ShapeType t = shape->type;
  shape->length = read_range(r, entry, "length", ptr, true);
  shape->range = read_range(r, entry, "range", ptr, false);
  shape->pattern = r.string(entry, "pattern", ptr);
  shape->pattern_text = r.string(entry, "patternText", ptr);
  shape->enum_values = r.strings(entry, "enum", ptr);
  shape->format = r.string(entry, "format", ptr);
  shape->sensitive = r.boolean_or(entry, "sensitive", ptr, false);

  if (shape->length && !has_length(t)) {
    r.diag().add(pointer_append(ptr, "length"), "length applies to string, blob, list and map members, not " + type);
  }
  if (shape->range && !is_number(t)) {
    r.diag().add(pointer_append(ptr, "range"), "range applies to integer, long and double members, not " + type);
  }
  if (shape->pattern) {
    if (!is_string_like(t)) r.diag().add(pointer_append(ptr, "pattern"), "pattern applies to string members, not " + type);
    std::string problem = pattern_problem(*shape->pattern);
    if (!problem.empty()) r.diag().add(pointer_append(ptr, "pattern"), problem);
    if (!shape->pattern_text) shape->pattern_text = shape->pattern;
  } else if (shape->pattern_text) {
    r.diag().add(pointer_append(ptr, "patternText"), "patternText is given but there is no pattern");
  }
  if (!shape->enum_values.empty() && !is_string_like(t)) {
    r.diag().add(pointer_append(ptr, "enum"), "enum applies to string members, not " + type);
  }
  if (shape->format) {
    if (*shape->format != "json") {
      r.diag().add(pointer_append(ptr, "format"), "unknown format '" + *shape->format + "'; the only format is 'json'");
    } else if (!is_string_like(t)) {
      r.diag().add(pointer_append(ptr, "format"), "format applies to string members, not " + type);
    }
  }

  if (const Json* members = r.object(entry, "members", ptr)) {
    if (t != ShapeType::Structure) {
      r.diag().add(pointer_append(ptr, "members"), "members apply to structure members, not " + type);
    }
    const std::string at = pointer_append(ptr, "members");
    for (auto it = members->begin(); it != members->end(); ++it) {
      shape->members.push_back(build_member(r, it.key(), it.value(), pointer_append(at, it.key()), false));
    }
  }
  if (const Json* element = r.find(entry, "element"); element && !element->is_null()) {
    if (t != ShapeType::List && t != ShapeType::Map) {
      r.diag().add(pointer_append(ptr, "element"), "element applies to list and map members, not " + type);
    }
    shape->element = build_shape(r, *element, pointer_append(ptr, "element"));
  } else if (t == ShapeType::List || t == ShapeType::Map) {
    r.diag().add(ptr, "a " + type + " member needs an 'element' describing its " + (t == ShapeType::List ? "elements" : "values"));
  }
  return shape;
}

Member build_member(const JsonReader& r, const std::string& name, const Json& entry, const std::string& ptr,
                    bool top_level) {
  Member m;
  m.name = name;
  m.shape = build_shape(r, entry, ptr);
  m.required = r.boolean_or(entry, "required", ptr, false);
  m.provenance = r.provenance_or(entry, "provenance", ptr, Provenance::Model);
  m.documentation = r.string_or(entry, "documentation", ptr, "");
  const std::string location = r.string_or(entry, "location", ptr, "body");
  static const std::vector<std::string> locations = {"body", "payload", "uri", "header", "query"};
  bool found = false;
  for (Location l : {Location::Body, Location::Payload, Location::Uri, Location::Header, Location::Query}) {
    if (location == to_string(l)) {
      m.location = l;
      found = true;
    }
  }
  if (!found) {
    r.diag().add(pointer_append(ptr, "location"), "unknown location '" + location + "'" + did_you_mean(location, locations) +
                                                      "; expected one of: " + join_names(locations));
  }
  if (!top_level && m.location != Location::Body) {
    r.diag().add(pointer_append(ptr, "location"), "only top-level input members can have a location");
  }
  m.location_name = r.string_or(entry, "locationName", ptr, name);
  return m;
}

Shape build_structure(const JsonReader& r, const Json& holder, const std::string& ptr) {
  Shape shape;
  shape.type = ShapeType::Structure;
  if (!holder.is_object()) {
    r.diag().add(ptr, std::string("expected an object with \"members\", found ") + holder.type_name());
    return shape;
  }
  const Json* members = r.object(holder, "members", ptr);
  if (!members) return shape;
  const std::string at = pointer_append(ptr, "members");
  for (auto it = members->begin(); it != members->end(); ++it) {
    shape.members.push_back(build_member(r, it.key(), it.value(), pointer_append(at, it.key()), true));
  }
  return shape;
}

}  // namespace conform::spec
