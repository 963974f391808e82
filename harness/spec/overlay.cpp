// Hand-written operation files over generated ones (see overlay.h).
#include "harness/spec/overlay.h"

#include <set>
#include <string>

namespace conform::spec {

using Json = nlohmann::ordered_json;

Json overlay_operation(const Json& generated, const Json& hand_written) {
  if (!hand_written.is_object()) return generated;
  if (!generated.is_object()) return hand_written;
  Json out = hand_written;
  for (auto it = generated.begin(); it != generated.end(); ++it) {
    if (it.key() == "generated" || out.contains(it.key())) continue;
    out[it.key()] = it.value();
  }
  const Json* model_errors = generated.contains("errors") ? &generated["errors"] : nullptr;
  if (model_errors && model_errors->is_array() && out["errors"].is_array()) {
    std::set<std::string> declared;
    for (const Json& e : out["errors"])
      if (e.is_object() && e.contains("name") && e["name"].is_string()) declared.insert(e["name"].get<std::string>());
    for (const Json& e : *model_errors) {
      if (!e.is_object() || !e.contains("name") || !e["name"].is_string()) continue;
      if (declared.insert(e["name"].get<std::string>()).second) out["errors"].push_back(e);
    }
  }
  out.erase("generated");
  return out;
}

}  // namespace conform::spec
