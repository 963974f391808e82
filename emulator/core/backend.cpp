// Outcome constructors (see backend.h).
#include "emulator/core/backend.h"

namespace conform::emulator {

Outcome Outcome::ok(Json output) {
  Outcome o;
  o.output = output.is_object() ? std::move(output) : Json::object();
  return o;
}

Outcome Outcome::error(std::string name, std::string message, Json extra) {
  Outcome o;
  o.is_error = true;
  o.error_name = std::move(name);
  o.error_message = std::move(message);
  o.error_extra = extra.is_object() ? std::move(extra) : Json::object();
  return o;
}

}  // namespace conform::emulator
