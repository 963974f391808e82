// A cassette: every exchange of a recorded conformance run, normalised, in a diff-friendly JSON file.
//
// File format ("format": "conform-cassette/1"), one JSON object written with two-space indentation:
//   format, comment          the format tag (how `conform replay` recognises a cassette) and a reminder
//   target, seed, region, run_id, ops, checks, examples, faults   how the recording was made
//   references               one entry per numbered reference ("<arn#3>"): kind, origin ("request" for
//                            values the harness chose, which keep their `value` so a replay can send
//                            them again; "response" for values the target issued, never stored), and
//                            the step that first showed it
//   exchanges                one entry per exchange, in the order sent: step (1-based), operation and
//                            check of the case that sent it ("(cleanup)" for the final clean-up), example,
//                            call (the operation actually called), purpose (fixture/probe/read-back/...),
//                            concurrent (sent simultaneously with its concurrent neighbours), wait_ms
//                            (pause before sending, e.g. a fixture waiting for a timeout), request
//                            {method, path, query, headers, body | body_text}, response {status, headers,
//                            body | body_text}, transport_error.
// A `body` is the JSON document itself; `body_text` holds bodies that are not JSON (or whose JSON text
// is not canonical and must be resent byte for byte). Headers are lower-case name -> value, only those
// that matter: credentials, signatures, security tokens, dates, Host and lengths are never written.
//
// Promises: to_json/from_json round-trip; from_json never throws (nullopt and a reason on anything
// malformed); request_body_text() gives back exactly the (normalised) bytes that were sent.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace conform::diff {

using Json = nlohmann::ordered_json;

inline constexpr const char* kCassetteFormat = "conform-cassette/1";

struct Message {
  std::string method, path;                                 // requests only
  std::vector<std::pair<std::string, std::string>> query;   // requests only (decoded)
  int status = 0;                                           // responses only
  std::vector<std::pair<std::string, std::string>> headers; // lower-case names
  std::optional<Json> body;                                 // JSON body
  std::string body_text;                                    // otherwise the text ("" = empty body)

  std::string text() const;                                 // the body as text
  std::optional<std::string> header(const std::string& lower_name) const;
};

struct Entry {
  int step = 0;
  std::string operation, check;  // the case that sent it
  int example = 0;
  std::string call, purpose;     // operation called, and why
  bool concurrent = false;
  int wait_ms = 0;
  Message request, response;
  std::string transport_error;
};

struct Reference {
  std::string ref, kind, origin;  // origin: "request" | "response"
  int first_step = 0;
  std::string value;              // kept for origin "request" only
};

struct Cassette {
  std::string target, region = "us-east-1", run_id;
  uint64_t seed = 0;
  std::vector<std::string> ops, checks, faults;
  int examples = 0;
  std::vector<Reference> references;
  std::vector<Entry> entries;
};

Json to_json(const Cassette& cassette);
std::optional<Cassette> cassette_from_json(const Json& doc, std::string* error);
// Reads a file; nullopt with a reason if unreadable, not JSON, or not a cassette.
std::optional<Cassette> load_cassette(const std::string& path, std::string* error);
bool save_cassette(const Cassette& cassette, const std::string& path, std::string* error);
// True when the file is JSON whose "format" names a cassette (any version).
bool looks_like_cassette(const std::string& path);

}  // namespace conform::diff
