// Field value helpers (field_values.h).
#include "harness/http/field_values.h"

#include "harness/http/message.h"

namespace conform::http {

std::string_view trim_ows(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::optional<std::string> joined_field(const Headers& headers, std::string_view name) {
  std::optional<std::string> out;
  for (const auto& [k, v] : headers.all()) {
    if (!iequals(k, name)) continue;
    if (out) *out += ", ";
    else out.emplace();
    *out += v;
  }
  return out;
}

std::string_view last_token(std::string_view list) {
  size_t comma = list.rfind(',');
  return trim_ows(comma == std::string_view::npos ? list : list.substr(comma + 1));
}

bool has_token(std::string_view list, std::string_view token) {
  while (!list.empty()) {
    size_t comma = list.find(',');
    if (iequals(trim_ows(list.substr(0, comma)), token)) return true;
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return false;
}

std::optional<uint64_t> parse_length(std::string_view text, int base) {
  text = trim_ows(text);
  if (text.empty() || text.size() > 16) return std::nullopt;
  uint64_t v = 0;
  for (char c : text) {
    int d;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (base == 16 && c >= 'a' && c <= 'f') d = c - 'a' + 10;
    else if (base == 16 && c >= 'A' && c <= 'F') d = c - 'A' + 10;
    else return std::nullopt;
    v = v * static_cast<uint64_t>(base) + static_cast<uint64_t>(d);
  }
  return v;
}

std::optional<uint64_t> parse_chunk_size(std::string_view line) {
  return parse_length(line.substr(0, line.find(';')), 16);
}

bool connection_persists(const Headers& headers, bool http10) {
  auto connection = joined_field(headers, "Connection");
  return http10 ? connection && has_token(*connection, "keep-alive") : !(connection && has_token(*connection, "close"));
}

}  // namespace conform::http
