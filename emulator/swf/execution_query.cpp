// Visibility filters (see execution_query.h). The messages repeat the model's documentation of the
// exclusivity rules; AWS's own wording is not recorded.
#include "emulator/swf/execution_query.h"

#include <algorithm>

#include "emulator/swf/json_access.h"
#include "emulator/swf/messages.h"

namespace conform::emulator::swf {
namespace {

constexpr const char* kOneTimeFilter =
    "startTimeFilter and closeTimeFilter are mutually exclusive. You must specify one of these in a request "
    "but not both.";
constexpr const char* kOpenFiltersExclusive =
    "executionFilter, typeFilter and tagFilter are mutually exclusive. You can specify at most one of these in a "
    "request.";
constexpr const char* kClosedFiltersExclusive =
    "closeStatusFilter, executionFilter, typeFilter and tagFilter are mutually exclusive. You can specify at most "
    "one of these in a request.";

bool sent(const Json& input, const char* filter) { return member(input, filter).is_object(); }

void read_window(const Json& filter, ExecutionQuery& q) {
  const Json& oldest = member(filter, "oldestDate");
  const Json& latest = member(filter, "latestDate");
  if (oldest.is_number()) q.oldest = oldest.get<double>();
  if (latest.is_number()) q.latest = latest.get<double>();
}

}  // namespace

std::variant<ExecutionQuery, Outcome> read_query(const Json& input, bool closed) {
  ExecutionQuery q;
  q.closed = closed;
  bool by_start = sent(input, "startTimeFilter"), by_close = sent(input, "closeTimeFilter");
  if (closed && by_start == by_close) return Outcome::error(msg::kValidation, kOneTimeFilter);
  int others = sent(input, "executionFilter") + sent(input, "typeFilter") + sent(input, "tagFilter") +
               (closed && sent(input, "closeStatusFilter"));
  if (others > 1) return Outcome::error(msg::kValidation, closed ? kClosedFiltersExclusive : kOpenFiltersExclusive);

  q.by_close_time = closed && by_close;
  read_window(member(input, q.by_close_time ? "closeTimeFilter" : "startTimeFilter"), q);
  q.workflow_id = opt_string(member(input, "executionFilter"), "workflowId");
  q.type_name = opt_string(member(input, "typeFilter"), "name");
  q.type_version = opt_string(member(input, "typeFilter"), "version");
  q.tag = opt_string(member(input, "tagFilter"), "tag");
  if (closed) q.close_status = opt_string(member(input, "closeStatusFilter"), "status");
  return q;
}

double sort_time(const ExecutionQuery& q, const Execution& e) {
  return q.by_close_time ? e.closed_at : e.start_timestamp();
}

bool matches(const ExecutionQuery& q, const Execution& e) {
  if (e.open == q.closed) return false;
  double t = sort_time(q, e);
  if (t < q.oldest || t > q.latest) return false;
  if (q.workflow_id && e.workflow_id != *q.workflow_id) return false;
  if (q.type_name && get_string(e.workflow_type, "name") != *q.type_name) return false;
  if (q.type_version && get_string(e.workflow_type, "version") != *q.type_version) return false;
  if (q.tag && std::find(e.tags.begin(), e.tags.end(), *q.tag) == e.tags.end()) return false;
  if (q.close_status && e.close_status != *q.close_status) return false;
  return true;
}

}  // namespace conform::emulator::swf
