// End-to-end test support: a reference emulator on an ephemeral loopback port (optionally with planted
// faults), a Caller and a FixtureRunner for it, and helpers to generate and run check cases.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "emulator/app/emulator.h"
#include "harness/oracle/check.h"
#include "harness/spec/loader.h"

namespace conform::e2e {

using spec::Json;

class Target {
 public:
  explicit Target(emulator::FaultSet faults = {}, uint64_t seed = 7);
  ~Target();
  bool ok() const { return port_ > 0; }
  const std::string& error() const { return error_; }

  std::unique_ptr<transport::Caller> make_caller() const;
  oracle::Scope scope(const spec::Operation& op) const;
  // The check's case for `seed` (as the runner draws it).
  Json draw(const oracle::CheckDef& check, const spec::Operation& op, uint64_t seed, int size = 30) const;
  oracle::CaseResult run(const oracle::CheckDef& check, const spec::Operation& op, const Json& c);

  const spec::SpecSet& specs() const { return specs_; }

 private:
  const spec::SpecSet& specs_ = spec::builtin_specs();
  std::unique_ptr<emulator::EmulatorServer> server_;
  int port_ = -1;
  std::string error_;
  std::unique_ptr<transport::Caller> caller_;
  std::unique_ptr<fixture::FixtureRunner> fixtures_;
};

// "check op rule facet: expected / observed" for failure messages.
std::string describe_findings(const oracle::CaseResult& r, oracle::Verdict at_least);
bool has_verdict(const oracle::CaseResult& r, oracle::Verdict v);

}  // namespace conform::e2e
