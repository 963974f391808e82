#include "harness/protocol/safe_json.h"

#include "harness/protocol/json_reader.h"
#include "harness/protocol/json_writer.h"
#include "harness/protocol/utf8_scan.h"

#include <cstdint>
#include <cstring>

namespace conform::protocol {

size_t json_nesting_depth(std::string_view text, size_t limit) {
  size_t depth = 0, max_depth = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '{' || c == '[') {
      if (++depth > max_depth) max_depth = depth;
      if (max_depth > limit) return max_depth;
    } else if ((c == '}' || c == ']') && depth > 0) {
      --depth;
    }
  }
  return max_depth;
}

std::optional<spec::Json> parse_json_safely(std::string_view text, std::string* error, size_t max_depth,
                                            size_t max_bytes) {
  auto fail = [&](std::string why) -> std::optional<spec::Json> {
    if (error) *error = std::move(why);
    return std::nullopt;
  };
  if (text.size() > max_bytes) return fail("body larger than " + std::to_string(max_bytes) + " bytes");
  spec::Json parsed = parse_json(text, max_depth);
  if (!parsed.is_discarded()) return parsed;
  // Refused: say why (a text that is too deep, or nlohmann's own message for a malformed one).
  if (json_nesting_depth(text, max_depth) > max_depth)
    return fail("JSON nested deeper than " + std::to_string(max_depth) + " levels");
  try {
    return spec::Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/true);
  } catch (const std::exception& e) {
    return fail(e.what());
  } catch (...) {
    return fail("unparseable JSON");
  }
}

std::string dump_json(const spec::Json& value) {
  try {
    std::string out;
    write_json(value, out);
    return out;
  } catch (...) {
    return "null";
  }
}

bool is_valid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    while (end - p >= 8 && scan::ascii8(p)) p += 8;
    if (p == end) break;
    if (*p < 0x80) {
      ++p;
      continue;
    }
    size_t n = scan::utf8_sequence(p, end);
    if (n == 0) return false;
    p += n;
  }
  return true;
}

std::string valid_utf8(std::string_view text) {
  if (is_valid_utf8(text)) return std::string(text);
  std::string quoted = spec::Json(std::string(text)).dump(-1, ' ', false, spec::Json::error_handler_t::replace);
  return spec::Json::parse(quoted).get<std::string>();
}

}  // namespace conform::protocol
