// TagResource, UntagResource, ListTagsForResource: tags of a domain named by its ARN (the only SWF
// resource with tags). An ARN that names no domain of this region and account is UnknownResourceFault.
#include "emulator/swf/catalog.h"
#include "emulator/swf/domain_tags.h"
#include "emulator/swf/json_access.h"
#include "emulator/swf/messages.h"
#include "emulator/swf/ops.h"

namespace conform::emulator::swf {
namespace {

struct DomainByArn {
  Domain* domain = nullptr;
  std::optional<Outcome> answer;
};

DomainByArn find_by_arn(Context& c) {
  std::string arn = get_string(c.in(), "resourceArn");
  std::string prefix = domain_arn(c.call, "");
  DomainByArn r;
  if (arn.compare(0, prefix.size(), prefix) == 0) {
    auto it = c.store.domains.find(arn.substr(prefix.size()));
    if (it != c.store.domains.end()) r.domain = &it->second;
  }
  if (!r.domain) r.answer = Outcome::error(msg::kUnknownResource, msg::unknown_resource(arn));
  return r;
}

}  // namespace

Outcome tag_resource(Context& c) {
  DomainByArn r = find_by_arn(c);
  if (r.answer) return *r.answer;
  if (!merge_tags(r.domain->tags, member(c.in(), "tags"))) return Outcome::error(msg::kTooManyTags, r.domain->name);
  return Outcome::ok();
}

Outcome untag_resource(Context& c) {
  DomainByArn r = find_by_arn(c);
  if (r.answer) return *r.answer;
  remove_tags(r.domain->tags, member(c.in(), "tagKeys"));
  return Outcome::ok();
}

Outcome list_tags_for_resource(Context& c) {
  DomainByArn r = find_by_arn(c);
  if (r.answer) return *r.answer;
  return Outcome::ok(Json{{"tags", tags_json(r.domain->tags)}});
}

}  // namespace conform::emulator::swf
