#include "emulator/core/router.h"

namespace conform::emulator {

Router::Router(const spec::SpecSet& specs) : specs_(specs) {
  for (const auto& op : specs.operations) {
    const spec::Service* service = specs.find_service(op.service);
    if (service && service->protocol == spec::Protocol::RestJson1)
      rest_routes_.push_back({service, &op, UriTemplate(op.uri)});
  }
}

const spec::Service* Router::first_of(spec::Protocol protocol) const {
  for (const auto& [name, service] : specs_.services)
    if (service.protocol == protocol) return &service;
  return nullptr;
}

std::variant<Route, ProtocolProblem> Router::route_target(const http::Request& request,
                                                          const std::string& target) const {
  ProtocolProblem problem;
  problem.situation = spec::Situation::UnknownOperation;
  problem.service = first_of(spec::Protocol::AwsJson1_0);
  size_t dot = target.rfind('.');
  std::string prefix = dot == std::string::npos ? "" : target.substr(0, dot);
  std::string name = dot == std::string::npos ? target : target.substr(dot + 1);
  const spec::Service* exact = nullptr;
  const spec::Service* folded = nullptr;
  for (const auto& [sname, service] : specs_.services) {
    if (service.protocol != spec::Protocol::AwsJson1_0 || service.target_prefix.empty()) continue;
    if (service.target_prefix == prefix) exact = &service;
    else if (http::iequals(service.target_prefix, prefix)) folded = &service;
  }
  const spec::Service* service = exact ? exact : folded;
  if (!service) {
    problem.detail = "No operation matches the target '" + target + "'";
    return problem;
  }
  problem.service = service;
  const spec::Operation* case_match = nullptr;
  for (const auto& op : specs_.operations) {
    if (op.service != service->name) continue;
    if (exact && op.name == name) return Route{service, &op, {}};
    if (http::iequals(op.name, name)) case_match = &op;
  }
  if (case_match) {
    problem.situation = spec::Situation::TargetCaseMismatch;
    problem.op = case_match;
    problem.detail = "The target '" + target + "' differs from '" + service->target_prefix + "." + case_match->name +
                     "' only in case";
    return problem;
  }
  problem.detail = "No operation matches the target '" + target + "'";
  (void)request;
  return problem;
}

std::variant<Route, ProtocolProblem> Router::route(const http::Request& request) const {
  // restJson1 routes first: a path other than "/" never addresses an awsJson1_0 operation.
  const RestRoute* best = nullptr;
  std::map<std::string, std::string> best_labels;
  bool path_known = false, bad_escape = false, spans_label = false;
  const spec::Service* rest_service = nullptr;
  const std::vector<std::string> parts = split_path(request.path);  // once, not once per template
  for (const auto& r : rest_routes_) {
    std::map<std::string, std::string> labels;
    bool bad = false;
    bool matched = r.uri.match(parts, labels, &bad);
    bad_escape = bad_escape || bad;
    if (matched && r.op->method == request.method) {
      if (!best || r.uri.literal_count() > best->uri.literal_count()) {
        best = &r;
        best_labels = std::move(labels);
      }
    } else if (matched) {
      path_known = true;
      rest_service = r.service;
    } else if (!bad && r.op->method == request.method && r.uri.match_spanning(parts)) {
      spans_label = true;
      rest_service = r.service;
    }
    if (bad) rest_service = r.service;
  }
  if (best) return Route{best->service, best->op, std::move(best_labels)};

  if (auto target = request.headers.get("X-Amz-Target"); target && (request.path == "/" || !rest_service))
    return route_target(request, *target);

  ProtocolProblem problem;
  problem.situation = spec::Situation::UnknownOperation;
  if (rest_service) {
    problem.service = rest_service;
    if (spans_label && !path_known) {
      problem.situation = spec::Situation::UnencodedLabel;
      problem.detail = "A URI label contains an unencoded '/': " + request.path;
    } else if (bad_escape) {
      problem.detail = "Malformed percent-encoding in the path: " + request.path;
    } else {
      problem.detail = "No operation matches " + request.method + " " + request.path;
    }
    return problem;
  }
  if (request.path == "/" || request.path.empty()) {
    problem.service = first_of(spec::Protocol::AwsJson1_0);
    problem.detail = "Missing X-Amz-Target header";
    if (!problem.service) problem.service = first_of(spec::Protocol::RestJson1);
    return problem;
  }
  problem.service = first_of(spec::Protocol::RestJson1);
  if (!problem.service) problem.service = first_of(spec::Protocol::AwsJson1_0);
  problem.detail = "No operation matches " + request.method + " " + request.path;
  return problem;
}

}  // namespace conform::emulator
