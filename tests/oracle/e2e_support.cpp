#include "tests/oracle/e2e_support.h"

namespace conform::e2e {

Target::Target(emulator::FaultSet faults, uint64_t seed) {
  emulator::EmulatorOptions options;
  options.faults = faults;
  options.seed = seed;
  server_ = std::make_unique<emulator::EmulatorServer>(options);
  port_ = server_->start("127.0.0.1", 0, &error_);
  if (port_ <= 0) return;
  caller_ = make_caller();
  fixture::RunIdentity id;
  id.run = "conform-e2e";
  id.seed = seed;
  fixtures_ = std::make_unique<fixture::FixtureRunner>(specs_, id);
}

Target::~Target() {
  if (caller_ && fixtures_) fixtures_->cleanup_all(*caller_);
  caller_.reset();  // close client connections before stopping the server
  if (server_) server_->stop();
}

std::unique_ptr<transport::Caller> Target::make_caller() const {
  auto url = transport::Url::parse(server_->url());
  transport::CallerOptions options;
  options.max_retries = 0;
  return std::make_unique<transport::Caller>(*url, options);
}

oracle::Scope Target::scope(const spec::Operation& op) const { return oracle::Scope{specs_, *specs_.find_service(op.service), op}; }

Json Target::draw(const oracle::CheckDef& check, const spec::Operation& op, uint64_t seed, int size) const {
  return check.generate(scope(op))(rc::Random(seed), size).value();
}

oracle::CaseResult Target::run(const oracle::CheckDef& check, const spec::Operation& op, const Json& c) {
  oracle::Session session{*caller_, *fixtures_, 3, [this] { return make_caller(); }};
  return check.run(scope(op), c, session);
}

std::string describe_findings(const oracle::CaseResult& r, oracle::Verdict at_least) {
  std::string out;
  if (r.not_run) out += "[not run: " + r.not_run_reason + "] ";
  for (const auto& f : r.findings)
    if (static_cast<int>(f.verdict) >= static_cast<int>(at_least))
      out += "\n  " + std::string(oracle::to_string(f.verdict)) + " " + f.check + " " + f.operation + " " + f.rule + " " +
             f.facet + " [" + spec::to_string(f.provenance) + "]: expected " + f.expected + " / observed " +
             f.observed.substr(0, 300);
  return out;
}

bool has_verdict(const oracle::CaseResult& r, oracle::Verdict v) {
  for (const auto& f : r.findings)
    if (f.verdict == v) return true;
  return false;
}

}  // namespace conform::e2e
