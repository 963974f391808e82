// One workflow execution's event history, as SWF returns it (HistoryEvent).
//
// Promises: events are numbered 1, 2, 3... in append order; each event is
// {"eventTimestamp": <epoch seconds, ms precision>, "eventType": T, "eventId": N,
//  "<t>EventAttributes": {...}} where <t> is T with a lower-case first letter; timestamps never go
// backwards (an older timestamp is raised to the latest one). Not thread-safe (the store's lock guards it).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "harness/spec/model.h"

namespace conform::emulator::swf {

using Json = spec::Json;

class History {
 public:
  // Appends an event and returns its id.
  int64_t append(double timestamp, const std::string& type, Json attributes);
  const std::vector<Json>& events() const { return events_; }
  int64_t last_id() const { return static_cast<int64_t>(events_.size()); }
  const Json* find(int64_t id) const;

 private:
  std::vector<Json> events_;
  double latest_ = 0;
};

// "ActivityTaskFailed" -> "activityTaskFailedEventAttributes".
std::string attributes_key(const std::string& event_type);

}  // namespace conform::emulator::swf
