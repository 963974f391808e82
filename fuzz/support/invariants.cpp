#include "fuzz/support/invariants.h"

#include <cstdio>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "harness/protocol/codec.h"

namespace conform::fuzz {
namespace {

bool is_one_of(const std::string& op, std::initializer_list<const char*> names) {
  for (const char* n : names)
    if (op == n) return true;
  return false;
}

std::string operation_of(const http::Request& request) {
  if (auto target = request.headers.get("X-Amz-Target")) {
    auto dot = target->rfind('.');
    return dot == std::string::npos ? *target : target->substr(dot + 1);
  }
  const std::string& p = request.path;
  if (p.size() > 5 && p.compare(p.size() - 5, 5, "/stop") == 0 && p.find("/durable-executions/") != std::string::npos)
    return "StopDurableExecution";
  if (request.method == "GET" && p.find("/durable-executions/") != std::string::npos &&
      p.find('/', p.find("/durable-executions/") + 20) == std::string::npos)
    return "GetDurableExecution";
  return "";
}

std::string durable_arn_of(const http::Request& request) {
  const std::string key = "/durable-executions/";
  auto at = request.path.find(key);
  if (at == std::string::npos) return "";
  auto label = request.path.substr(at + key.size());
  auto slash = label.find('/');
  auto decoded = http::percent_decode(label.substr(0, slash));
  return decoded ? *decoded : "";
}

std::string string_member(const nlohmann::json& j, const char* name) {
  if (j.is_object()) {
    auto it = j.find(name);
    if (it != j.end() && it->is_string()) return it->get<std::string>();
  }
  return "";
}

}  // namespace

std::string InvariantChecker::observe(const http::Request& request, const http::Response& response) {
  if (response.status >= 500) return "server error " + std::to_string(response.status) + " for " + request.method + " " + request.path;
  bool ok = response.status >= 200 && response.status < 300;
  if (!ok) {
    // As the harness's error_has_identity oracle judges it: an identity with a non-empty code.
    auto identified_by = [&](spec::Protocol p) {
      auto id = protocol::parse_error_identity(p, response);
      return id && !id->code.empty();
    };
    bool identified = identified_by(spec::Protocol::AwsJson1_0) || identified_by(spec::Protocol::RestJson1);
    if (!identified) return "non-2xx answer " + std::to_string(response.status) + " without an error identity";
    return "";
  }
  // Only successful answers of the operations below can break (or arm) invariants 3 and 4; the
  // request and response bodies are parsed only for those (parsing every body of every exchange was
  // a sizeable share of the target's time under ASan).
  const std::string op = operation_of(request);
  if (op.empty()) return "";
  auto parse = [](const std::string& text) { return nlohmann::json::parse(text, nullptr, false); };

  if (is_one_of(op, {"SendTaskSuccess", "SendTaskFailure", "SendTaskHeartbeat", "RespondActivityTaskCompleted",
                     "RespondActivityTaskFailed", "RespondActivityTaskCanceled", "RecordActivityTaskHeartbeat"})) {
    std::string token = string_member(parse(request.body), "taskToken");
    if (!token.empty()) {
      if (closed_tokens_.count(token)) return op + " accepted a task token that was closed earlier";
      if (!is_one_of(op, {"SendTaskHeartbeat", "RecordActivityTaskHeartbeat"})) closed_tokens_.insert(token);
    }
  } else if (op == "StopExecution") {
    stopped_executions_.insert(string_member(parse(request.body), "executionArn"));
  } else if (op == "DescribeExecution") {
    if (stopped_executions_.count(string_member(parse(request.body), "executionArn")) &&
        string_member(parse(response.body), "status") == "RUNNING")
      return "a stopped execution reads back as RUNNING";
  } else if (op == "StopDurableExecution") {
    stopped_executions_.insert(durable_arn_of(request));
  } else if (op == "GetDurableExecution") {
    if (stopped_executions_.count(durable_arn_of(request)) && string_member(parse(response.body), "Status") == "RUNNING")
      return "a stopped durable execution reads back as RUNNING";
  }
  return "";
}

void abort_broken_invariant(const std::string& broken, const http::Request& request, const http::Response& response) {
  std::fprintf(stderr, "emulator invariant broken: %s\nrequest: %s %s\n%s\nresponse: %d %s\n", broken.c_str(),
               request.method.c_str(), request.target().c_str(), request.body.c_str(), response.status,
               response.body.c_str());
  std::abort();
}

}  // namespace conform::fuzz
