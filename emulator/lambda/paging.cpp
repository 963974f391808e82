#include "emulator/lambda/paging.h"

#include <algorithm>
#include <cstdio>

#include "emulator/core/base64.h"
#include "emulator/lambda/support.h"

namespace conform::emulator::lambda {
namespace {

constexpr const char* kMagic = "conform-lambda-marker/1\n";

std::string encode_marker(const std::string& list, const std::string& key) {
  return base64_encode(std::string(kMagic) + list + "\n" + key);
}

std::optional<std::string> decode_marker(const std::string& list, const std::string& marker) {
  auto text = base64_decode(marker);
  if (!text) return std::nullopt;
  const std::string head = std::string(kMagic) + list + "\n";
  if (text->size() < head.size() || text->compare(0, head.size(), head) != 0) return std::nullopt;
  return text->substr(head.size());
}

}  // namespace

Outcome page_answer(const std::vector<Keyed>& items, bool descending, const std::string& list,
                    const std::string& marker, size_t size, const char* member) {
  size = std::max<size_t>(size, 1);
  size_t begin = 0;
  if (!marker.empty()) {
    auto key = decode_marker(list, marker);
    if (!key) return invalid_parameter("Invalid Marker: " + marker);  // emulator wording
    auto reached = [&](const Keyed& i) { return descending ? i.key <= *key : i.key >= *key; };
    begin = static_cast<size_t>(std::find_if(items.begin(), items.end(), reached) - items.begin());
  }
  size_t end = std::min(items.size(), begin + size);
  Json out = Json::object();
  out[member] = Json::array();
  for (size_t i = begin; i < end; ++i) out[member].push_back(items[i].item);
  if (end < items.size()) out["NextMarker"] = encode_marker(list, items[end].key);
  return Outcome::ok(out);
}

size_t page_size(const std::optional<int64_t>& max_items, size_t fallback, size_t cap) {
  if (!max_items || *max_items <= 0) return fallback;
  return std::min(static_cast<size_t>(*max_items), cap);
}

std::string number_key(uint64_t n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%020llu", static_cast<unsigned long long>(n));
  return buf;
}

}  // namespace conform::emulator::lambda
