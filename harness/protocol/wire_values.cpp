#include "harness/protocol/wire_values.h"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "harness/protocol/safe_json.h"

namespace conform::protocol {

using spec::Json;
using spec::ShapeType;

namespace {

// Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's algorithm).
int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

void civil_from_days(int64_t z, int64_t& y, unsigned& m, unsigned& d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp + (mp < 10 ? 3 : -9);
  y += m <= 2;
}

bool digits(std::string_view s, size_t pos, size_t n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

const char* kDays[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};  // 1970-01-01 was a Thursday
const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

const char* kB64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string number_text(const Json& v) {
  if (v.is_number_integer()) return v.dump();
  if (v.is_number_float()) {
    double d = v.get<double>();
    if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9e15) return std::to_string(static_cast<int64_t>(d));
    return v.dump();
  }
  return dump_json(v);
}

std::string scalar_text(const Json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  if (v.is_number()) return number_text(v);
  return dump_json(v);
}

}  // namespace

std::optional<double> parse_rfc3339(std::string_view s) {
  int y, mo, d, h, mi, sec;
  if (!digits(s, 0, 4, y) || s.size() < 19 || s[4] != '-' || !digits(s, 5, 2, mo) || s[7] != '-' ||
      !digits(s, 8, 2, d) || (s[10] != 'T' && s[10] != 't') || !digits(s, 11, 2, h) || s[13] != ':' ||
      !digits(s, 14, 2, mi) || s[16] != ':' || !digits(s, 17, 2, sec))
    return std::nullopt;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60) return std::nullopt;
  size_t i = 19;
  double frac = 0;
  if (i < s.size() && s[i] == '.') {
    double scale = 0.1;
    size_t start = ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
      frac += (s[i] - '0') * scale;
      scale /= 10;
      ++i;
    }
    if (i == start) return std::nullopt;
  }
  int offset = 0;
  if (i < s.size() && (s[i] == 'Z' || s[i] == 'z')) {
    ++i;
  } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    int oh, om;
    if (!digits(s, i + 1, 2, oh) || i + 3 >= s.size() || s[i + 3] != ':' || !digits(s, i + 4, 2, om))
      return std::nullopt;
    offset = (oh * 60 + om) * 60 * (s[i] == '+' ? 1 : -1);
    i += 6;
  } else {
    return std::nullopt;
  }
  if (i != s.size()) return std::nullopt;
  int64_t days = days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
  return static_cast<double>(days * 86400 + h * 3600 + mi * 60 + sec - offset) + frac;
}

std::string format_rfc3339(double epoch) {
  if (!std::isfinite(epoch)) epoch = 0;
  double whole = std::floor(epoch);
  int millis = static_cast<int>(std::lround((epoch - whole) * 1000));
  if (millis == 1000) { whole += 1; millis = 0; }
  int64_t t = static_cast<int64_t>(whole);
  int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
  int64_t rem = t - days * 86400;
  int64_t y; unsigned m, d;
  civil_from_days(days, y, m, d);
  char buf[64];
  if (millis)
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02d:%02d:%02d.%03dZ", static_cast<long long>(y), m, d,
                  static_cast<int>(rem / 3600), static_cast<int>(rem % 3600 / 60), static_cast<int>(rem % 60), millis);
  else
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02d:%02d:%02dZ", static_cast<long long>(y), m, d,
                  static_cast<int>(rem / 3600), static_cast<int>(rem % 3600 / 60), static_cast<int>(rem % 60));
  return buf;
}

std::string format_http_date(double epoch) {
  if (!std::isfinite(epoch)) epoch = 0;
  int64_t t = static_cast<int64_t>(std::floor(epoch));
  int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
  int64_t rem = t - days * 86400;
  int64_t y; unsigned m, d;
  civil_from_days(days, y, m, d);
  int wd = static_cast<int>(((days % 7) + 7) % 7);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %02u %s %04lld %02d:%02d:%02d GMT", kDays[wd], d, kMonths[m - 1],
                static_cast<long long>(y), static_cast<int>(rem / 3600), static_cast<int>(rem % 3600 / 60),
                static_cast<int>(rem % 60));
  return buf;
}

std::optional<double> parse_http_date(std::string_view s) {
  // "Sun, 30 Aug 2015 12:36:00 GMT"
  if (s.size() != 29 || s[3] != ',' || s.substr(25) != " GMT") return std::nullopt;
  int d, y, h, mi, sec;
  if (!digits(s, 5, 2, d) || !digits(s, 12, 4, y) || !digits(s, 17, 2, h) || !digits(s, 20, 2, mi) ||
      !digits(s, 23, 2, sec))
    return std::nullopt;
  int mo = 0;
  for (int i = 0; i < 12; ++i)
    if (s.substr(8, 3) == kMonths[i]) mo = i + 1;
  if (!mo || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60) return std::nullopt;
  return static_cast<double>(days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec);
}

std::string base64_encode(std::string_view in) {
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    uint32_t n = (uint8_t(in[i]) << 16) | (uint8_t(in[i + 1]) << 8) | uint8_t(in[i + 2]);
    out += kB64[n >> 18]; out += kB64[(n >> 12) & 63]; out += kB64[(n >> 6) & 63]; out += kB64[n & 63];
  }
  if (i + 1 == in.size()) {
    uint32_t n = uint8_t(in[i]) << 16;
    out += kB64[n >> 18]; out += kB64[(n >> 12) & 63]; out += "==";
  } else if (i + 2 == in.size()) {
    uint32_t n = (uint8_t(in[i]) << 16) | (uint8_t(in[i + 1]) << 8);
    out += kB64[n >> 18]; out += kB64[(n >> 12) & 63]; out += kB64[(n >> 6) & 63]; out += '=';
  }
  return out;
}

std::optional<std::string> base64_decode(std::string_view in) {
  if (in.size() % 4 != 0) return std::nullopt;
  std::string out;
  uint32_t buf = 0;
  int bits = 0, pad = 0;
  for (size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    int v;
    if (c >= 'A' && c <= 'Z') v = c - 'A';
    else if (c >= 'a' && c <= 'z') v = c - 'a' + 26;
    else if (c >= '0' && c <= '9') v = c - '0' + 52;
    else if (c == '+') v = 62;
    else if (c == '/') v = 63;
    else if (c == '=' && i + 2 >= in.size()) { ++pad; continue; }
    else return std::nullopt;
    if (pad) return std::nullopt;
    buf = (buf << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buf >> bits) & 0xFF));
    }
  }
  return out;
}

Json epoch_json(double epoch) {
  if (std::isfinite(epoch) && epoch == std::floor(epoch) && std::fabs(epoch) < 9e15)
    return Json(static_cast<int64_t>(epoch));
  return Json(epoch);
}

Json to_body_value(const spec::Shape* shape, const Json& value, int depth) {
  if (!shape || depth > 64) return value;
  switch (shape->type) {
    case ShapeType::Timestamp:
      if (value.is_string())
        if (auto t = parse_rfc3339(value.get<std::string>())) return epoch_json(*t);
      return value;
    case ShapeType::Blob:
      if (value.is_string()) return base64_encode(value.get<std::string>());
      // {"base64": "..."}: the bytes already in their JSON wire form (a fixture recipe's zip file).
      if (value.is_object() && value.size() == 1 && value.contains("base64") && value["base64"].is_string())
        return value["base64"];
      return value;
    case ShapeType::Structure: {
      if (!value.is_object()) return value;
      Json out = Json::object();
      for (auto it = value.begin(); it != value.end(); ++it) {
        const spec::Member* m = shape->find_member(it.key());
        out[it.key()] = m ? to_body_value(m->shape.get(), it.value(), depth + 1) : it.value();
      }
      return out;
    }
    case ShapeType::List: {
      if (!value.is_array()) return value;
      Json out = Json::array();
      for (const auto& e : value) out.push_back(to_body_value(shape->element.get(), e, depth + 1));
      return out;
    }
    case ShapeType::Map: {
      if (!value.is_object()) return value;
      Json out = Json::object();
      for (auto it = value.begin(); it != value.end(); ++it)
        out[it.key()] = to_body_value(shape->element.get(), it.value(), depth + 1);
      return out;
    }
    default:
      return value;
  }
}

std::string to_header_text(const spec::Shape* shape, const Json& value) {
  if (shape && shape->type == ShapeType::Timestamp && value.is_number()) return format_http_date(value.get<double>());
  if (value.is_array()) {
    std::string out;
    for (const auto& e : value) {
      if (!out.empty()) out += ", ";
      out += to_header_text(shape ? shape->element.get() : nullptr, e);
    }
    return out;
  }
  return scalar_text(value);
}

std::string to_query_text(const spec::Shape* shape, const Json& value) {
  if (shape && shape->type == ShapeType::Timestamp && value.is_number()) return format_rfc3339(value.get<double>());
  return scalar_text(value);
}

Json from_header_text(const spec::Shape* shape, const std::string& text) {
  if (!shape) return text;
  switch (shape->type) {
    case ShapeType::Integer:
    case ShapeType::Long: {
      char* end = nullptr;
      errno = 0;
      long long v = std::strtoll(text.c_str(), &end, 10);
      if (!text.empty() && end && *end == '\0' && errno == 0) return Json(static_cast<int64_t>(v));
      return text;
    }
    case ShapeType::Double: {
      char* end = nullptr;
      double v = std::strtod(text.c_str(), &end);
      if (!text.empty() && end && *end == '\0' && std::isfinite(v)) return Json(v);
      return text;
    }
    case ShapeType::Boolean:
      if (text == "true") return true;
      if (text == "false") return false;
      return text;
    case ShapeType::Timestamp:
      if (auto t = parse_http_date(text)) return epoch_json(*t);
      return text;
    default:
      return text;
  }
}

}  // namespace conform::protocol
