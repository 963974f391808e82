// How a hand-written operation file and the one generated from the AWS model combine.
//
// Generated operation files live in <service>/model/<Operation>.json (scripts/import-specs writes them
// from the botocore models); hand-written ones in <service>/<Operation>.json. When both exist, the
// hand-written file wins key by key at the top level of the operation: its role, documentation, http,
// input, output, rules and lifecycle are kept whole where it has them, and only keys it lacks come from
// the generated file. Errors are merged by name: every hand-written error entry is kept as written, and
// each generated error it does not declare is added after them (the model knows errors that nobody
// wrote by hand yet). The "generated" marker is dropped from the result.
//
// Promises: pure function of its inputs, never throws for JSON objects; inputs that are not objects
// yield the other one unchanged.
#pragma once

#include <nlohmann/json.hpp>

namespace conform::spec {

// Where an operation's spec came from (Operation::origin).
inline constexpr const char* kOriginHandWritten = "hand-written";
inline constexpr const char* kOriginModel = "model";
inline constexpr const char* kOriginOverlay = "hand-written over model";

nlohmann::ordered_json overlay_operation(const nlohmann::ordered_json& generated, const nlohmann::ordered_json& hand_written);

}  // namespace conform::spec
