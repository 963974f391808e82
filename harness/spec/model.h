// The in-memory model of Conform's specs (see specs/README.md for the JSON format it is loaded from).
//
// Promises: a SpecSet produced by the loader is complete and self-consistent: every rule names an
// existing member and a declared error, every lifecycle names an existing fixture and read-back
// operation, every capture a fixture uses is produced by an earlier step. Objects are immutable after
// loading and may be shared freely across threads. Member order is the order in the spec file (Coral
// reports multiple validation errors in declaration order).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace conform::spec {

using Json = nlohmann::ordered_json;

// Where a fact comes from. Model, Documented and Measured are hard contracts: a mismatch is a
// violation. Emulator and Inferred are soft: a mismatch is reported as "unconfirmed".
enum class Provenance { Model, Documented, Measured, Emulator, Inferred };
bool is_hard(Provenance p);
const char* to_string(Provenance p);
std::optional<Provenance> provenance_from_string(const std::string& s);

enum class Protocol { AwsJson1_0, RestJson1 };
const char* to_string(Protocol p);

enum class ShapeType { String, Integer, Long, Double, Boolean, Timestamp, Blob, Structure, List, Map };
const char* to_string(ShapeType t);
std::optional<ShapeType> shape_type_from_string(const std::string& s);

// Where a request member travels. Body: a key of the JSON body. Payload: the whole body (restJson1
// httpPayload). Uri: a {Label} of the URI template (percent-encoded). Header/Query: by location_name.
enum class Location { Body, Payload, Uri, Header, Query };
const char* to_string(Location l);

struct Range {
  std::optional<int64_t> min, max;
};

struct Shape;
using ShapePtr = std::shared_ptr<const Shape>;

struct Member {
  std::string name;            // the member's wire name (JSON key; label name for Uri)
  ShapePtr shape;
  bool required = false;
  Location location = Location::Body;
  std::string location_name;   // header name / query key; equals `name` when not given
  Provenance provenance = Provenance::Model;
  std::string documentation;
};

struct Shape {
  ShapeType type = ShapeType::String;
  // Strings: length in Unicode code points. Blobs: bytes. Lists/maps: element count.
  std::optional<Range> length;
  std::optional<Range> range;                 // numeric value range (integer/long/double)
  std::optional<std::string> pattern;         // ECMAScript regex, must match the WHOLE value
  std::optional<std::string> pattern_text;    // the pattern as the service prints it in messages
  std::vector<std::string> enum_values;
  std::optional<std::string> format;          // strings: "json" = the value must be a JSON text
  bool sensitive = false;
  std::vector<Member> members;                // Structure
  ShapePtr element;                           // List element / Map value
  const Member* find_member(const std::string& name) const;
};

// An error an operation (or every operation of a service) can answer with.
struct ErrorSpec {
  std::string name;                           // the code clients resolve, e.g. "TaskTimedOut"
  int status = 400;
  std::string wire;                           // full identity on the wire: awsJson `__type`
                                              // ("ns#Name"), restJson `X-Amzn-ErrorType`
  std::optional<std::string> message;         // template (see Template below), when known
  std::vector<std::string> body_members;      // restJson1 members of the error body, e.g. Type, Message
  Provenance provenance = Provenance::Model;  // of name + status
  Provenance wire_provenance = Provenance::Model;
  Provenance message_provenance = Provenance::Inferred;
  std::vector<std::string> sources;
  std::string description;
};

// The situations a rule can describe. Constraint situations concern one `member`.
enum class Situation {
  Valid,                // a valid request (on a live resource when the op has a lifecycle)
  Closed,               // the resource was closed earlier (by this op or a sibling)
  TimedOut,             // the task's timeout elapsed before this request
  UnknownResource,      // a well-formed identifier that was never issued
  MalformedIdentifier,  // an identifier that is not well-formed
  MissingRequired, LengthBelowMin, LengthAboveMax, PatternMismatch, EnumMismatch, RangeViolation, WrongType,
  // protocol situations (service-level rules)
  MalformedJson, BodyNotObject, WrongContentType, UnknownOperation, TargetCaseMismatch, UnencodedLabel,
};
const char* to_string(Situation s);
std::optional<Situation> situation_from_string(const std::string& s);
bool is_constraint_situation(Situation s);
bool is_protocol_situation(Situation s);

// What a rule expects. `error` empty means success (2xx, output shape respected).
// Strings in message templates may use ${name}: fixture variables, builtins (run, seq, uuid, region,
// account), probe facts (value, path, min, max, pattern, enum), and ${*} for "any text".
struct Expectation {
  std::optional<int> status;
  std::string error;
  std::optional<std::string> message;
  bool same_as_first_close = false;           // body must equal the first successful close's body
  Provenance provenance = Provenance::Inferred;          // of status + error identity
  Provenance message_provenance = Provenance::Inferred;  // of the message template
  bool success() const { return error.empty(); }
};

struct Rule {
  std::string id;                             // unique within the operation
  Situation situation = Situation::Valid;
  std::optional<std::string> member;          // top-level member the situation concerns
  std::optional<std::string> value;           // probe value template (identifier situations)
  std::optional<std::string> value_replace;   // if set, `value` is transformed: regex ...
  std::optional<std::string> value_with;      // ... replaced by this template
  Expectation expect;
  std::vector<std::string> sources;
  std::string note;
  bool inferred = false;                      // made by inference.h, not written in a spec file
};

// Fixture recipes: API calls run in order with values captured from responses.
struct Capture {
  std::string variable;
  bool from_header = false;
  std::string where;                          // JSON pointer into the body, or a header name
};

struct Step {
  std::string operation;                      // empty for a pure sleep step
  Json input;                                 // may contain ${var} templates
  std::vector<Capture> captures;
  // Variables taken from the step's own (expanded) input, by JSON pointer: RegisterDomain answers an
  // empty body, so the domain name it was given is bound from its input.
  std::vector<Capture> input_captures;
  bool optional = false;                      // an unknown-operation answer skips the step (no failure)
  std::optional<std::string> until;           // poll until this pointer is present and non-empty
  int attempts = 1;
  int interval_ms = 0;
  int sleep_ms = 0;                           // sleep after the step (or alone)
};

struct Fixture {
  std::string name;
  std::string description;
  std::vector<Step> steps;
  std::vector<Step> cleanup;                  // best effort, in order, after the resource is done
  std::vector<std::string> provides;          // variables available after `steps`
  bool inferred = false;                      // made by inference.h from a hand-written recipe
  std::string note;                           // inferred: where it comes from
};

// An assertion on a read-back response.
struct StateAssertion {
  std::string pointer;                        // JSON pointer into the read-back body
  std::optional<Json> equals;                 // literal (strings may use ${var})
  std::optional<std::string> equals_input;    // member of the close request; absent if not sent
  std::optional<bool> present;
  std::vector<StateAssertion> some;           // pointer names an array; some element satisfies all
  std::optional<std::string> error;           // the read-back answers this error (a deleted resource)
  Provenance provenance = Provenance::Inferred;
  std::string note;
};

struct ReadBack {
  std::string operation;
  Json input;
};

struct Lifecycle {
  std::string fixture;                        // fixture of the live resource
  std::optional<std::string> timed_out_fixture;  // fixture whose resource has timed out
  Json bind;                                  // member -> template filled from fixture variables
  bool closes = false;                        // a successful call closes the resource
  std::optional<ReadBack> read_back;
  std::vector<StateAssertion> after_close;    // read-back state after this op's successful close
  std::vector<StateAssertion> while_live;     // read-back state of a live resource
  // Members valid inputs leave out: references to resources no recipe makes (a random Qualifier or
  // Layers ARN names nothing), pagination tokens, free-form optional values.
  std::vector<std::string> omit;
  // Bound members that name an existing resource (an unknown-resource probe replaces them); the rest
  // of `bind` describes the resource a producing call makes (a new name).
  std::vector<std::string> consumed;
  // A producing call (CreateActivity, StartExecution, ...): what a successful answer of the operation
  // itself makes, captured from that answer, and the steps that remove it after the case (they may use
  // those captures and the fixture's variables).
  std::vector<Capture> produces;
  std::vector<Step> cleanup;
  bool inferred = false;                      // made by inference.h (producer -> consumer), not hand-written
  std::string note;                           // inferred: how each member is bound
};

// How an operation pages its results: the request member carrying the token, the answer member that
// hands out the next one, the request member bounding the page size and the answer's list of items.
struct Pagination {
  std::string input_token, output_token, page_size, items;
  std::optional<int64_t> max_page_size;       // the page size member's modeled maximum
  Provenance provenance = Provenance::Model;  // of "a page holds at most page-size items"
  std::string note;
};

struct Service;

struct Operation {
  std::string service;                        // service name, e.g. "stepfunctions"
  std::string name;                           // e.g. "SendTaskFailure"
  std::string role;                           // "subject" (contract under test) | "fixture" | "read-back"
  std::string documentation;
  std::string method = "POST";                // restJson1; awsJson1_0 is always POST /
  std::string uri = "/";                      // restJson1 template with {Label}s
  Shape input;                                // Structure
  std::optional<Shape> output;                // nullopt: no output members (void)
  std::vector<ErrorSpec> errors;
  std::vector<Rule> rules;
  std::optional<Lifecycle> lifecycle;
  std::optional<Pagination> pagination;
  std::string file;                           // where it was loaded from
  std::string origin;                         // overlay.h: "hand-written", "model", "hand-written over model"

  std::string id() const { return service + "." + name; }
  const ErrorSpec* find_error(const std::string& name) const;
  std::vector<const Rule*> rules_for(Situation s) const;
};

struct ValidationTemplate {
  std::string text;
  Provenance provenance = Provenance::Inferred;
};

// How the service reports constraint violations (Coral ValidationException).
struct ValidationStyle {
  std::string error = "ValidationException";
  bool lower_camel_paths = false;             // Lambda prints 'durableExecutionArn'
  std::string header_one = "1 validation error detected: ";
  std::string header_many = "${count} validation errors detected: ";
  std::string separator = "; ";
  // keys: required, lengthMin, lengthMax, pattern, enum, rangeMin, rangeMax, each optionally
  // suffixed ".sensitive" for the form that does not echo the value.
  std::map<std::string, ValidationTemplate> templates;
  Provenance provenance = Provenance::Inferred;
};

struct Service {
  std::string name;                           // "stepfunctions" | "swf" | "lambda"
  std::string title;
  std::string api_version;
  Protocol protocol = Protocol::AwsJson1_0;
  std::string signing_name;
  std::string endpoint_prefix;
  std::string target_prefix;                  // awsJson1_0: X-Amz-Target prefix
  std::string error_namespace;                // awsJson1_0: prefix of `__type` for modeled errors
  Provenance error_namespace_provenance = Provenance::Inferred;
  ValidationStyle validation;
  std::vector<ErrorSpec> common_errors;       // errors any operation may answer (validation, protocol)
  std::vector<Rule> protocol_rules;           // protocol situations
  std::map<std::string, Fixture> fixtures;
  std::string file;

  const ErrorSpec* find_common_error(const std::string& name) const;
};

struct SpecSet {
  std::map<std::string, Service> services;    // by name
  std::vector<Operation> operations;          // sorted by id()

  const Service* find_service(const std::string& name) const;
  const Operation* find_operation(const std::string& service, const std::string& name) const;
  const Operation* find_operation(const std::string& id) const;  // "service.Name"
  // The error spec an operation may answer with: its own list first, then the service's common errors.
  const ErrorSpec* find_error(const Operation& op, const std::string& name) const;
  // Operations whose lifecycle uses `fixture` of `service` (the siblings of a closing operation).
  std::vector<const Operation*> operations_on_fixture(const std::string& service, const std::string& fixture) const;
};

}  // namespace conform::spec
