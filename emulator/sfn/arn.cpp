// Step Functions ARN building, parsing and checking (see arn.h).
#include "emulator/sfn/arn.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace conform::emulator::sfn {
namespace {

std::string prefix(const std::string& region, const std::string& account) {
  return "arn:aws:states:" + region + ":" + account + ":";
}

std::vector<std::string> split(const std::string& s, char sep, size_t max_parts) {
  std::vector<std::string> out;
  size_t start = 0;
  while (out.size() + 1 < max_parts) {
    size_t p = s.find(sep, start);
    if (p == std::string::npos) break;
    out.push_back(s.substr(start, p - start));
    start = p + 1;
  }
  out.push_back(s.substr(start));
  return out;
}

bool all_of(const std::string& s, bool (*ok)(char)) {
  if (s.empty()) return false;
  for (char c : s)
    if (!ok(c)) return false;
  return true;
}

bool region_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }
bool digit_char(char c) { return c >= '0' && c <= '9'; }
bool partition_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
}

// Decodes one UTF-8 code point at s[i]; returns false on malformed input.
bool next_code_point(const std::string& s, size_t& i, uint32_t& cp) {
  auto b = static_cast<unsigned char>(s[i]);
  int extra = 0;
  if (b < 0x80) { cp = b; extra = 0; }
  else if ((b & 0xE0) == 0xC0) { cp = b & 0x1F; extra = 1; }
  else if ((b & 0xF0) == 0xE0) { cp = b & 0x0F; extra = 2; }
  else if ((b & 0xF8) == 0xF0) { cp = b & 0x07; extra = 3; }
  else return false;
  if (i + extra >= s.size()) return false;
  for (int k = 1; k <= extra; ++k) {
    auto c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xC0) != 0x80) return false;
    cp = (cp << 6) | (c & 0x3F);
  }
  i += 1 + extra;
  if ((extra == 1 && cp < 0x80) || (extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000)) return false;
  return cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
}

bool forbidden_code_point(uint32_t cp) {
  if (cp <= 0x20 || (cp >= 0x7F && cp <= 0x9F)) return true;  // controls and space
  if (cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 ||
      cp == 0x202F || cp == 0x205F || cp == 0x3000)
    return true;  // Unicode whitespace
  if (cp == 0xFFFE || cp == 0xFFFF) return true;
  static constexpr std::string_view kPunct = "<>{}[]?*\"#%\\^|~`$&,;:/";
  return cp < 0x80 && kPunct.find(static_cast<char>(cp)) != std::string_view::npos;
}

}  // namespace

const char* arn_type_word(ArnType t) {
  switch (t) {
    case ArnType::StateMachine: return "stateMachine";
    case ArnType::Activity: return "activity";
    case ArnType::Execution: return "execution";
    case ArnType::Express: return "express";
    case ArnType::MapRun: return "mapRun";
  }
  return "";
}

std::string build_state_machine_arn(const std::string& region, const std::string& account,
                                    const std::string& name) {
  return prefix(region, account) + "stateMachine:" + name;
}

std::string build_activity_arn(const std::string& region, const std::string& account,
                               const std::string& name) {
  return prefix(region, account) + "activity:" + name;
}

std::string build_execution_arn(const std::string& region, const std::string& account,
                                const std::string& machine_name, const std::string& execution_name) {
  return prefix(region, account) + "execution:" + machine_name + ":" + execution_name;
}

std::string build_express_arn(const std::string& region, const std::string& account,
                              const std::string& machine_name, const std::string& execution_name,
                              const std::string& express_id) {
  return prefix(region, account) + "express:" + machine_name + ":" + execution_name + ":" + express_id;
}

std::optional<ParsedArn> parse_arn(const std::string& arn) {
  // arn:partition:states:region:account:type:name[:rest]
  auto parts = split(arn, ':', 8);
  if (parts.size() < 7 || parts[0] != "arn" || parts[2] != "states") return std::nullopt;
  if (!all_of(parts[1], partition_char) || parts[1].rfind("aws", 0) != 0) return std::nullopt;
  if (!all_of(parts[3], region_char)) return std::nullopt;
  if (parts[4].size() != 12 || !all_of(parts[4], digit_char)) return std::nullopt;
  if (parts[5].empty() || parts[6].empty()) return std::nullopt;
  ParsedArn p{parts[1], parts[3], parts[4], parts[5], parts[6], parts.size() == 8 ? parts[7] : ""};
  if (parts.size() == 8 && p.rest.empty()) return std::nullopt;
  return p;
}

std::optional<std::string> check_arn(const std::string& arn, ArnType expected) {
  if (arn.rfind("arn:", 0) != 0) return "Invalid Arn: 'Invalid ARN prefix: " + arn + "'";
  auto p = parse_arn(arn);
  if (!p) return "Invalid Arn: 'Invalid ARN: " + arn + "'";
  if (p->type != arn_type_word(expected))
    return "Invalid Arn: 'Resource type not valid in this context: " + p->type + "'";
  // Name-level shape per type.
  auto colon_parts = split(p->rest, ':', 4);
  bool ok = true;
  switch (expected) {
    case ArnType::StateMachine:  // optional :version or :alias
    case ArnType::Activity:
      ok = expected == ArnType::StateMachine ? colon_parts.size() == 1 : p->rest.empty();
      break;
    case ArnType::Execution:
      ok = !p->rest.empty() && colon_parts.size() == 1;
      break;
    case ArnType::Express:
      ok = colon_parts.size() == 2 && !colon_parts[0].empty() && !colon_parts[1].empty();
      break;
    case ArnType::MapRun:
      ok = p->name.find('/') != std::string::npos && !p->rest.empty() && colon_parts.size() == 1;
      break;
  }
  if (!ok) return "Invalid Arn: 'Invalid ARN: " + arn + "'";
  return std::nullopt;
}

bool is_valid_name(const std::string& name) {
  size_t i = 0, count = 0;
  while (i < name.size()) {
    uint32_t cp = 0;
    if (!next_code_point(name, i, cp)) return false;
    if (forbidden_code_point(cp)) return false;
    ++count;
  }
  return count >= 1 && count <= 80;
}

}  // namespace conform::emulator::sfn
