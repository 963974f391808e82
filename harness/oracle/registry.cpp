// The one registry of checks (check.h), in a fixed order.
#include "harness/oracle/checks.h"

namespace conform::oracle {

const std::vector<CheckDef>& registry() {
  static const std::vector<CheckDef> checks = {
      make_no_server_error_check(),
      make_error_has_identity_check(),
      make_positive_acceptance_check(),
      make_negative_rejection_check(),
      make_unknown_resource_check(),
      make_malformed_identifier_check(),
      make_closed_token_idempotence_check(),
      make_concurrent_close_check(),
      make_state_effect_check(),
      make_pagination_check(),
      make_protocol_robustness_check(),
  };
  return checks;
}

const CheckDef* find_check(const std::string& name) {
  for (const auto& c : registry())
    if (c.name == name) return &c;
  return nullptr;
}

}  // namespace conform::oracle
