// The Lambda backend: routes each operation to its handler (see handlers.h).
#include "emulator/lambda/backend.h"

#include <set>

#include "emulator/lambda/handlers.h"

namespace conform::emulator {
namespace {

class LambdaBackend final : public Backend {
 public:
  std::string service_name() const override { return "lambda"; }
  bool implements(const std::string& op) const override {
    static const std::set<std::string> names = {"CreateFunction", "DeleteFunction", "Invoke", "StopDurableExecution",
                                                "GetDurableExecution"};
    return names.count(op) > 0;
  }

  Outcome handle(const Call& call) override {
    const std::string& op = call.op.name;
    if (op == "CreateFunction") return lambda::create_function(state_, call);
    if (op == "DeleteFunction") return lambda::delete_function(state_, call);
    if (op == "Invoke") return lambda::invoke(state_, call);
    if (op == "StopDurableExecution") return lambda::stop_durable_execution(state_, call);
    if (op == "GetDurableExecution") return lambda::get_durable_execution(state_, call);
    return Outcome::error("ServiceException", "The emulator does not implement " + op);
  }

 private:
  lambda::State state_;
};

}  // namespace

std::unique_ptr<Backend> make_lambda_backend() { return std::make_unique<LambdaBackend>(); }

}  // namespace conform::emulator
