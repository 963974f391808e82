// GetExecutionHistory (see handlers.h): the execution's events oldest first (reverseOrder: newest
// first), paged by event id so events recorded between pages never shift a page.
#include "emulator/sfn/arn.h"
#include "emulator/sfn/errors.h"
#include "emulator/sfn/handlers.h"
#include "emulator/sfn/paging.h"

namespace conform::emulator::sfn {
namespace {

// The event id a page starts at, from its token key; nullopt when the key names no event.
std::optional<size_t> start_id(const std::string& key, size_t events) {
  auto id = read_number_key(key);
  if (!id || *id < 1 || *id > events) return std::nullopt;
  return static_cast<size_t>(*id);
}

}  // namespace

Outcome get_execution_history(Env& env) {
  const Call& call = env.call;
  std::string arn = input_string(call, "executionArn").value_or("");
  if (auto bad = check_arn(arn, ArnType::Execution)) return invalid_arn(*bad);
  bool reverse = input_bool(call, "reverseOrder", false);
  bool include_data = input_bool(call, "includeExecutionData", true);
  std::lock_guard<std::mutex> lock(env.store.mu);
  fire_due(env);
  auto it = env.store.executions.find(arn);
  if (it == env.store.executions.end()) return execution_does_not_exist(arn);
  const std::vector<Event>& history = it->second.history;
  const size_t total = history.size();
  const std::string listing = "GetExecutionHistory|" + arn + (reverse ? "|reverse" : "|forward");

  size_t first = reverse ? total : 1;  // event id the page starts at
  if (auto token = input_string(call, "nextToken")) {
    auto key = read_page_token(*token, listing, env.now());
    auto id = key ? start_id(*key, total) : std::nullopt;
    if (!id) return invalid_token();
    first = *id;
  }
  size_t size = page_size(input_member(call, "maxResults"));
  size_t available = reverse ? first : total - first + 1;
  size_t count = std::min(size, total == 0 ? 0 : available);
  Json events = Json::array();
  for (size_t k = 0; k < count; ++k) {
    size_t id = reverse ? first - k : first + k;
    events.push_back(render_event(history, id - 1, include_data));
  }
  Json out = {{"events", std::move(events)}};
  if (count < available) {
    size_t next = reverse ? first - count : first + count;
    out["nextToken"] = make_page_token(listing, number_key(next), env.now());
  }
  return Outcome::ok(std::move(out));
}

}  // namespace conform::emulator::sfn
