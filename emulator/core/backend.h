// The interface between the emulator's protocol core and one service's behaviour.
//
// The core (dispatcher) has already: identified the operation, decoded the input from body, URI
// labels, headers and query into one JSON object keyed by member name, and validated it against the
// operation's spec (Coral-style ValidationException). A backend implements the service's semantics and
// answers with an Outcome; the core encodes it for the wire (awsJson1_0 `__type` or restJson1
// `X-Amzn-ErrorType`, status and body members taken from the error's spec).
//
// Promises required of a backend: handle() is thread-safe; it never throws for any validated input
// (the core turns an escaped exception into a 500, which tests treat as a bug); an Outcome::error names
// an error declared by the operation or the service, with the documented message.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "emulator/core/clock.h"
#include "emulator/core/faults.h"
#include "emulator/core/ids.h"
#include "harness/http/message.h"
#include "harness/spec/model.h"

namespace conform::emulator {

using spec::Json;

struct Call {
  const spec::Service& service;
  const spec::Operation& op;
  Json input;                      // validated; members absent when not sent (JSON null = absent);
                                   // blobs (also a blob payload) are base64 text; timestamps epoch seconds
  const http::Request& request;
  const FaultSet& faults;
  const Clock& clock;
  Ids& ids;
  std::string region = "us-east-1";
  std::string account = "123456789012";
};

struct Outcome {
  // Success: `output` keyed by output member name. Members with a header location are sent as
  // headers, a payload member as the body (a blob payload given as base64 text); the rest form the
  // JSON body (empty body when the operation has no output members). Only members the operation's
  // output declares are sent.
  static Outcome ok(Json output = Json::object());
  // A documented error: `name` must be declared by the operation or service. `extra` members are added
  // to the error body (e.g. Lambda's Reason).
  static Outcome error(std::string name, std::string message, Json extra = Json::object());

  bool is_error = false;
  Json output = Json::object();
  std::string error_name, error_message;
  Json error_extra = Json::object();
  std::vector<std::pair<std::string, std::string>> headers;  // extra response headers
  // A status other than the default (200 / the error spec's): restJson1 success codes such as 201
  // (CreateFunction) and 202/204 (Invoke), or a planted fault.
  std::optional<int> status_override;
};

class Backend {
 public:
  virtual ~Backend() = default;
  virtual std::string service_name() const = 0;   // matches spec::Service::name
  // Whether the backend has behaviour for `operation`. The core answers an operation it does not
  // implement as the service answers an unknown one (UnknownOperationException, before any
  // validation), never by validating input for a handler that does not exist.
  virtual bool implements(const std::string& operation) const = 0;
  virtual Outcome handle(const Call& call) = 0;
};

}  // namespace conform::emulator
