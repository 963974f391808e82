// Domain tags (see domain_tags.h).
#include "emulator/swf/domain_tags.h"

#include <algorithm>

#include "emulator/swf/json_access.h"

namespace conform::emulator::swf {

bool merge_tags(std::vector<Tag>& into, const Json& tags) {
  if (!tags.is_array()) return true;
  std::vector<Tag> merged = into;
  for (const Json& t : tags) {
    Tag tag{get_string(t, "key"), opt_string(t, "value")};
    auto same = std::find_if(merged.begin(), merged.end(), [&](const Tag& m) { return m.key == tag.key; });
    if (same != merged.end()) same->value = tag.value;
    else merged.push_back(std::move(tag));
  }
  if (merged.size() > kMaxDomainTags) return false;
  into = std::move(merged);
  return true;
}

void remove_tags(std::vector<Tag>& from, const Json& keys) {
  if (!keys.is_array()) return;
  for (const Json& k : keys)
    if (k.is_string())
      from.erase(std::remove_if(from.begin(), from.end(), [&](const Tag& t) { return t.key == k.get<std::string>(); }),
                 from.end());
}

Json tags_json(const std::vector<Tag>& tags) {
  Json out = Json::array();
  for (const Tag& t : tags) {
    Json j = Json{{"key", t.key}};
    if (t.value) j["value"] = *t.value;
    out.push_back(std::move(j));
  }
  return out;
}

}  // namespace conform::emulator::swf
