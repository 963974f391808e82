// The dispatcher's first half: which service and operation an HTTP request addresses.
//
// awsJson1_0: `X-Amz-Target: <targetPrefix>.<Operation>`, exact case (a case-insensitive-only match is
// a target-case-mismatch). restJson1: the method and raw path against every operation's URI template
// (labels: one non-empty segment each, percent-decoded); when several match, the most literal wins.
// Promises: never throws; thread-safe after construction; every request yields either a Route or a
// ProtocolProblem (unknown-operation, target-case-mismatch, unencoded-label), attributed to the most
// plausible service so the answer can use that service's error vocabulary.
#pragma once

#include <map>
#include <string>
#include <variant>
#include <vector>

#include "emulator/core/protocol_problem.h"
#include "emulator/core/uri_template.h"
#include "harness/http/message.h"
#include "harness/spec/model.h"

namespace conform::emulator {

struct Route {
  const spec::Service* service = nullptr;
  const spec::Operation* op = nullptr;
  std::map<std::string, std::string> labels;  // restJson1 labels, decoded
};

class Router {
 public:
  explicit Router(const spec::SpecSet& specs);
  std::variant<Route, ProtocolProblem> route(const http::Request& request) const;

 private:
  struct RestRoute {
    const spec::Service* service;
    const spec::Operation* op;
    UriTemplate uri;
  };
  std::variant<Route, ProtocolProblem> route_target(const http::Request& request, const std::string& target) const;
  const spec::Service* first_of(spec::Protocol protocol) const;

  const spec::SpecSet& specs_;
  std::vector<RestRoute> rest_routes_;
};

}  // namespace conform::emulator
