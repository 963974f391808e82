// Tags of an SWF domain (RegisterDomain's tags, TagResource, UntagResource, ListTagsForResource).
//
// Promises: keys are unique; tagging an existing key replaces its value in place, new keys are added in
// order; merge_tags changes nothing and answers false when the result would exceed the documented
// maximum of 50 tags per resource; removing a key that is not there is no error.
#pragma once

#include <vector>

#include "emulator/swf/records.h"

namespace conform::emulator::swf {

inline constexpr size_t kMaxDomainTags = 50;

// `tags`: a ResourceTagList ([{key, value?}]); anything else adds nothing.
bool merge_tags(std::vector<Tag>& into, const Json& tags);
// `keys`: a ResourceTagKeyList.
void remove_tags(std::vector<Tag>& from, const Json& keys);
Json tags_json(const std::vector<Tag>& tags);

}  // namespace conform::emulator::swf
