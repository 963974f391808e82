// The emulator's SigV4 gate (used only with EmulatorOptions::require_sigv4): verifies the request's
// signature with harness/auth and maps failures to the identities AWS answers with.
//
// Known keys: the credentials the emulator's own environment resolves (AWS_ACCESS_KEY_ID /
// AWS_SECRET_ACCESS_KEY or the shared profile), and the conventional local-emulator pair
// "test" / "test". Promises: never throws; never puts a secret into a message.
#pragma once

#include <functional>
#include <optional>

#include "emulator/core/request_handler.h"

namespace conform::emulator {

std::function<std::optional<SignatureRejection>(const http::Request&, const spec::Service&)> make_signature_gate();

}  // namespace conform::emulator
