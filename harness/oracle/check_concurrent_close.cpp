// concurrent_close: K simultaneous closes of one fresh resource, one Caller per thread. Exactly one may
// succeed and the others must give the `closed` answer; when the closed answer is itself a success
// (sameAsFirstClose), all succeed with equal bodies.
#include <condition_variable>
#include <mutex>
#include <thread>

#include "harness/gen/valid_input.h"
#include "harness/oracle/check_support.h"
#include "harness/oracle/checks.h"

namespace conform::oracle {

namespace {

// Releases every waiting thread at once.
class StartGate {
 public:
  void wait() {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return open_; });
  }
  void open() {
    { std::lock_guard<std::mutex> lock(mu_); open_ = true; }
    cv_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  bool open_ = false;
};

rc::Gen<Json> generate_concurrent_close(const Scope& scope) {
  return rc::gen::map(gen::valid_input(scope.op), [](const Json& in) { return Json{{"input", in}}; });
}

CaseResult run_concurrent_close(const Scope& scope, const Json& c, Session& session) {
  CaseBuilder b("concurrent_close", scope, session, c);
  const spec::Rule* closed = rule_for(scope.op, spec::Situation::Closed);
  int k = std::max(2, session.concurrency);
  if (!closed || !scope.op.lifecycle) {
    b.not_run("the operation has no lifecycle or no closed rule");
    return b.finish();
  }
  if (!session.make_caller) {
    b.not_run("no Caller factory for concurrent requests");
    return b.finish();
  }
  std::vector<std::unique_ptr<transport::Caller>> callers;
  for (int i = 0; i < k; ++i) {
    auto caller = session.make_caller();
    if (!caller) {
      b.not_run("the Caller factory gave no Caller");
      return b.finish();
    }
    callers.push_back(std::move(caller));
  }
  auto inst = b.acquire(scope.op.lifecycle->fixture);
  if (!inst) return b.finish();
  b.set_context("concurrent-close", scope.op.id());
  const spec::Service* service = scope.specs.find_service(scope.op.service);
  Json input = bind_input(scope.op, c.value("input", Json::object()), inst->vars);

  std::vector<protocol::DecodedResponse> answers(k);
  StartGate gate;
  std::vector<std::thread> threads;
  for (int i = 0; i < k; ++i)
    threads.emplace_back([&, i] {
      gate.wait();
      answers[i] = callers[i]->call(*service, scope.op, input, "probe");
    });
  gate.open();
  for (auto& t : threads) t.join();

  std::vector<int> index(k, -1);
  for (int i = 0; i < k; ++i) {
    auto log = callers[i]->take_exchanges();
    int first = b.absorb(std::move(log));
    index[i] = static_cast<int>(b.exchange_count()) - 1;
    (void)first;
  }
  int successes = 0, winner = -1;
  for (int i = 0; i < k; ++i)
    if (answers[i].ok()) {
      ++successes;
      if (winner < 0) winner = i;
    }
  std::string observed = std::to_string(successes) + " of " + std::to_string(k) + " succeeded";
  for (int i = 0; i < k; ++i)  // what the first refusal was, for the report
    if (!answers[i].ok()) {
      observed += "; the others answered " + describe_answer(answers[i]);
      break;
    }
  if (closed->expect.success()) {
    // Closing twice is a success too: all succeed, and with sameAsFirstClose all bodies are equal.
    b.judge(successes == k, closed->id, "all-succeed", closed->expect.provenance, "all " + std::to_string(k) + " succeed", observed, index[0]);
    if (winner >= 0)
      for (int i = 0; i < k; ++i)
        if (i != winner)
          judge_answer(b, scope.op, closed->id, Expected::from(closed->expect), answers[i], index[i], inst->vars,
                       success_body(answers[winner]));
    return b.finish();
  }
  b.judge(successes == 1, closed->id, "single-winner", closed->expect.provenance, "exactly 1 of " + std::to_string(k) + " succeeds",
          observed, winner >= 0 ? index[winner] : index[0]);
  for (int i = 0; i < k; ++i)
    if (i != winner) judge_answer(b, scope.op, closed->id, Expected::from(closed->expect), answers[i], index[i], inst->vars);
  return b.finish();
}

}  // namespace

CheckDef make_concurrent_close_check() {
  CheckDef d;
  d.name = "concurrent_close";
  d.description = "Simultaneous closes of one resource: exactly one succeeds, the rest get the closed answer.";
  d.not_applicable = [](const Scope& scope) -> std::optional<std::string> {
    if (!scope.op.lifecycle || !scope.op.lifecycle->closes) return "the operation does not close a resource";
    if (!rule_for(scope.op, spec::Situation::Closed)) return "no closed rule";
    return std::nullopt;
  };
  d.generate = generate_concurrent_close;
  d.run = run_concurrent_close;
  return d;
}

}  // namespace conform::oracle
