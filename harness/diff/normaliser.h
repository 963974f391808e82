// Normalisation of exchanges: every value that legitimately differs between targets or runs (ARNs,
// tokens, run ids, request ids, timestamps, UUIDs, and what user rules name) is replaced by a numbered
// reference "<kind#n>", the same value always by the same reference across a whole cassette, so identity
// relations survive ("the token closed in step 3 is the one acquired in step 2").
//
// What is found, in document order (request before response): the run id (added up front); ARNs,
// UUIDs and ISO 8601 timestamps anywhere in strings, paths, query values and headers; whole values of
// members whose name ends in "Token"; request ids (x-amzn-RequestId / x-amz-request-id headers, members
// named requestId); numbers in members whose name ends in Date, Time or Timestamp; values at the
// user's JSON paths; text matching the user's regexes. Known values are then replaced wherever they
// occur (longest first), in percent-encoded form in request paths ("<arn#3:pct>").
//
// Promises: never throws; values shorter than 4 bytes are never referenced (too likely to collide
// with ordinary text); request bodies keep their exact bytes apart from the replacements; credentials
// and signatures (and the `secrets` given) never reach a Message. substitute() reverses the mapping
// for a replay: each reference is replaced by the value this normaliser knows for it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "harness/diff/cassette.h"
#include "harness/diff/rules.h"
#include "harness/http/message.h"

namespace conform::diff {

class Normaliser {
 public:
  // `fresh_tag` goes in front of new numbers ("<arn#new1>"): a replay marks values the recording
  // did not have. `secrets` are redacted from everything.
  explicit Normaliser(Rules rules = {}, std::string fresh_tag = "", std::vector<std::string> secrets = {});

  // The reference for `value`, numbering it if new. Values shorter than 4 bytes come back unchanged.
  std::string intern(const std::string& value, const std::string& kind, const std::string& origin, int step);
  // Makes `value` stand for the existing reference text `ref` (a replay binding a live value to the
  // recorded reference). False when the value or the reference is already taken.
  bool bind(const std::string& value, const std::string& ref, const std::string& kind, const std::string& origin,
            int step);
  std::optional<std::string> value_of(const std::string& ref) const;
  bool knows_value(const std::string& value) const { return by_value_.count(value) > 0; }

  // Discovers the values of a raw message, then returns it normalised.
  Message request(const http::Request& raw, int step);
  Message response(const http::Response& raw, int step);
  // The two halves of response(): a replay binds live values between them.
  void discover_response(const http::Response& raw, int step);
  Message normalise_response(const http::Response& raw, int step);

  std::string replace(const std::string& text) const;
  // References back to values; `unknown` collects references this normaliser has no value for.
  std::string substitute(const std::string& text, std::vector<std::string>* unknown = nullptr) const;

  std::vector<Reference> references() const;  // in order of creation

  // Response headers worth comparing; request headers worth resending (lower-case names).
  static bool keep_request_header(const std::string& lower_name);
  static bool keep_response_header(const std::string& lower_name);

 private:
  struct Known {
    Reference reference;
    std::string encoded;  // percent-encoded form when it differs
  };
  void discover_string(const std::string& s, const std::vector<std::string>& location, const std::string& origin,
                       int step);
  void discover_json(const Json& j, std::vector<std::string>& location, const std::string& origin, int step);
  void discover_headers(const http::Headers& headers, const std::string& side, const std::string& origin, int step);
  Json replace_json(const Json& j, std::vector<std::string>& location, int step);
  std::string replace_in(const std::string& text, bool with_encoded) const;
  std::optional<std::string> path_kind(const std::vector<std::string>& location) const;
  void index(size_t k);

  Rules rules_;
  std::string fresh_tag_;
  std::vector<std::string> secrets_;
  std::vector<Known> known_;
  std::unordered_map<std::string, size_t> by_value_, by_ref_;
  std::map<std::string, int> counters_;
  std::unordered_map<uint32_t, std::vector<std::pair<size_t, bool>>> index_;  // 4-byte prefix -> (known, encoded)
};

// True when `kind` names values whose identity is not compared (timestamps, request ids): any two
// references of such a kind are equal.
bool identity_free_kind(const std::string& kind);
// "<kind#n>" -> kind, or nullopt when `text` is not exactly one reference.
std::optional<std::string> reference_kind(const std::string& text);

}  // namespace conform::diff
