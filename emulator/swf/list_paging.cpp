// List paging (see list_paging.h). Token: base64 of a seal (16 hex digits of a hash of the listing and
// the key) followed by the last key handed out; no key means "from the start". A token of another
// listing, or altered, fails the seal.
#include "emulator/swf/list_paging.h"

#include <algorithm>
#include <cstdint>
#include <numeric>

#include "emulator/core/base64.h"

namespace conform::emulator::swf {
namespace {

constexpr size_t kDefaultPageSize = 1000;
constexpr size_t kSealDigits = 16;

// The listing a token belongs to: the operation, the direction and every argument but the paging ones.
std::string listing_scope(const ListRequest& r, bool descending) {
  Json args = r.input.is_object() ? r.input : Json::object();
  args.erase("nextPageToken");
  args.erase("maximumPageSize");
  args.erase("reverseOrder");
  return r.operation + (descending ? "\n<\n" : "\n>\n") + args.dump();
}

// 16 hex digits of FNV-1a over the scope and the key: binds the token to both.
std::string seal(const std::string& scope, const std::string& last_key) {
  uint64_t h = 1469598103934665603ull;
  auto mix = [&h](unsigned char ch) {
    h ^= ch;
    h *= 1099511628211ull;
  };
  for (unsigned char ch : scope) mix(ch);
  mix(0);
  for (unsigned char ch : last_key) mix(ch);
  static const char kHex[] = "0123456789abcdef";
  std::string out(kSealDigits, '0');
  for (size_t i = 0; i < kSealDigits; ++i) out[kSealDigits - 1 - i] = kHex[(h >> (4 * i)) & 15];
  return out;
}

std::string make_token(const std::string& scope, const std::string& last_key) {
  return base64_encode(seal(scope, last_key) + last_key);
}

// The last key a token names ("" = from the start), if the token was issued for this listing.
std::optional<std::string> token_position(const std::string& token, const std::string& scope) {
  auto payload = base64_decode(token);
  if (!payload || payload->size() < kSealDigits) return std::nullopt;
  std::string key = payload->substr(kSealDigits);
  if (payload->compare(0, kSealDigits, seal(scope, key)) != 0) return std::nullopt;
  return key;
}

}  // namespace

std::optional<PageSlice> page_of(const std::vector<std::string>& keys, const ListRequest& request) {
  bool descending = request.descending_by_default != get_bool(request.input, "reverseOrder");
  std::string scope = listing_scope(request, descending);
  std::string after;
  if (auto token = opt_string(request.input, "nextPageToken"); token && !token->empty()) {
    auto position = token_position(*token, scope);
    if (!position) return std::nullopt;
    after = *position;
  }
  size_t size = kDefaultPageSize;
  if (auto requested = opt_integer(request.input, "maximumPageSize"); requested && *requested > 0)
    size = static_cast<size_t>(*requested);

  auto before = [&](size_t a, size_t b) { return descending ? keys[b] < keys[a] : keys[a] < keys[b]; };
  std::vector<size_t> order(keys.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::sort(order.begin(), order.end(), before);
  auto first = order.begin();
  if (!after.empty())
    first = std::find_if(order.begin(), order.end(),
                         [&](size_t i) { return descending ? keys[i] < after : after < keys[i]; });

  PageSlice page;
  auto end = first + static_cast<std::ptrdiff_t>(std::min(size, static_cast<size_t>(order.end() - first)));
  page.indices.assign(first, end);
  if (end != order.end()) page.next_token = make_token(scope, keys[page.indices.back()]);
  else if (request.never_ends) page.next_token = make_token(scope, "");
  return page;
}

}  // namespace conform::emulator::swf
