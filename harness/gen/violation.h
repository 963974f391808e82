// Single-constraint violations: requests that break exactly one input constraint, labelled with the
// member path, the situation and the constraint.
//
// Promises: violations_of() lists every violation the operation's input admits (missing required, length
// min-1 / max+1 in code points, pattern mismatch, enum mismatch, range min-1 / max+1, wrong JSON type),
// for top-level members and members of nested structures, leaving out those that cannot be produced
// without breaking a second constraint (e.g. an empty string that would also miss the pattern, an empty
// URI label). Each generated case violates exactly that one constraint (validate.h reports exactly one
// violation, or a type error for wrong-type), with every other member valid; bound members get valid
// values by shape (validation precedes the handler). Deterministic for a seed. The operation must
// outlive the returned Gens.
//
// Case JSON: {"situation","member","path","constraint","template","sensitive","location","limit"?,
//             "value" (the offending value, null when missing), "input"}
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <rapidcheck.h>
#include <string>
#include <vector>

#include "harness/spec/model.h"

namespace conform::gen {

struct ViolationSpec {
  spec::Situation situation = spec::Situation::MissingRequired;
  std::string member;                // top-level member
  std::vector<std::string> keys;     // path of wire names from the input root to the member
  std::string constraint;            // "required", "length.min", "length.max", "pattern", "enum", "range.min", "range.max", "type"
  std::string template_key;          // validation template key: required, lengthMin, lengthMax, pattern, enum, rangeMin, rangeMax, type
  std::optional<int64_t> limit;      // the bound for length/range constraints
  const spec::Member* target = nullptr;
  std::optional<spec::Json> example; // a value found for a fixed seed (fallback when a draw fails)
  std::string path() const;          // keys joined by '.'
};

std::vector<ViolationSpec> violations_of(const spec::Operation& op);

// violations_of() of each operation, computed once for as long as the memo lives. Keys are operation
// addresses, so a memo must not outlive the spec set it saw (a run keeps one in its Plan). Thread-safe.
class ViolationMemo {
 public:
  std::shared_ptr<const std::vector<ViolationSpec>> of(const spec::Operation& op);

 private:
  std::mutex mu_;
  std::map<const spec::Operation*, std::shared_ptr<const std::vector<ViolationSpec>>> lists_;
};
// From `memo` when given, else computed.
std::shared_ptr<const std::vector<ViolationSpec>> violations_of(const spec::Operation& op, ViolationMemo* memo);

rc::Gen<spec::Json> violation_case(const spec::Operation& op, const ViolationSpec& v);
// The number of code points, elements or entries the offending value of `v` has (0 when it has no
// length: missing, wrong type, range, pattern and enum violations are short).
int64_t offending_length(const ViolationSpec& v);
// One of violations_of(op), chosen by the generator; nullopt if the operation admits none. With
// `max_length`, only violations whose offending_length() is at most that (e.g. checks that judge only
// the response leave payload-sized max+1 values to negative_rejection, whose exchanges they also judge).
std::optional<rc::Gen<spec::Json>> any_violation_case(const spec::Operation& op,
                                                      std::optional<int64_t> max_length = std::nullopt,
                                                      ViolationMemo* memo = nullptr);

}  // namespace conform::gen
