#include "harness/gen/json_text.h"

#include "harness/gen/unicode_string.h"
#include "harness/gen/utf8.h"

namespace conform::gen {

using OJson = nlohmann::ordered_json;

namespace {
// Characters that need no escaping inside a JSON string literal.
rc::Gen<char32_t> literal_char(Alphabet a) {
  return rc::gen::map(code_point(a), [](char32_t c) { return (c == '"' || c == '\\') ? char32_t('x') : c; });
}
rc::Gen<std::string> literal_body(size_t n, Alphabet a) {
  if (n > kBulkLength)
    return rc::gen::map(rc::gen::arbitrary<uint64_t>(), [n, a](uint64_t seed) { return bulk_utf8(n, a, seed, true); });
  return rc::gen::map(rc::gen::container<std::vector<char32_t>>(n, literal_char(a)), [](const std::vector<char32_t>& v) {
    return encode_utf8(std::u32string(v.begin(), v.end()));
  });
}
}  // namespace

rc::Gen<OJson> json_value(int depth) {
  auto leaf = rc::gen::oneOf(
      rc::gen::map(rc::gen::inRange<int>(-1000, 1000), [](int v) { return OJson(v); }),
      rc::gen::map(unicode_string(0, 12), [](const std::string& s) { return OJson(s); }),
      rc::gen::map(rc::gen::arbitrary<bool>(), [](bool b) { return OJson(b); }),
      rc::gen::just(OJson(nullptr)));
  if (depth <= 0) return leaf;
  auto object = rc::gen::exec([depth]() {
    OJson o = OJson::object();
    size_t n = *rc::gen::inRange<size_t>(0, 4);
    for (size_t k = 0; k < n; ++k) o["k" + std::to_string(k)] = *json_value(depth - 1);
    return o;
  });
  auto array = rc::gen::exec([depth]() {
    OJson a = OJson::array();
    size_t n = *rc::gen::inRange<size_t>(0, 4);
    for (size_t k = 0; k < n; ++k) a.push_back(*json_value(depth - 1));
    return a;
  });
  return rc::gen::weightedOneOf<OJson>({{3, object}, {1, array}, {1, leaf}});
}

rc::Gen<std::string> json_text(size_t min, size_t max) {
  if (max < 1) return rc::gen::just(std::string());  // no JSON text fits: the spec is contradictory
  size_t lo = std::max<size_t>(min, 1);
  return rc::gen::exec([lo, max]() {
    size_t target = *boundary_length(lo, max, 48);
    int mode = *uniform_in<int>(0, 3);
    if (mode < 2) {
      std::string text = (*json_value()).dump();
      size_t n = code_points(text);
      if (n <= target) return text + std::string(target - n, ' ');  // JSON allows trailing whitespace
    }
    if (target >= 2) return "\"" + *literal_body(target - 2, *any_alphabet()) + "\"";
    return std::string(1, static_cast<char>('0' + *uniform_in<int>(0, 10)));
  });
}

rc::Gen<std::string> non_json_text(size_t min, size_t max) {
  size_t lo = std::max<size_t>(min, 1);
  return rc::gen::exec([lo, max]() {
    size_t target = *boundary_length(lo, std::max(lo, max), 32);
    // '{' followed by non-JSON characters never parses.
    std::string s = "{";
    if (target > 1) s += *literal_body(target - 1, Alphabet::Ascii);
    if (target > 1 && s[1] == '}') s[1] = 'x';
    return s;
  });
}

}  // namespace conform::gen
