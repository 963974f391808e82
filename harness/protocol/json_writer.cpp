// write_json (json_writer.h): a recursive writer over spec::Json with a table of the bytes a JSON string
// must escape; valid UTF-8 is copied as is (ensure_ascii off), a string with invalid UTF-8 goes to
// nlohmann whole.
#include "harness/protocol/json_writer.h"

#include <array>
#include <charconv>

#include "harness/protocol/utf8_scan.h"

namespace conform::protocol {

namespace {

// 1 for the bytes a string literal cannot hold as they are: '"', '\\' and the C0 controls.
constexpr std::array<bool, 256> kNeedsEscape = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 0x20; ++c) t[c] = true;
  t['"'] = t['\\'] = true;
  return t;
}();

void write_escape(unsigned char c, std::string& out) {
  switch (c) {
    case '"': out += "\\\""; return;
    case '\\': out += "\\\\"; return;
    case '\b': out += "\\b"; return;
    case '\f': out += "\\f"; return;
    case '\n': out += "\\n"; return;
    case '\r': out += "\\r"; return;
    case '\t': out += "\\t"; return;
    default: {
      static const char* hex = "0123456789abcdef";
      char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
      out.append(u, 6);
    }
  }
}

template <typename Int>
void write_integer(Int v, std::string& out) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof(buf), v);
  out.append(buf, static_cast<size_t>(r.ptr - buf));
}

}  // namespace

void write_json_string(std::string_view text, std::string& out) {
  // One pass: runs of bytes that need no escape are copied whole (eight plain ASCII bytes at a time,
  // multibyte sequences validated on the way); invalid UTF-8 undoes the output and goes to nlohmann.
  const size_t start = out.size();
  out.reserve(start + text.size() + 2);
  out.push_back('"');
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  while (p < end) {
    const auto* run = p;
    while (p < end) {
      while (end - p >= 8 && scan::plain_ascii8(p)) p += 8;
      if (p == end) break;
      if (*p >= 0x80) {
        size_t n = scan::utf8_sequence(p, end);
        if (n == 0) {
          out.resize(start);
          out += spec::Json(std::string(text)).dump(-1, ' ', false, spec::Json::error_handler_t::replace);
          return;
        }
        p += n;
      } else if (!kNeedsEscape[*p]) {
        ++p;
      } else {
        break;
      }
    }
    out.append(reinterpret_cast<const char*>(run), static_cast<size_t>(p - run));
    if (p < end) write_escape(*p++, out);
  }
  out.push_back('"');
}

void write_json(const spec::Json& value, std::string& out) {
  using T = spec::Json::value_t;
  switch (value.type()) {
    case T::null: out += "null"; return;
    case T::boolean: out += value.get<bool>() ? "true" : "false"; return;
    case T::number_integer: write_integer(value.get<int64_t>(), out); return;
    case T::number_unsigned: write_integer(value.get<uint64_t>(), out); return;
    case T::string: write_json_string(value.get_ref<const std::string&>(), out); return;
    case T::array: {
      out.push_back('[');
      bool first = true;
      for (const auto& e : value) {
        if (!first) out.push_back(',');
        first = false;
        write_json(e, out);
      }
      out.push_back(']');
      return;
    }
    case T::object: {
      out.push_back('{');
      bool first = true;
      for (auto it = value.begin(); it != value.end(); ++it) {
        if (!first) out.push_back(',');
        first = false;
        write_json_string(it.key(), out);
        out.push_back(':');
        write_json(it.value(), out);
      }
      out.push_back('}');
      return;
    }
    default:  // floating point, binary, discarded: nlohmann's own text
      out += value.dump(-1, ' ', false, spec::Json::error_handler_t::replace);
  }
}

}  // namespace conform::protocol
