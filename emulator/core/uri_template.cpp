#include "emulator/core/uri_template.h"

#include "harness/http/message.h"

namespace conform::emulator {

std::vector<std::string> split_path(const std::string& raw_path) {
  std::vector<std::string> out;
  std::string p = raw_path;
  if (!p.empty() && p[0] == '/') p.erase(0, 1);
  size_t start = 0;
  while (true) {
    size_t slash = p.find('/', start);
    out.push_back(p.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return out;
}

UriTemplate::UriTemplate(const std::string& text) {
  std::string path = text.substr(0, text.find('?'));
  for (const auto& s : split_path(path)) {
    Segment seg;
    if (s.size() >= 2 && s.front() == '{' && s.back() == '}') {
      seg.is_label = true;
      seg.text = s.substr(1, s.size() - 2);
      if (!seg.text.empty() && seg.text.back() == '+') {
        seg.greedy = true;
        seg.text.pop_back();
      }
    } else {
      seg.text = s;
    }
    segments_.push_back(seg);
  }
}

size_t UriTemplate::literal_count() const {
  size_t n = 0;
  for (const auto& s : segments_) n += s.is_label ? 0 : 1;
  return n;
}

namespace {

// Matches segments[si..] against parts[pi..]; `spanning` lets every label take several parts.
template <typename Seg>
bool match_from(const std::vector<Seg>& segs, size_t si, const std::vector<std::string>& parts, size_t pi,
                bool spanning, std::vector<std::pair<size_t, size_t>>& spans) {
  if (si == segs.size()) return pi == parts.size();
  if (pi >= parts.size()) return false;
  const Seg& s = segs[si];
  if (!s.is_label) {
    if (parts[pi] != s.text) return false;
    return match_from(segs, si + 1, parts, pi + 1, spanning, spans);
  }
  size_t max_take = (s.greedy || spanning) ? parts.size() - pi : 1;
  for (size_t take = 1; take <= max_take; ++take) {
    bool empty = true;
    for (size_t k = pi; k < pi + take; ++k) empty = empty && parts[k].empty();
    if (empty) continue;
    spans.push_back({pi, take});
    if (match_from(segs, si + 1, parts, pi + take, spanning, spans)) return true;
    spans.pop_back();
  }
  return false;
}

}  // namespace

bool UriTemplate::match(const std::string& raw_path, std::map<std::string, std::string>& labels,
                        bool* bad_escape) const {
  return match(split_path(raw_path), labels, bad_escape);
}

bool UriTemplate::match(const std::vector<std::string>& parts, std::map<std::string, std::string>& labels,
                        bool* bad_escape) const {
  if (parts.size() > 64) return false;
  std::vector<std::pair<size_t, size_t>> spans;
  if (!match_from(segments_, 0, parts, 0, false, spans)) return false;
  labels.clear();
  size_t li = 0;
  for (const auto& s : segments_) {
    if (!s.is_label) continue;
    auto [pi, take] = spans[li++];
    std::string raw;
    for (size_t k = pi; k < pi + take; ++k) raw += (k > pi ? "/" : "") + parts[k];
    auto decoded = http::percent_decode(raw);
    if (!decoded) {
      if (bad_escape) *bad_escape = true;
      return false;
    }
    labels[s.text] = *decoded;
  }
  return true;
}

bool UriTemplate::match_spanning(const std::string& raw_path) const { return match_spanning(split_path(raw_path)); }

bool UriTemplate::match_spanning(const std::vector<std::string>& parts) const {
  if (parts.size() > 64) return false;
  std::vector<std::pair<size_t, size_t>> spans;
  return match_from(segments_, 0, parts, 0, true, spans);
}

}  // namespace conform::emulator
