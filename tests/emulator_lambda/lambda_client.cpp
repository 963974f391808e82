#include "tests/emulator_lambda/lambda_client.h"

#include <httplib.h>

namespace conform::emulator::testing {

namespace {

http::Request rest(const std::string& method, const std::string& path, const std::string& body) {
  http::Request r;
  r.method = method;
  r.path = path;
  if (!body.empty()) r.headers.set("Content-Type", "application/json");
  r.body = body;
  return r;
}

}  // namespace

http::Request create_function_request(const std::string& name, bool durable) {
  Json body = {{"FunctionName", name},
               {"Runtime", "python3.13"},
               {"Role", "arn:aws:iam::123456789012:role/conform"},
               {"Handler", "index.handler"},
               {"Code", {{"ZipFile", "UEsDBBQAAAAAAA=="}}}};
  if (durable) body["DurableConfig"] = {{"RetentionPeriodInDays", 1}, {"ExecutionTimeout", 900}};
  return rest("POST", "/2015-03-31/functions", body.dump());
}

http::Request invoke_request(const std::string& function, const std::string& execution_name, const std::string& type,
                             const std::string& payload) {
  http::Request r = rest("POST", "/2015-03-31/functions/" + http::percent_encode(function) + "/invocations", payload);
  r.headers.set("X-Amz-Invocation-Type", type);
  if (!execution_name.empty()) r.headers.set("X-Amz-Durable-Execution-Name", execution_name);
  return r;
}

http::Request stop_request(const std::string& arn, const std::string& error_body) {
  return rest("POST", "/2025-12-01/durable-executions/" + http::percent_encode(arn) + "/stop", error_body);
}

http::Request get_execution_request(const std::string& arn) {
  return rest("GET", "/2025-12-01/durable-executions/" + http::percent_encode(arn), "");
}

std::string unknown_durable_arn() {
  return "arn:aws:lambda:us-east-1:123456789012:function:nobody:$LATEST/durable-execution/ghost/"
         "0f0e0d0c-0000-4000-8000-000000000000";
}

Json json_of(const http::Response& r) { return Json::parse(r.body, nullptr, false); }

std::string error_type_of(const http::Response& r) { return r.headers.get("X-Amzn-ErrorType").value_or(""); }

struct HttpLambda::Impl {
  explicit Impl(int port) : client("127.0.0.1", port) {
    client.set_tcp_nodelay(true);
    client.set_keep_alive(true);
    client.set_url_encode(false);
  }
  httplib::Client client;
};

HttpLambda::HttpLambda(int port) : impl_(std::make_unique<Impl>(port)) {}
HttpLambda::~HttpLambda() = default;

http::Response HttpLambda::send(const http::Request& request) {
  httplib::Request req;
  req.method = request.method;
  req.path = request.target();
  for (const auto& [k, v] : request.headers.all()) req.headers.emplace(k, v);
  req.body = request.body;
  http::Response out;
  if (auto res = impl_->client.send(req)) {
    out.status = res->status;
    for (const auto& [k, v] : res->headers) out.headers.add(k, v);
    out.body = res->body;
  } else {
    out.status = -1;
  }
  return out;
}

}  // namespace conform::emulator::testing
