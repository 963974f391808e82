// A restJson1 URI template ("/2025-12-01/durable-executions/{DurableExecutionArn}/stop") matched
// against a raw, percent-encoded request path.
//
// Promises: never throws. `match` succeeds when every literal segment is equal and each {Label}
// covers exactly one non-empty segment ({Label+} one or more), returning the labels percent-decoded;
// a label whose escapes are malformed makes `match` fail with `bad_escape` set. `match_spanning`
// lets single labels cover several segments: a path that matches only that way carries an unencoded
// '/' inside a label. A query part of the template ("?x-id=...") is ignored.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace conform::emulator {

class UriTemplate {
 public:
  explicit UriTemplate(const std::string& text);
  bool match(const std::string& raw_path, std::map<std::string, std::string>& labels, bool* bad_escape = nullptr) const;
  bool match_spanning(const std::string& raw_path) const;
  // The same on a path already cut by split_path (a router trying many templates cuts it once).
  bool match(const std::vector<std::string>& parts, std::map<std::string, std::string>& labels,
             bool* bad_escape = nullptr) const;
  bool match_spanning(const std::vector<std::string>& parts) const;
  size_t literal_count() const;  // more literal segments = more specific

 private:
  struct Segment {
    bool is_label = false;
    bool greedy = false;
    std::string text;  // literal text or label name
  };
  std::vector<Segment> segments_;
};

std::vector<std::string> split_path(const std::string& raw_path);  // "/a/b" -> {"a","b"}; "/" -> {""}

}  // namespace conform::emulator
