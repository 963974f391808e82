#include "emulator/lambda/names.h"

#include <vector>

namespace conform::emulator::lambda {
namespace {

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    size_t at = s.find(sep, start);
    parts.push_back(s.substr(start, at == std::string::npos ? std::string::npos : at - start));
    if (at == std::string::npos) return parts;
    start = at + 1;
  }
}

}  // namespace

FunctionRef resolve_function_name(const std::string& function_name) {
  FunctionRef ref;
  std::string rest = function_name;
  const std::string marker = "function:";
  size_t at = rest.find(marker);
  if (at != std::string::npos && (at == 0 || rest[at - 1] == ':')) {
    // What precedes "function:" is "arn:<partition>:lambda:<region>:<account>:", "<region>:<account>:"
    // or "<account>:": the account is its last field, the region the one before (when there is one).
    std::vector<std::string> prefix = split(rest.substr(0, at), ':');
    if (!prefix.empty() && prefix.back().empty()) prefix.pop_back();
    if (!prefix.empty()) ref.account = prefix.back();
    if (prefix.size() >= 2) ref.region = prefix[prefix.size() - 2];
    rest = rest.substr(at + marker.size());
  }
  size_t colon = rest.find(':');
  ref.name = rest.substr(0, colon);
  if (colon != std::string::npos) ref.qualifier = rest.substr(colon + 1);
  return ref;
}

std::string function_arn(const std::string& region, const std::string& account, const std::string& name) {
  return "arn:aws:lambda:" + region + ":" + account + ":function:" + name;
}

std::string durable_execution_arn(const std::string& region, const std::string& account, const std::string& name,
                                  const std::string& version, const std::string& execution, const std::string& id) {
  return function_arn(region, account, name) + ":" + version + "/durable-execution/" + execution + "/" + id;
}

std::optional<FunctionRef> function_of_resource_arn(const std::string& arn) {
  std::vector<std::string> parts = split(arn, ':');  // arn partition lambda region account function name [q]
  if (parts.size() < 7 || parts.size() > 8 || parts[0] != "arn" || parts[2] != "lambda" || parts[5] != "function")
    return std::nullopt;
  FunctionRef ref;
  ref.region = parts[3];
  ref.account = parts[4];
  ref.name = parts[6];
  if (parts.size() == 8) ref.qualifier = parts[7];
  return ref;
}

bool is_version_number(const std::string& qualifier) {
  if (qualifier.empty() || qualifier.size() > 18 || qualifier[0] == '0') return false;
  for (char c : qualifier)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace conform::emulator::lambda
