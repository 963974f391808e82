// "Did you mean ...?" for misspelt keys and values.
//
// Promises: closest_name returns the candidate with the smallest edit distance to `word` when that
// distance is small relative to the word (at most a quarter of its length, at least 1; case differences
// count as nothing), otherwise "". Never throws.
#pragma once

#include <string>
#include <vector>

namespace conform::spec {

std::string closest_name(const std::string& word, const std::vector<std::string>& candidates);
// " (did you mean 'x'?)" or "" when nothing is close.
std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates);
// "a, b, c"
std::string join_names(const std::vector<std::string>& names, const std::string& separator = ", ");

}  // namespace conform::spec
