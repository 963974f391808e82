// A differential-run target as the user writes it: a URL, `embedded` (the reference emulator), or
// `embedded:FAULT[,FAULT...]` (the emulator with planted faults); and the credentials to sign with.
//
// Promises: never throws; parse_target_spec rejects an empty text or an empty fault name with a
// message (fault names themselves are checked when the emulator starts). Credentials: test/test for
// the embedded emulator and loopback URLs; AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY /
// AWS_SESSION_TOKEN from the environment for other URLs when set.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "harness/transport/caller.h"

namespace conform::diff {

struct TargetSpec {
  std::optional<std::string> url;  // none = embedded
  std::vector<std::string> faults;
  std::string text;                // as written
};

std::optional<TargetSpec> parse_target_spec(const std::string& text, std::string* error);
transport::Credentials credentials_for(const TargetSpec& target);

}  // namespace conform::diff
