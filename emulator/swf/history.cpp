// Event history (see history.h).
#include "emulator/swf/history.h"

#include <cctype>
#include <cmath>

namespace conform::emulator::swf {

std::string attributes_key(const std::string& event_type) {
  std::string key = event_type;
  if (!key.empty()) key[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(key[0])));
  return key + "EventAttributes";
}

int64_t History::append(double timestamp, const std::string& type, Json attributes) {
  timestamp = std::round(timestamp * 1000.0) / 1000.0;
  if (timestamp < latest_) timestamp = latest_;
  latest_ = timestamp;
  int64_t id = last_id() + 1;
  Json event = Json::object();
  event["eventTimestamp"] = timestamp;
  event["eventType"] = type;
  event["eventId"] = id;
  event[attributes_key(type)] = attributes.is_object() ? std::move(attributes) : Json::object();
  events_.push_back(std::move(event));
  return id;
}

const Json* History::find(int64_t id) const {
  if (id < 1 || id > last_id()) return nullptr;
  return &events_[static_cast<size_t>(id - 1)];
}

}  // namespace conform::emulator::swf
