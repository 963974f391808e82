// Coral's printed form of a value (see coral_text.h).
#include "harness/protocol/coral_text.h"

namespace conform::protocol {

namespace {

std::string text(const spec::Json& value, int depth) {
  if (depth > 32) return "...";
  switch (value.type()) {
    case spec::Json::value_t::string: return value.get<std::string>();
    case spec::Json::value_t::null: return "null";
    case spec::Json::value_t::array: {
      std::string s = "[";
      bool first = true;
      for (const auto& e : value) {
        s += (first ? "" : ", ") + text(e, depth + 1);
        first = false;
      }
      return s + "]";
    }
    case spec::Json::value_t::object: {
      std::string s = "{";
      bool first = true;
      for (const auto& [k, e] : value.items()) {
        s += (first ? "" : ", ") + k + "=" + text(e, depth + 1);
        first = false;
      }
      return s + "}";
    }
    default:
      return value.dump(-1, ' ', false, spec::Json::error_handler_t::replace);
  }
}

}  // namespace

std::string coral_value_text(const spec::Json& value) { return text(value, 0); }

}  // namespace conform::protocol
