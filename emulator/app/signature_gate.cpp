#include "emulator/app/signature_gate.h"

#include "harness/auth/credentials.h"
#include "harness/auth/sigv4_verify.h"

namespace conform::emulator {

std::function<std::optional<SignatureRejection>(const http::Request&, const spec::Service&)> make_signature_gate() {
  auto env_credentials = auth::resolve_credentials();
  return [env_credentials](const http::Request& request, const spec::Service& service)
             -> std::optional<SignatureRejection> {
    auth::VerifyOptions options;
    options.rest_json = service.protocol == spec::Protocol::RestJson1;
    options.secret_for = [&env_credentials](const std::string& key) -> std::optional<std::string> {
      if (env_credentials && key == env_credentials->access_key_id) return env_credentials->secret_access_key;
      if (key == "test") return std::string("test");
      return std::nullopt;
    };
    auth::VerifyResult result = auth::verify(request, options);
    if (result.ok) return std::nullopt;
    return SignatureRejection{result.error, result.message, result.status ? result.status : 403};
  };
}

}  // namespace conform::emulator
