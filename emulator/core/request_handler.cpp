#include "emulator/core/request_handler.h"

#include "emulator/core/input_decoder.h"
#include "emulator/core/protocol_errors.h"
#include "emulator/core/response_encoder.h"
#include "emulator/core/validation_message.h"
#include "emulator/core/validator.h"

namespace conform::emulator {

RequestHandler::RequestHandler(const spec::SpecSet& specs, HandlerOptions options)
    : specs_(specs),
      options_(std::move(options)),
      router_(specs),
      ids_(options_.seed),
      request_ids_(options_.seed ^ 0x7265717565737431ull) {
  if (!options_.clock) options_.clock = std::make_shared<SystemClock>();
}

void RequestHandler::add_backend(std::unique_ptr<Backend> backend) {
  if (!backend) return;
  std::string name = backend->service_name();
  backends_[name] = std::move(backend);
}

void RequestHandler::reset() {
  backends_.clear();
  ids_.restart();
  request_ids_.restart();
  routed_requests_ = 0;
}

bool RequestHandler::implements(const std::string& service, const std::string& operation) const {
  if (options_.disabled_operations.count(service + "." + operation)) return false;
  auto backend = backends_.find(service);
  return backend != backends_.end() && backend->second->implements(operation);
}

http::Response RequestHandler::handle(const http::Request& request) noexcept {
  std::string request_id;
  try {
    request_id = request_ids_.uuid();
    return handle_unchecked(request, request_id);
  } catch (const std::exception& e) {
    http::Response r;
    r.status = 500;
    r.headers.set("Content-Type", "application/x-amz-json-1.0");
    r.headers.set("x-amzn-RequestId", request_id);
    r.headers.set("X-Amzn-ErrorType", "InternalFailure");
    try {
      r.body = Json{{"__type", "com.amazon.coral.service#InternalFailure"}, {"message", e.what()}}.dump(
          -1, ' ', false, Json::error_handler_t::replace);
    } catch (...) {
      r.body = R"({"__type":"com.amazon.coral.service#InternalFailure","message":"internal failure"})";
    }
    return r;
  } catch (...) {
    http::Response r;
    r.status = 500;
    r.headers.set("Content-Type", "application/x-amz-json-1.0");
    r.headers.set("X-Amzn-ErrorType", "InternalFailure");
    r.body = R"({"__type":"com.amazon.coral.service#InternalFailure","message":"internal failure"})";
    return r;
  }
}

http::Response RequestHandler::handle_unchecked(const http::Request& request, const std::string& request_id) {
  const FaultSet& faults = options_.faults;
  auto protocol_error = [&](const ProtocolProblem& p) {
    if (p.situation == spec::Situation::MalformedJson && faults.has(Fault::ServerErrorOnMalformedJson))
      return encode_error(p.service, p.op, {"InternalFailure", "Internal failure", Json::object(), 500, {}}, faults,
                          request_id);
    ErrorAnswer a = answer_for(p);
    return encode_error(p.service, p.op, {a.name, a.message, Json::object(), a.status, {}}, faults, request_id);
  };

  auto routed = router_.route(request);
  if (auto* p = std::get_if<ProtocolProblem>(&routed)) return protocol_error(*p);
  const Route& route = std::get<Route>(routed);
  const spec::Service& service = *route.service;
  const spec::Operation& op = *route.op;

  if (options_.require_sigv4 && options_.verify_signature)
    if (auto rejection = options_.verify_signature(request, service))
      return encode_error(&service, &op, {rejection->error, rejection->message, Json::object(), rejection->status, {}},
                          faults, request_id);

  if (options_.throttle_every > 0 && ++routed_requests_ % options_.throttle_every == 0) {
    if (service.protocol == spec::Protocol::RestJson1)
      return encode_error(&service, &op,
                          {"TooManyRequestsException", "Rate Exceeded.",
                           Json{{"Type", "User"}, {"Reason", "CallerRateLimitExceeded"}}, 429, {{"Retry-After", "0"}}},
                          faults, request_id);
    return encode_error(&service, &op, {"ThrottlingException", "Rate exceeded", Json::object(), 400, {}}, faults,
                        request_id);
  }

  auto backend = backends_.find(service.name);
  if (!implements(service.name, op.name)) {
    ProtocolProblem unknown;
    unknown.situation = spec::Situation::UnknownOperation;
    unknown.service = &service;
    unknown.detail = "The emulator does not implement " + service.name + "." + op.name;
    return protocol_error(unknown);
  }

  auto decoded = decode_input(service, op, request, route.labels);
  if (auto* p = std::get_if<ProtocolProblem>(&decoded)) return protocol_error(*p);
  Json& input = std::get<Json>(decoded);

  auto violations = validate_input(service, op, input, faults);
  if (!violations.empty()) {
    std::string name = service.validation.error.empty() ? "ValidationException" : service.validation.error;
    return encode_error(&service, &op, {name, validation_message(service.validation, violations), Json::object(),
                                        std::nullopt, {}},
                        faults, request_id);
  }

  Call call{service, op, std::move(input), request, faults, *options_.clock, ids_, options_.region, options_.account};
  Outcome outcome;
  try {
    outcome = backend->second->handle(call);
  } catch (const std::exception& e) {
    return encode_error(&service, &op,
                        {"InternalFailure", std::string("Backend failure: ") + e.what(), Json::object(), 500, {}},
                        faults, request_id);
  }
  if (outcome.is_error)
    return encode_error(&service, &op,
                        {outcome.error_name, outcome.error_message, outcome.error_extra, outcome.status_override,
                         outcome.headers},
                        faults, request_id);
  return encode_success(service, op, outcome, request_id);
}

}  // namespace conform::emulator
