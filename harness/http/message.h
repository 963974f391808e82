// HTTP messages as Conform sees them, independent of any HTTP library.
//
// Promises: header names compare case-insensitively and keep their insertion order; `path` is the raw,
// still percent-encoded path (no query); `query` holds decoded key/value pairs in order. The same types
// carry a request from the codec to the transport, into the emulator, and into reports.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace conform::http {

class Headers {
 public:
  // Returns the first value of `name` (case-insensitive), or nullopt.
  std::optional<std::string> get(std::string_view name) const;
  bool has(std::string_view name) const { return get(name).has_value(); }
  // Replaces every header called `name` by one with `value`.
  void set(std::string_view name, std::string value);
  // Appends without removing earlier ones (repeated headers).
  void add(std::string name, std::string value);
  void remove(std::string_view name);
  const std::vector<std::pair<std::string, std::string>>& all() const { return entries_; }
  bool empty() const { return entries_.empty(); }

 private:
  std::vector<std::pair<std::string, std::string>> entries_;
};

bool iequals(std::string_view a, std::string_view b);
// ASCII lower case (no locale: header names and markers are ASCII; cheaper than std::tolower in hot loops).
inline char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
inline std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

struct Request {
  std::string method = "POST";
  std::string path = "/";                                   // raw, percent-encoded
  std::vector<std::pair<std::string, std::string>> query;  // decoded
  Headers headers;
  std::string body;

  // "path?k=v&..." with RFC 3986 encoding of the query (what goes on the request line).
  std::string target() const;
};

struct Response {
  int status = 0;
  Headers headers;
  std::string body;
};

// RFC 3986 percent-encoding: everything outside A-Z a-z 0-9 - . _ ~ is encoded (as SigV4 and Smithy
// httpLabel require). decode returns nullopt on a malformed escape.
std::string percent_encode(std::string_view raw);
std::optional<std::string> percent_decode(std::string_view encoded);

// Splits "path?query" into the raw path and decoded pairs; nullopt if an escape is malformed.
std::optional<std::pair<std::string, std::vector<std::pair<std::string, std::string>>>> split_target(
    std::string_view target);

}  // namespace conform::http
