#include "emulator/lambda/names.h"

#include <algorithm>

namespace conform::emulator::lambda {
namespace {

// The field of colon-separated `text` that ends at `end` (exclusive), and where that field starts.
std::pair<std::string, size_t> field_before(const std::string& text, size_t end) {
  size_t colon = end == 0 ? std::string::npos : text.rfind(':', end - 1);
  size_t start = colon == std::string::npos ? 0 : colon + 1;
  return {text.substr(start, end - start), start};
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
    if (at > 0) {
      auto [account, start] = field_before(rest, at - 1);
      ref.account = account;
      if (start > 0) ref.region = field_before(rest, start - 1).first;
    }
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
  // arn:<partition>:lambda:<region>:<account>:function:<name>[:<qualifier>]
  size_t at = arn.find(":function:");
  if (arn.rfind("arn:", 0) != 0 || at == std::string::npos) return std::nullopt;
  const std::string head = arn.substr(0, at);
  if (std::count(head.begin(), head.end(), ':') != 4 || head.find(":lambda:") == std::string::npos) return std::nullopt;
  FunctionRef ref = resolve_function_name(arn);
  if (ref.qualifier.find(':') != std::string::npos) return std::nullopt;
  return ref;
}

bool is_version_number(const std::string& qualifier) {
  if (qualifier.empty() || qualifier.size() > 18 || qualifier[0] == '0') return false;
  for (char c : qualifier)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace conform::emulator::lambda
