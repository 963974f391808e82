// The check definitions, one factory per check (each in its own check_<name>.cpp); registry.cpp lists
// them in report order.
#pragma once

#include "harness/oracle/check.h"

namespace conform::oracle {

CheckDef make_no_server_error_check();
CheckDef make_error_has_identity_check();
CheckDef make_positive_acceptance_check();
CheckDef make_negative_rejection_check();
CheckDef make_unknown_resource_check();
CheckDef make_malformed_identifier_check();
CheckDef make_closed_token_idempotence_check();
CheckDef make_concurrent_close_check();
CheckDef make_state_effect_check();
CheckDef make_pagination_check();
CheckDef make_protocol_robustness_check();

}  // namespace conform::oracle
