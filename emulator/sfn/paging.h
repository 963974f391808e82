// Pages of a listing and the opaque nextToken that leads from one page to the next.
//
// A listing is a sequence of items in a fixed order; each item has a key that names it for good and
// sorts (as bytes) in listing order (an ARN, or a fixed-width number). A token records the listing it
// belongs to (the operation and every argument that must stay unchanged between pages), the key the
// next page starts at, and when it was issued, under a checksum.
//
// Promises: read_page_token() returns the start key only for a token make_page_token() made for the
// same listing less than kPageTokenLifetime before `now` (AWS: "Each pagination token expires after 24
// hours"), and nullopt for any other text; since pages start at a key, not an offset, paging never
// repeats or skips an item that stays in the listing meanwhile; tokens stay under 1024 characters for
// keys up to 400 bytes. Pure functions.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "harness/spec/model.h"

namespace conform::emulator::sfn {

constexpr double kPageTokenLifetime = 24 * 3600.0;
constexpr size_t kDefaultPageSize = 100;

// The page size maxResults asks for: 0 or absent means kDefaultPageSize.
size_t page_size(const spec::Json* max_results);

std::string make_page_token(const std::string& listing, const std::string& start_key, double now);
std::optional<std::string> read_page_token(const std::string& token, const std::string& listing, double now);

// One page of a listing whose keys, in listing order, are `keys`: items [begin, end), starting at the
// first key not before `start` (the first item when nullopt), at most `size` of them; `next_key` is the
// key of the item after the page, nullopt on the last page.
struct Slice {
  size_t begin = 0, end = 0;
  std::optional<std::string> next_key;
};
Slice slice(const std::vector<std::string>& keys, const std::optional<std::string>& start, size_t size);

// A fixed-width key for `n` that sorts like the number ("descending" sorts larger numbers first).
std::string number_key(unsigned long long n, bool descending = false);
// The number an ascending number_key() names; nullopt for any other text.
std::optional<unsigned long long> read_number_key(const std::string& key);

}  // namespace conform::emulator::sfn
