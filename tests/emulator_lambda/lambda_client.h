// Test helper: Lambda requests (hand-built restJson1, independent of the harness codec) sent either
// over HTTP to a real EmulatorServer on an ephemeral 127.0.0.1 port or in-process.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "emulator/app/emulator.h"
#include "harness/http/message.h"
#include "harness/spec/model.h"

namespace conform::emulator::testing {

using spec::Json;
using Query = std::vector<std::pair<std::string, std::string>>;  // decoded; keys may repeat

// A restJson1 request: `path` already encoded, `query` decoded, a JSON `body` (Content-Type set when
// there is one).
http::Request lambda_request(const std::string& method, const std::string& path, const std::string& body = "",
                             Query query = {});

http::Request create_function_request(const std::string& name, bool durable = true);
http::Request invoke_request(const std::string& function, const std::string& execution_name,
                             const std::string& type = "Event", const std::string& payload = "{}");
http::Request stop_request(const std::string& arn, const std::string& error_body = "");
http::Request get_execution_request(const std::string& arn);

// Functions: `function` is a name or ARN (percent-encoded into the path); Qualifier only when given.
http::Request get_function_request(const std::string& function, const std::string& qualifier = "");
http::Request get_configuration_request(const std::string& function, const std::string& qualifier = "");
http::Request delete_function_request(const std::string& function, const std::string& qualifier = "");
http::Request list_functions_request(Query query = {});
http::Request update_configuration_request(const std::string& function, const Json& body);
http::Request publish_version_request(const std::string& function, const Json& body = Json::object());
http::Request list_versions_request(const std::string& function, Query query = {});

// Tags on a resource ARN.
http::Request list_tags_request(const std::string& arn);
http::Request tag_resource_request(const std::string& arn, const Json& tags);
http::Request untag_resource_request(const std::string& arn, const std::vector<std::string>& keys);

// Reserved concurrency and account settings.
http::Request get_concurrency_request(const std::string& function);
http::Request put_concurrency_request(const std::string& function, int64_t reserved);
http::Request delete_concurrency_request(const std::string& function);
http::Request account_settings_request();

// Durable executions.
http::Request list_executions_request(const std::string& function, Query query = {});
http::Request history_request(const std::string& arn, Query query = {});

// A valid-looking durable execution ARN that was never issued.
std::string unknown_durable_arn();

Json json_of(const http::Response& r);
// The same value without member order (Json keeps insertion order, which carries no meaning on the wire).
nlohmann::json plain(const Json& j);
std::string error_type_of(const http::Response& r);

// Problems of `body` as the output of lambda.<operation>: wrong types, missing required members,
// enum / pattern / length / range violations (the emulator's own Coral validator applied to the
// operation's output shape). Empty when the body conforms.
std::vector<std::string> output_problems(const std::string& operation, const Json& body);

// Sends through one kept-alive HTTP connection.
class HttpLambda {
 public:
  explicit HttpLambda(int port);
  ~HttpLambda();
  http::Response send(const http::Request& request);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace conform::emulator::testing
