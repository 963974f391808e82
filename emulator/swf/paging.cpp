// History paging (see paging.h). Token: "p<offset>.<hex of the execution key>".
#include "emulator/swf/paging.h"

#include "emulator/swf/json_access.h"

namespace conform::emulator::swf {
namespace {

constexpr size_t kDefaultPageSize = 1000;

std::string to_hex(const std::string& s) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char ch : s) {
    out += kHex[ch >> 4];
    out += kHex[ch & 15];
  }
  return out;
}

std::optional<std::string> from_hex(const std::string& s) {
  if (s.size() % 2) return std::nullopt;
  auto val = [](char ch) -> int {
    if (ch >= '0' && ch <= '9') return ch - '0';
    if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
    return -1;
  };
  std::string out;
  for (size_t i = 0; i < s.size(); i += 2) {
    int hi = val(s[i]), lo = val(s[i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out += static_cast<char>(hi * 16 + lo);
  }
  return out;
}

struct Decoded {
  size_t offset = 0;
  std::string key;
};

std::optional<Decoded> decode(const std::string& token) {
  if (token.size() < 3 || token[0] != 'p') return std::nullopt;
  size_t dot = token.find('.');
  if (dot == std::string::npos || dot == 1 || dot > 12) return std::nullopt;
  Decoded d;
  for (size_t i = 1; i < dot; ++i) {
    if (token[i] < '0' || token[i] > '9') return std::nullopt;
    d.offset = d.offset * 10 + static_cast<size_t>(token[i] - '0');
  }
  auto key = from_hex(token.substr(dot + 1));
  if (!key) return std::nullopt;
  d.key = *key;
  return d;
}

}  // namespace

std::optional<std::string> page_token_execution(const std::string& token) {
  auto d = decode(token);
  if (!d) return std::nullopt;
  return d->key;
}

std::optional<Page> page_events(const History& history, const Json& input, const std::string& execution_key) {
  size_t offset = 0;
  if (auto token = opt_string(input, "nextPageToken"); token && !token->empty()) {
    auto d = decode(*token);
    if (!d || d->key != execution_key) return std::nullopt;
    offset = d->offset;
  }
  size_t size = kDefaultPageSize;
  if (auto requested = opt_integer(input, "maximumPageSize"); requested && *requested > 0)
    size = static_cast<size_t>(*requested);
  bool reverse = get_bool(input, "reverseOrder");
  const auto& events = history.events();
  Page page;
  size_t total = events.size();
  for (size_t i = offset; i < total && i - offset < size; ++i)
    page.events.push_back(reverse ? events[total - 1 - i] : events[i]);
  if (offset + size < total) page.next_token = "p" + std::to_string(offset + size) + "." + to_hex(execution_key);
  return page;
}

}  // namespace conform::emulator::swf
