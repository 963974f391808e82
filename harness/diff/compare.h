// Comparing a recorded cassette with a live one (same exchanges, answers from another target): the
// differences per exchange, and the parity per operation x check.
//
// A difference has a kind: transport (one side got no HTTP answer), status, error (error identity as
// SDKs resolve it), message (error message), header (content-type, x-amz* headers), body (a member of
// the answer, JSON pointer in `path`) or state (the same, for read-back calls). References of kinds
// whose identity does not matter (timestamps, request ids) compare equal to any reference of the same
// kind; every other reference must be the same one (identity relations are checked).
//
// Promises: never throws; pure functions of their inputs. Parity = exchanges without any difference
// (other than accepted ones) / exchanges, in percent; 100 when there is nothing to compare.
#pragma once

#include <string>
#include <vector>

#include "harness/diff/cassette.h"
#include "harness/diff/rules.h"

namespace conform::diff {

struct Difference {
  int step = 0;
  std::string operation, check, call, purpose;
  int example = 0;
  std::string kind;               // transport status error error-spelling message header body state
  std::string path;               // JSON pointer (body, state, header); "" otherwise
  std::string expected, observed; // recorded, live ("(absent)" when missing)
  bool accepted = false;
  std::string reason;             // of the acceptance
  // Fidelity: a difference SDK clients do not see (the raw spelling of an error identity whose code is
  // the same, the message wording, the content type): counted in parity, failing only with --strict.
  bool fidelity() const;
};

struct CellParity {
  std::string operation, check;
  int exchanges = 0, identical = 0, differing = 0, accepted = 0;  // accepted: only accepted differences
  int contract_differing = 0;     // exchanges with an unaccepted contract difference
  double parity() const { return exchanges == 0 ? 100.0 : 100.0 * (exchanges - differing) / exchanges; }
};

struct DiffResult {
  std::vector<Difference> differences;
  std::vector<CellParity> cells;  // in order of first exchange
  int exchanges = 0, identical = 0, differing = 0, accepted = 0;
  int contract_differing = 0;     // exchanges with an unaccepted contract (not fidelity) difference
  double parity() const { return exchanges == 0 ? 100.0 : 100.0 * (exchanges - differing) / exchanges; }
  int unaccepted() const;
};

// The differences of one exchange (recorded vs live response), before any acceptance.
std::vector<Difference> compare_entry(const Entry& recorded, const Entry& live);
// Entries are compared pairwise (a live cassette from replay_cassette has the recorded order).
DiffResult compare_cassettes(const Cassette& recorded, const Cassette& live, const Rules& rules);

// Text with identity-free references ("<timestamp#4>") made equal ("<timestamp#*>").
std::string canonical_text(const std::string& text);

}  // namespace conform::diff
