// Planted faults: each one changes exactly one documented behaviour of the reference emulator, so
// tests can prove the harness detects that deviation. Names are stable (CLI, reports, tests).
//
// Promises: all_faults() lists every Fault once, in enum order, with a one-line description of what
// it breaks; fault_from_name() accepts exactly those names.
#pragma once

#include <atomic>
#include <optional>
#include <string_view>
#include <vector>

namespace conform::emulator {

enum class Fault {
  LengthMaxNotEnforced,           // length-max-not-enforced
  RequiredNotEnforced,            // required-not-enforced
  LengthCountedInBytes,           // length-counted-in-bytes
  SensitiveValueEchoed,           // sensitive-value-echoed
  SfnClosedTokenAccepted,         // sfn-closed-token-accepted
  SfnInvalidTokenAccepted,        // sfn-invalid-token-accepted
  SfnWrongErrorIdentity,          // sfn-wrong-error-identity
  ServerErrorOnMalformedJson,     // server-error-on-malformed-json
  SfnStopMissingStopDate,         // sfn-stop-missing-stop-date
  SfnStopNoStateChange,           // sfn-stop-no-state-change
  SfnCloseNotAtomic,              // sfn-close-not-atomic
  SfnTimeoutNotEnforced,          // sfn-timeout-not-enforced
  SwfClosedTaskAccepted,          // swf-closed-task-accepted
  SwfHistoryMissingReason,        // swf-history-missing-reason
  SwfHeartbeatMissingCancelRequested,  // swf-heartbeat-missing-cancel-requested
  SwfPaginationNeverEnds,         // swf-pagination-never-ends
  SwfDescribeTypeIgnoresDeprecation,  // swf-describe-type-ignores-deprecation
  DurableArnPatternNotEnforced,   // durable-arn-pattern-not-enforced
  RestJsonNotFoundAs400,          // restjson-not-found-as-400
  DurableStopNoStateChange,       // durable-stop-no-state-change
  SfnListIgnoresMaxResults,       // sfn-list-ignores-max-results
  SfnDescribeUnknown500,          // sfn-describe-unknown-500
  LambdaDeleteLeavesReadable,     // lambda-delete-leaves-readable
  LambdaListIgnoresMaxItems,      // lambda-list-ignores-max-items
  ErrorNamespaceDropped,          // error-namespace-dropped (fidelity)
  kCount
};

struct FaultInfo {
  Fault fault;
  std::string_view name;
  std::string_view breaks;  // what documented behaviour it changes
  // A fidelity fault changes only what SDK clients do not read (oracle::Tier::Fidelity): the harness
  // reports it as a fidelity finding, which fails a run only with --strict.
  bool fidelity = false;
};

const std::vector<FaultInfo>& all_faults();
std::optional<Fault> fault_from_name(std::string_view name);
std::string_view fault_name(Fault f);

// A set of active faults; cheap to copy and to query.
class FaultSet {
 public:
  void add(Fault f) { bits_ |= bit(f); }
  bool has(Fault f) const { return (bits_ & bit(f)) != 0; }
  bool empty() const { return bits_ == 0; }

 private:
  static unsigned long long bit(Fault f) { return 1ull << static_cast<unsigned>(f); }
  unsigned long long bits_ = 0;
};

}  // namespace conform::emulator
