// The filters of the SWF visibility operations (List/Count{Open,Closed}WorkflowExecutions): a time
// window on the start or close time (startTimeFilter / closeTimeFilter: oldestDate <= t <= latestDate),
// and at most one of executionFilter (workflowId), typeFilter (name, optional version), tagFilter
// (one tag of the execution's tagList) and, for closed executions, closeStatusFilter.
//
// Promises: read_query answers the documented exclusivity rules as a ValidationException (closed
// listings: exactly one of startTimeFilter and closeTimeFilter; at most one of the other filters);
// matches() is true exactly for executions of the right state (open / closed) inside every filter;
// sort_time() is the time the listing orders by (close time under closeTimeFilter, else start time).
#pragma once

#include <limits>
#include <optional>
#include <string>
#include <variant>

#include "emulator/core/backend.h"
#include "emulator/swf/records.h"

namespace conform::emulator::swf {

struct ExecutionQuery {
  bool closed = false;
  bool by_close_time = false;  // the time window applies to the close time
  double oldest = -std::numeric_limits<double>::infinity();
  double latest = std::numeric_limits<double>::infinity();
  std::optional<std::string> workflow_id, type_name, type_version, tag, close_status;
};

// The query a List/Count request asks for (`closed`: a *Closed* operation), or the error to answer.
std::variant<ExecutionQuery, Outcome> read_query(const Json& input, bool closed);

bool matches(const ExecutionQuery& q, const Execution& e);
double sort_time(const ExecutionQuery& q, const Execution& e);

}  // namespace conform::emulator::swf
