#include "harness/http/message.h"

#include <algorithm>
#include <cctype>

namespace conform::http {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (ascii_lower(a[i]) != ascii_lower(b[i]))
      return false;
  return true;
}

std::optional<std::string> Headers::get(std::string_view name) const {
  for (const auto& [k, v] : entries_)
    if (iequals(k, name)) return v;
  return std::nullopt;
}

void Headers::set(std::string_view name, std::string value) {
  remove(name);
  entries_.emplace_back(std::string(name), std::move(value));
}

void Headers::add(std::string name, std::string value) { entries_.emplace_back(std::move(name), std::move(value)); }

void Headers::remove(std::string_view name) {
  entries_.erase(std::remove_if(entries_.begin(), entries_.end(), [&](const auto& e) { return iequals(e.first, name); }),
                 entries_.end());
}

std::string percent_encode(std::string_view raw) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  out.reserve(raw.size() * 3);
  for (unsigned char c : raw) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    }
  }
  return out;
}

static int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<std::string> percent_decode(std::string_view encoded) {
  std::string out;
  out.reserve(encoded.size());
  for (size_t i = 0; i < encoded.size(); ++i) {
    if (encoded[i] != '%') {
      out.push_back(encoded[i]);
      continue;
    }
    if (i + 2 >= encoded.size()) return std::nullopt;
    int hi = hex_value(encoded[i + 1]), lo = hex_value(encoded[i + 2]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out.push_back(static_cast<char>(hi * 16 + lo));
    i += 2;
  }
  return out;
}

std::string Request::target() const {
  std::string t = path;
  char sep = '?';
  for (const auto& [k, v] : query) {
    t.push_back(sep);
    t += percent_encode(k);
    t.push_back('=');
    t += percent_encode(v);
    sep = '&';
  }
  return t;
}

std::optional<std::pair<std::string, std::vector<std::pair<std::string, std::string>>>> split_target(
    std::string_view target) {
  auto q = target.find('?');
  std::string path(target.substr(0, q));
  std::vector<std::pair<std::string, std::string>> pairs;
  if (q != std::string_view::npos) {
    std::string_view rest = target.substr(q + 1);
    while (!rest.empty()) {
      auto amp = rest.find('&');
      std::string_view part = rest.substr(0, amp);
      if (!part.empty()) {
        auto eq = part.find('=');
        auto k = percent_decode(part.substr(0, eq));
        auto v = eq == std::string_view::npos ? std::optional<std::string>("") : percent_decode(part.substr(eq + 1));
        if (!k || !v) return std::nullopt;
        pairs.emplace_back(std::move(*k), std::move(*v));
      }
      if (amp == std::string_view::npos) break;
      rest = rest.substr(amp + 1);
    }
  }
  return std::make_pair(std::move(path), std::move(pairs));
}

}  // namespace conform::http
