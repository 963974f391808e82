// Names and look-ups of the spec model (see model.h).
#include "harness/spec/model.h"

#include <algorithm>
#include <utility>

namespace conform::spec {

namespace {

template <typename E, size_t N>
std::optional<E> lookup(const std::pair<E, const char*> (&table)[N], const std::string& s) {
  for (const auto& [value, name] : table) {
    if (s == name) return value;
  }
  return std::nullopt;
}

template <typename E, size_t N>
const char* name_of(const std::pair<E, const char*> (&table)[N], E e) {
  for (const auto& [value, name] : table) {
    if (value == e) return name;
  }
  return "?";
}

const std::pair<Provenance, const char*> kProvenances[] = {
    {Provenance::Model, "model"},         {Provenance::Documented, "documented"},
    {Provenance::Measured, "measured"},   {Provenance::Emulator, "emulator"},
    {Provenance::Inferred, "inferred"},
};

const std::pair<Protocol, const char*> kProtocols[] = {
    {Protocol::AwsJson1_0, "awsJson1_0"},
    {Protocol::RestJson1, "restJson1"},
};

const std::pair<ShapeType, const char*> kShapeTypes[] = {
    {ShapeType::String, "string"},       {ShapeType::Integer, "integer"},     {ShapeType::Long, "long"},
    {ShapeType::Double, "double"},       {ShapeType::Boolean, "boolean"},     {ShapeType::Timestamp, "timestamp"},
    {ShapeType::Blob, "blob"},           {ShapeType::Structure, "structure"}, {ShapeType::List, "list"},
    {ShapeType::Map, "map"},
};

const std::pair<Location, const char*> kLocations[] = {
    {Location::Body, "body"},     {Location::Payload, "payload"}, {Location::Uri, "uri"},
    {Location::Header, "header"}, {Location::Query, "query"},
};

const std::pair<Situation, const char*> kSituations[] = {
    {Situation::Valid, "valid"},
    {Situation::Closed, "closed"},
    {Situation::TimedOut, "timed-out"},
    {Situation::UnknownResource, "unknown-resource"},
    {Situation::MalformedIdentifier, "malformed-identifier"},
    {Situation::MissingRequired, "missing-required"},
    {Situation::LengthBelowMin, "length-below-min"},
    {Situation::LengthAboveMax, "length-above-max"},
    {Situation::PatternMismatch, "pattern-mismatch"},
    {Situation::EnumMismatch, "enum-mismatch"},
    {Situation::RangeViolation, "range-violation"},
    {Situation::WrongType, "wrong-type"},
    {Situation::MalformedJson, "malformed-json"},
    {Situation::BodyNotObject, "body-not-object"},
    {Situation::WrongContentType, "wrong-content-type"},
    {Situation::UnknownOperation, "unknown-operation"},
    {Situation::TargetCaseMismatch, "target-case-mismatch"},
    {Situation::UnencodedLabel, "unencoded-label"},
};

}  // namespace

bool is_hard(Provenance p) {
  return p == Provenance::Model || p == Provenance::Documented || p == Provenance::Measured;
}
const char* to_string(Provenance p) { return name_of(kProvenances, p); }
std::optional<Provenance> provenance_from_string(const std::string& s) { return lookup(kProvenances, s); }

const char* to_string(Protocol p) { return name_of(kProtocols, p); }

const char* to_string(ShapeType t) { return name_of(kShapeTypes, t); }
std::optional<ShapeType> shape_type_from_string(const std::string& s) { return lookup(kShapeTypes, s); }

const char* to_string(Location l) { return name_of(kLocations, l); }

const char* to_string(Situation s) { return name_of(kSituations, s); }
std::optional<Situation> situation_from_string(const std::string& s) { return lookup(kSituations, s); }

bool is_constraint_situation(Situation s) {
  switch (s) {
    case Situation::MissingRequired:
    case Situation::LengthBelowMin:
    case Situation::LengthAboveMax:
    case Situation::PatternMismatch:
    case Situation::EnumMismatch:
    case Situation::RangeViolation:
    case Situation::WrongType:
      return true;
    default:
      return false;
  }
}

bool is_protocol_situation(Situation s) {
  switch (s) {
    case Situation::MalformedJson:
    case Situation::BodyNotObject:
    case Situation::WrongContentType:
    case Situation::UnknownOperation:
    case Situation::TargetCaseMismatch:
    case Situation::UnencodedLabel:
      return true;
    default:
      return false;
  }
}

const Member* Shape::find_member(const std::string& name) const {
  for (const Member& m : members) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

const ErrorSpec* Operation::find_error(const std::string& name) const {
  for (const ErrorSpec& e : errors) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

std::vector<const Rule*> Operation::rules_for(Situation s) const {
  std::vector<const Rule*> out;
  for (const Rule& r : rules) {
    if (r.situation == s) out.push_back(&r);
  }
  return out;
}

const ErrorSpec* Service::find_common_error(const std::string& name) const {
  for (const ErrorSpec& e : common_errors) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

const Service* SpecSet::find_service(const std::string& name) const {
  auto it = services.find(name);
  return it == services.end() ? nullptr : &it->second;
}

const Operation* SpecSet::find_operation(const std::string& service, const std::string& name) const {
  return find_operation(service + "." + name);
}

const Operation* SpecSet::find_operation(const std::string& id) const {
  for (const Operation& op : operations) {
    if (op.id() == id) return &op;
  }
  return nullptr;
}

const ErrorSpec* SpecSet::find_error(const Operation& op, const std::string& name) const {
  if (const ErrorSpec* e = op.find_error(name)) return e;
  const Service* service = find_service(op.service);
  return service ? service->find_common_error(name) : nullptr;
}

std::vector<const Operation*> SpecSet::operations_on_fixture(const std::string& service,
                                                             const std::string& fixture) const {
  std::vector<const Operation*> out;
  for (const Operation& op : operations) {
    if (op.service == service && op.lifecycle && op.lifecycle->fixture == fixture) out.push_back(&op);
  }
  return out;
}

}  // namespace conform::spec
