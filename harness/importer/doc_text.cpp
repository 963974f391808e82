// HTML documentation to one plain sentence (see doc_text.h).
#include "harness/importer/doc_text.h"

#include <utility>
#include <vector>

namespace conform::importer {

std::string first_sentence(const std::string& html) {
  std::string text;
  bool in_tag = false;
  for (char c : html) {
    if (c == '<') {
      in_tag = true;
      text += ' ';
    } else if (c == '>') {
      in_tag = false;
    } else if (!in_tag) {
      text += c;
    }
  }
  static const std::vector<std::pair<std::string, std::string>> entities = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&apos;", "'"}, {"&nbsp;", " "}, {"&amp;", "&"}};
  for (const auto& [from, to] : entities) {
    for (size_t pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size())) {
      text.replace(pos, from.size(), to);
    }
  }
  std::string collapsed;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space) {
      if (!collapsed.empty() && collapsed.back() != ' ') collapsed += ' ';
    } else {
      collapsed += c;
    }
  }
  while (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
  // Spaces left before punctuation by removed tags ("the <code>x</code>.") are dropped.
  std::string tidy;
  for (size_t i = 0; i < collapsed.size(); ++i) {
    if (collapsed[i] == ' ' && i + 1 < collapsed.size() && std::string(".,;:)").find(collapsed[i + 1]) != std::string::npos) continue;
    tidy += collapsed[i];
  }
  size_t end = tidy.find(". ");
  std::string sentence = end == std::string::npos ? tidy : tidy.substr(0, end + 1);
  if (sentence.size() > 300) sentence = sentence.substr(0, 297) + "...";
  return sentence;
}

}  // namespace conform::importer
