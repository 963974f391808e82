// Parsing of HTTP field values shared by Conform's HTTP client and the emulator's server: optional
// whitespace, comma-separated token lists, and lengths (Content-Length, chunk sizes).
//
// Promises: trim_ows() removes spaces and tabs at both ends (and a trailing CR a line reader left);
// has_token() compares list members case-insensitively; joined_field() keeps the fields' order;
// parse_length() accepts only digits of `base`
// (10 or 16), at most 16 of them, so the value never overflows; no exceptions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace conform::http {

class Headers;

std::string_view trim_ows(std::string_view s);
// Every field called `name` joined by ", " (a list may be split over several fields); nullopt if none.
std::optional<std::string> joined_field(const Headers& headers, std::string_view name);
// The last member of a comma-separated list, trimmed ("gzip, chunked" -> "chunked").
std::string_view last_token(std::string_view list);
bool has_token(std::string_view list, std::string_view token);
std::optional<uint64_t> parse_length(std::string_view text, int base);
// The size on a chunk-size line of chunked coding ("1a;ext=x" -> 26): hex, extensions ignored.
std::optional<uint64_t> parse_chunk_size(std::string_view line);
// Whether the connection stays open after this message (RFC 9112 9.3): HTTP/1.1 unless Connection
// lists "close"; HTTP/1.0 only when it lists "keep-alive". Every Connection field counts.
bool connection_persists(const Headers& headers, bool http10);

}  // namespace conform::http
