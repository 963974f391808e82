// The answer of an SWF list operation: the page of the listed items the request asks for (see
// list_paging.h), as {"<list member>": [...], "nextPageToken"?}.
//
// Promises: items are given with unique sort keys in any order; an invalid nextPageToken is answered
// ValidationException "Invalid nextPageToken"; the planted fault swf-pagination-never-ends applies here.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "emulator/swf/list_paging.h"
#include "emulator/swf/messages.h"
#include "emulator/swf/ops.h"

namespace conform::emulator::swf {

template <typename Item, typename ToJson>
Outcome listing(Context& c, const std::vector<std::pair<std::string, Item>>& items, const char* list_member,
                bool descending_by_default, ToJson to_json) {
  std::vector<std::string> keys;
  keys.reserve(items.size());
  for (const auto& item : items) keys.push_back(item.first);
  ListRequest request{c.call.op.name, c.in(), descending_by_default, c.fault(Fault::SwfPaginationNeverEnds)};
  auto page = page_of(keys, request);
  if (!page) return Outcome::error(msg::kValidation, msg::kInvalidPageToken);
  Json out = Json::object();
  out[list_member] = Json::array();
  for (size_t i : page->indices) out[list_member].push_back(to_json(items[i].second));
  if (page->next_token) out["nextPageToken"] = *page->next_token;
  return Outcome::ok(std::move(out));
}

}  // namespace conform::emulator::swf
