#include "tests/emulator_lambda/lambda_client.h"

#include <httplib.h>

#include "emulator/core/shape_conformance.h"
#include "emulator/core/validator.h"
#include "harness/spec/loader.h"

namespace conform::emulator::testing {

namespace {

std::string label(const std::string& value) { return http::percent_encode(value); }

Query qualified(const std::string& qualifier) {
  return qualifier.empty() ? Query{} : Query{{"Qualifier", qualifier}};
}

}  // namespace

http::Request lambda_request(const std::string& method, const std::string& path, const std::string& body,
                             Query query) {
  http::Request r;
  r.method = method;
  r.path = path;
  r.query = std::move(query);
  if (!body.empty()) r.headers.set("Content-Type", "application/json");
  r.body = body;
  return r;
}

http::Request create_function_request(const std::string& name, bool durable) {
  Json body = {{"FunctionName", name},
               {"Runtime", "python3.13"},
               {"Role", "arn:aws:iam::123456789012:role/conform"},
               {"Handler", "index.handler"},
               {"Code", {{"ZipFile", "UEsDBBQAAAAAAA=="}}}};
  if (durable) body["DurableConfig"] = {{"RetentionPeriodInDays", 1}, {"ExecutionTimeout", 900}};
  return lambda_request("POST", "/2015-03-31/functions", body.dump());
}

http::Request invoke_request(const std::string& function, const std::string& execution_name, const std::string& type,
                             const std::string& payload) {
  http::Request r = lambda_request("POST", "/2015-03-31/functions/" + label(function) + "/invocations", payload);
  r.headers.set("X-Amz-Invocation-Type", type);
  if (!execution_name.empty()) r.headers.set("X-Amz-Durable-Execution-Name", execution_name);
  return r;
}

http::Request stop_request(const std::string& arn, const std::string& error_body) {
  return lambda_request("POST", "/2025-12-01/durable-executions/" + label(arn) + "/stop", error_body);
}

http::Request get_execution_request(const std::string& arn) {
  return lambda_request("GET", "/2025-12-01/durable-executions/" + label(arn));
}

http::Request get_function_request(const std::string& function, const std::string& qualifier) {
  return lambda_request("GET", "/2015-03-31/functions/" + label(function), "", qualified(qualifier));
}

http::Request get_configuration_request(const std::string& function, const std::string& qualifier) {
  return lambda_request("GET", "/2015-03-31/functions/" + label(function) + "/configuration", "", qualified(qualifier));
}

http::Request delete_function_request(const std::string& function, const std::string& qualifier) {
  return lambda_request("DELETE", "/2015-03-31/functions/" + label(function), "", qualified(qualifier));
}

http::Request list_functions_request(Query query) {
  return lambda_request("GET", "/2015-03-31/functions", "", std::move(query));
}

http::Request update_configuration_request(const std::string& function, const Json& body) {
  return lambda_request("PUT", "/2015-03-31/functions/" + label(function) + "/configuration", body.dump());
}

http::Request publish_version_request(const std::string& function, const Json& body) {
  return lambda_request("POST", "/2015-03-31/functions/" + label(function) + "/versions", body.dump());
}

http::Request list_versions_request(const std::string& function, Query query) {
  return lambda_request("GET", "/2015-03-31/functions/" + label(function) + "/versions", "", std::move(query));
}

http::Request list_tags_request(const std::string& arn) {
  return lambda_request("GET", "/2017-03-31/tags/" + label(arn));
}

http::Request tag_resource_request(const std::string& arn, const Json& tags) {
  return lambda_request("POST", "/2017-03-31/tags/" + label(arn), Json{{"Tags", tags}}.dump());
}

http::Request untag_resource_request(const std::string& arn, const std::vector<std::string>& keys) {
  Query query;
  for (const auto& k : keys) query.push_back({"tagKeys", k});
  return lambda_request("DELETE", "/2017-03-31/tags/" + label(arn), "", std::move(query));
}

http::Request get_concurrency_request(const std::string& function) {
  return lambda_request("GET", "/2019-09-30/functions/" + label(function) + "/concurrency");
}

http::Request put_concurrency_request(const std::string& function, int64_t reserved) {
  return lambda_request("PUT", "/2017-10-31/functions/" + label(function) + "/concurrency",
                        Json{{"ReservedConcurrentExecutions", reserved}}.dump());
}

http::Request delete_concurrency_request(const std::string& function) {
  return lambda_request("DELETE", "/2017-10-31/functions/" + label(function) + "/concurrency");
}

http::Request account_settings_request() { return lambda_request("GET", "/2016-08-19/account-settings"); }

http::Request list_executions_request(const std::string& function, Query query) {
  return lambda_request("GET", "/2025-12-01/functions/" + label(function) + "/durable-executions", "",
                        std::move(query));
}

http::Request history_request(const std::string& arn, Query query) {
  return lambda_request("GET", "/2025-12-01/durable-executions/" + label(arn) + "/history", "", std::move(query));
}

std::string unknown_durable_arn() {
  return "arn:aws:lambda:us-east-1:123456789012:function:nobody:$LATEST/durable-execution/ghost/"
         "0f0e0d0c-0000-4000-8000-000000000000";
}

Json json_of(const http::Response& r) { return Json::parse(r.body, nullptr, false); }

nlohmann::json plain(const Json& j) { return nlohmann::json::parse(j.dump()); }

std::string error_type_of(const http::Response& r) { return r.headers.get("X-Amzn-ErrorType").value_or(""); }

std::vector<std::string> output_problems(const std::string& operation, const Json& body) {
  const spec::SpecSet& specs = spec::builtin_specs();
  const spec::Service* service = specs.find_service("lambda");
  const spec::Operation* op = specs.find_operation("lambda", operation);
  if (!service || !op) return {"no spec for lambda." + operation};
  if (!op->output) return body.empty() ? std::vector<std::string>{} : std::vector<std::string>{"output not modeled"};
  TypeProblem type;
  auto typed = conform_to_shape(*op->output, body, "", type);
  if (!typed) return {type.path + ": " + type.message};
  spec::Operation as_input = *op;  // the Coral validator walks an operation's input shape
  as_input.input = *op->output;
  return validate_input(*service, as_input, *typed, FaultSet{});
}

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
