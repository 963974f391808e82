// Pages of the SWF list operations (ListDomains, List{Activity,Workflow}Types,
// List{Open,Closed}WorkflowExecutions): each listed item has a sort key; a page is the next
// `maximumPageSize` items (0 or absent = 1000) after the token's position, in ascending key order or,
// for a descending listing, descending; `reverseOrder` flips the operation's default order.
//
// Promises: keyset paging, so following the tokens of an unchanged listing yields every item exactly
// once in order, and items added or removed between pages never make another item repeat or vanish;
// the last page has no nextPageToken (unless `never_ends`, the planted fault: the last page then hands
// out a token that starts the listing again). A token is opaque, at most 2048 characters for keys of
// up to 1400 bytes, and accepted only by the same operation with the same other arguments (the page
// size may change); anything else is invalid (nullopt).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "emulator/swf/json_access.h"

namespace conform::emulator::swf {

struct ListRequest {
  std::string operation;             // the operation's name: tokens do not cross operations
  const Json& input;                 // the request (nextPageToken, maximumPageSize, reverseOrder, filters)
  bool descending_by_default = false;
  bool never_ends = false;           // planted fault swf-pagination-never-ends
};

struct PageSlice {
  std::vector<size_t> indices;  // positions in `keys` of this page's items, in page order
  std::optional<std::string> next_token;
};

// nullopt: the request's nextPageToken is not one this listing issued. `keys` need not be sorted but
// must be unique.
std::optional<PageSlice> page_of(const std::vector<std::string>& keys, const ListRequest& request);

}  // namespace conform::emulator::swf
