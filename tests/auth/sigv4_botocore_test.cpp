// Our signer against botocore's SigV4Auth (Debian python3-botocore) for the requests the codec
// produces: SFN and SWF (awsJson1_0) and Lambda durable executions (restJson1, with ':' '/' '$' in the
// path and a query string). Skipped when python3 or botocore is missing.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "harness/auth/sigv4.h"
#include "harness/protocol/codec.h"
#include "harness/protocol/wire_values.h"
#include "tests/protocol/test_services.h"

namespace conform {
namespace {

using spec::Json;
using namespace conform::testing;

// Signs with a fixed timestamp: the steps of SigV4Auth.add_auth without its clock.
const char* kScript = R"PY(
import base64, json, sys
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
for spec in json.load(open(sys.argv[1])):
    request = AWSRequest(method=spec["method"], url=spec["url"], data=base64.b64decode(spec["body"]))
    for k, v in spec["headers"]:
        request.headers[k] = v
    creds = Credentials(spec["key"], spec["secret"], spec["token"] or None)
    auth = SigV4Auth(creds, spec["service"], spec["region"])
    request.context["timestamp"] = spec["date"]
    auth._modify_request_before_signing(request)
    canonical = auth.canonical_request(request)
    signature = auth.signature(auth.string_to_sign(request, canonical), request)
    auth._inject_signature_to_request(request, signature)
    print(request.headers["Authorization"])
)PY";

std::string python_with_botocore() {
  for (const char* py : {"/usr/bin/python3", "python3"}) {
    std::string cmd = std::string(py) + " -c 'import botocore.auth' >/dev/null 2>&1";
    if (std::system(cmd.c_str()) == 0) return py;
  }
  return "";
}

struct Signed {
  http::Request unsigned_request;
  std::string service, token;
};

Json botocore_input(const Signed& s) {
  Json headers = Json::array();
  for (const auto& [k, v] : s.unsigned_request.headers.all()) headers.push_back({k, v});
  const auto& r = s.unsigned_request;
  return {{"method", r.method},
          {"url", "https://" + r.headers.get("Host").value_or("") + r.target()},
          {"headers", headers},
          {"body", protocol::base64_encode(r.body)},
          {"key", "AKIDEXAMPLE"},
          {"secret", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"},
          {"token", s.token},
          {"service", s.service},
          {"region", "us-east-1"},
          {"date", "20150830T123600Z"}};
}

// One python process signs every request (interpreter start-up dominates); one Authorization per line.
std::vector<std::string> botocore_authorizations(const std::string& python, const std::vector<Signed>& requests) {
  auto dir = std::filesystem::temp_directory_path();
  auto stem = "conform-sigv4-" + std::to_string(::getpid());
  auto script = dir / (stem + ".py");
  auto input = dir / (stem + ".json");
  { std::ofstream(script) << kScript; }
  Json all = Json::array();
  for (const auto& s : requests) all.push_back(botocore_input(s));
  { std::ofstream(input) << all.dump(); }
  std::string cmd = python + " " + script.string() + " " + input.string() + " 2>&1";
  std::string out;
  if (FILE* p = ::popen(cmd.c_str(), "r")) {
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    ::pclose(p);
  }
  std::filesystem::remove(script);
  std::filesystem::remove(input);
  std::vector<std::string> lines;
  size_t i = 0;
  while (i < out.size()) {
    size_t nl = out.find('\n', i);
    lines.push_back(out.substr(i, nl == std::string::npos ? std::string::npos : nl - i));
    if (nl == std::string::npos) break;
    i = nl + 1;
  }
  return lines;
}

struct Case {
  const char* name;
  spec::Service service;
  spec::Operation op;
  Json input;
  const char* host;
  const char* token;
};

TEST(SigV4Botocore, SameAuthorizationAsBotocore) {
  std::string python = python_with_botocore();
  if (python.empty()) GTEST_SKIP() << "python3 with botocore not available";
  Json stop = {{"DurableExecutionArn", kDurableArn}, {"Error", {{"ErrorType", "Manual"}, {"ErrorMessage", "stop"}}}};
  Json state = {{"DurableExecutionArn", kDurableArn}, {"CheckpointToken", "a b/c+d="}, {"MaxItems", 5}};
  Json list = {{"FunctionName", "arn:aws:lambda:us-east-1:123456789012:function:f"},
               {"Statuses", {"RUNNING", "STOPPED"}}, {"StartedAfter", 1440938160}};
  std::vector<Case> cases = {
      {"sfn-send-task-failure", sfn(), send_task_failure(), {{"taskToken", "tok"}, {"error", "E"}, {"cause", "C"}},
       "states.us-east-1.amazonaws.com", ""},
      {"sfn-empty-input", sfn(), send_task_failure(), Json::object(), "states.us-east-1.amazonaws.com", ""},
      {"swf-with-session-token", swf(), respond_activity_task_failed(), {{"taskToken", "t"}, {"reason", "r"}},
       "swf.us-east-1.amazonaws.com", "session/token+value=="},
      {"lambda-stop-durable-execution", lambda(), stop_durable_execution(), stop, "lambda.us-east-1.amazonaws.com", ""},
      {"lambda-get-state-query", lambda(), get_durable_execution_state(), state, "lambda.us-east-1.amazonaws.com", ""},
      {"lambda-list-repeated-query", lambda(), list_by_function(), list, "127.0.0.1:4566", ""},
      {"lambda-callback-blob", lambda(), callback_success(),
       {{"CallbackId", "Zm9v+/YmFy=="}, {"Result", std::string("\x00\x01\xfe", 3)}}, "lambda.us-east-1.amazonaws.com",
       ""},
  };
  std::vector<Signed> requests;
  std::vector<std::string> ours;
  for (const auto& c : cases) {
    protocol::EncodeOptions eo;
    eo.host = c.host;
    http::Request r = protocol::encode(c.service, c.op, c.input, eo);
    requests.push_back({r, c.service.signing_name, c.token});
    auth::SignOptions so;
    so.region = "us-east-1";
    so.service = c.service.signing_name;
    so.amz_date = "20150830T123600Z";
    auth::sign(r, {"AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", c.token}, so);
    ours.push_back(r.headers.get("Authorization").value_or(""));
  }
  auto theirs = botocore_authorizations(python, requests);
  ASSERT_EQ(theirs.size(), cases.size()) << (theirs.empty() ? "" : theirs.front());
  for (size_t i = 0; i < cases.size(); ++i) EXPECT_EQ(ours[i], theirs[i]) << cases[i].name;
}

}  // namespace
}  // namespace conform
