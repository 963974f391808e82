// Lambda's Marker / NextMarker / MaxItems pagination, shared by every list the backend serves.
//
// A list is a sequence of items with unique string keys, served in ascending key order or, when
// `descending`, in descending order. A marker is opaque text (base64) that names its list and the key
// of the first item of the next page, so a page boundary survives items being added or removed in
// between: the next page starts at the first item at or past that key in serving order.
//
// Promises: never throw. An empty marker means the first page; a marker this list did not issue (not
// base64, not a marker, or another list's) is answered 400 InvalidParameterValueException. A page holds
// at most `size` items (0 is treated as 1); every page but the last carries NextMarker.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "emulator/core/backend.h"

namespace conform::emulator::lambda {

struct Keyed {
  std::string key;
  Json item;
};

// `items` in serving order. `list` names the list ("functions", "executions:<name>", ...); `member` is
// the output member holding the page ("Functions", "DurableExecutions", ...).
Outcome page_answer(const std::vector<Keyed>& items, bool descending, const std::string& list,
                    const std::string& marker, size_t size, const char* member);

// Page size from a MaxItems member: absent or 0 -> `fallback`; otherwise min(value, cap). (Where the
// model allows 0, Lambda documents "a value of 0 uses the default"; elsewhere validation refuses 0.)
size_t page_size(const std::optional<int64_t>& max_items, size_t fallback, size_t cap);

// A key that sorts like the number (zero-padded to 20 digits).
std::string number_key(uint64_t n);

}  // namespace conform::emulator::lambda
