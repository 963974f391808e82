// Tag lists (see tags.h).
#include "emulator/sfn/tags.h"

#include <algorithm>

namespace conform::emulator::sfn {
namespace {

Tag* find_tag(Tags& tags, const std::string& key) {
  auto it = std::find_if(tags.begin(), tags.end(), [&](const Tag& t) { return t.key == key; });
  return it == tags.end() ? nullptr : &*it;
}

}  // namespace

bool merge_tags(Tags& tags, const Json& tag_list) {
  if (!tag_list.is_array()) return true;
  Tags merged = tags;
  for (const Json& entry : tag_list) {
    if (!entry.is_object() || !entry.contains("key") || !entry["key"].is_string()) continue;
    std::string key = entry["key"].get<std::string>();
    std::string value = entry.contains("value") && entry["value"].is_string() ? entry["value"].get<std::string>() : "";
    if (Tag* existing = find_tag(merged, key)) existing->value = value;
    else merged.push_back(Tag{key, value});
  }
  if (merged.size() > kMaxTags) return false;
  tags = std::move(merged);
  return true;
}

void remove_tags(Tags& tags, const Json& tag_keys) {
  if (!tag_keys.is_array()) return;
  tags.erase(std::remove_if(tags.begin(), tags.end(),
                            [&](const Tag& t) {
                              return std::any_of(tag_keys.begin(), tag_keys.end(),
                                                 [&](const Json& k) { return k.is_string() && k == t.key; });
                            }),
             tags.end());
}

Json tags_json(const Tags& tags) {
  Json out = Json::array();
  for (const Tag& t : tags) out.push_back({{"key", t.key}, {"value", t.value}});
  return out;
}

}  // namespace conform::emulator::sfn
