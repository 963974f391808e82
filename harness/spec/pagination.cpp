// Recognising an operation's paging members (see pagination.h).
#include "harness/spec/pagination.h"

#include "harness/spec/naming.h"

namespace conform::spec {

namespace {

const Member* member_named(const Shape& shape, std::initializer_list<const char*> names) {
  for (const Member& m : shape.members)
    for (const char* n : names)
      if (naming::same_name(m.name, n)) return &m;
  return nullptr;
}

}  // namespace

std::optional<Pagination> detect_pagination(const Operation& op) {
  const std::string verb = naming::verb_and_noun(op.name).first;
  if (verb != "List" && verb != "Get" && verb != "Describe") return std::nullopt;
  if (!op.output) return std::nullopt;
  const Member* in_token = member_named(op.input, {"nextToken", "nextPageToken", "marker"});
  const Member* size = member_named(op.input, {"maxResults", "maximumPageSize", "maxItems"});
  if (!in_token || !size || !size->shape) return std::nullopt;
  const Member* out_token = naming::same_name(in_token->name, "marker") ? member_named(*op.output, {"nextMarker"})
                                                                          : member_named(*op.output, {in_token->name.c_str()});
  const Member* items = nullptr;
  for (const Member& m : op.output->members)
    if (m.shape && m.shape->type == ShapeType::List) {
      items = &m;
      break;
    }
  if (!out_token || !items) return std::nullopt;
  Pagination p;
  p.input_token = in_token->name;
  p.output_token = out_token->name;
  p.page_size = size->name;
  p.items = items->name;
  if (size->shape->range && size->shape->range->max) p.max_page_size = size->shape->range->max;
  p.provenance = Provenance::Model;
  p.note = "recognised by member names: " + p.input_token + " -> " + p.output_token + ", page size " + p.page_size +
           ", items " + p.items;
  return p;
}

}  // namespace conform::spec
