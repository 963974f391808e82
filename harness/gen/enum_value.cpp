#include "harness/gen/enum_value.h"

#include <algorithm>
#include <cctype>

namespace conform::gen {

rc::Gen<std::string> enum_value(const std::vector<std::string>& values) {
  if (values.empty()) return rc::gen::just(std::string());
  return rc::gen::elementOf(values);
}

namespace {
bool listed(const std::vector<std::string>& values, const std::string& v) {
  return std::find(values.begin(), values.end(), v) != values.end();
}
std::string flip_case(std::string s) {
  for (char& c : s) c = std::isupper(static_cast<unsigned char>(c)) ? std::tolower(c) : std::toupper(c);
  return s;
}
}  // namespace

rc::Gen<std::string> enum_near_miss(const std::vector<std::string>& values) {
  const std::string base = values.empty() ? std::string("VALUE") : values.front();
  std::vector<std::string> misses;
  for (const std::string& candidate : {flip_case(base), base + "_X", "NOT_" + base, std::string("conform-not-listed")})
    if (!listed(values, candidate) && !candidate.empty()) misses.push_back(candidate);
  return rc::gen::elementOf(misses);
}

}  // namespace conform::gen
