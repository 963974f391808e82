// The Lambda backend: one table maps each implemented operation to its handler (see handlers.h), so
// implements() and handle() cannot disagree.
#include "emulator/lambda/backend.h"

#include <map>

#include "emulator/lambda/handlers.h"

namespace conform::emulator {
namespace {

using Handler = Outcome (*)(lambda::State&, const Call&);

const std::map<std::string, Handler>& handlers() {
  static const std::map<std::string, Handler> table = {
      {"CreateFunction", lambda::create_function},
      {"DeleteFunction", lambda::delete_function},
      {"GetFunction", lambda::get_function},
      {"GetFunctionConfiguration", lambda::get_function_configuration},
      {"ListFunctions", lambda::list_functions},
      {"UpdateFunctionConfiguration", lambda::update_function_configuration},
      {"PublishVersion", lambda::publish_version},
      {"ListVersionsByFunction", lambda::list_versions_by_function},
      {"ListTags", lambda::list_tags},
      {"TagResource", lambda::tag_resource},
      {"UntagResource", lambda::untag_resource},
      {"GetFunctionConcurrency", lambda::get_function_concurrency},
      {"PutFunctionConcurrency", lambda::put_function_concurrency},
      {"DeleteFunctionConcurrency", lambda::delete_function_concurrency},
      {"GetAccountSettings", lambda::get_account_settings},
      {"Invoke", lambda::invoke},
      {"StopDurableExecution", lambda::stop_durable_execution},
      {"GetDurableExecution", lambda::get_durable_execution},
      {"ListDurableExecutionsByFunction", lambda::list_durable_executions_by_function},
      {"GetDurableExecutionHistory", lambda::get_durable_execution_history},
  };
  return table;
}

class LambdaBackend final : public Backend {
 public:
  std::string service_name() const override { return "lambda"; }
  bool implements(const std::string& op) const override { return handlers().count(op) > 0; }

  Outcome handle(const Call& call) override {
    auto it = handlers().find(call.op.name);
    if (it == handlers().end()) return Outcome::error("ServiceException", "The emulator does not implement " + call.op.name);
    return it->second(state_, call);
  }

 private:
  lambda::State state_;
};

}  // namespace

std::unique_ptr<Backend> make_lambda_backend() { return std::make_unique<LambdaBackend>(); }

}  // namespace conform::emulator
