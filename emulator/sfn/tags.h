// Tags of activities and state machines: merging a TagList into a resource's tags, removing keys,
// and the TagList the API answers.
//
// Promises: merge_tags() applies the whole list or nothing: when the result would hold more than
// kMaxTags keys it returns false and leaves `tags` unchanged; a later entry for a key already present
// replaces its value in place; entries without a key are ignored. Pure functions on plain data.
#pragma once

#include <cstddef>
#include <string>

#include "emulator/sfn/store.h"

namespace conform::emulator::sfn {

constexpr size_t kMaxTags = 50;  // per resource (Step Functions quotas)

bool merge_tags(Tags& tags, const Json& tag_list);
void remove_tags(Tags& tags, const Json& tag_keys);
Json tags_json(const Tags& tags);

}  // namespace conform::emulator::sfn
