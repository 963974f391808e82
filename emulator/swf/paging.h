// Pages of history events (GetWorkflowExecutionHistory, PollForDecisionTask): maximumPageSize
// (0 or absent = 1000), reverseOrder, and an opaque nextPageToken naming the execution and offset.
//
// Promises: concatenating the pages in token order yields every event exactly once, in the requested
// order; a token is only accepted for the execution that issued it; the token text is at most
// 2048 characters for any valid domain/workflowId/runId.
#pragma once

#include <optional>
#include <string>

#include "emulator/swf/history.h"

namespace conform::emulator::swf {

struct Page {
  Json events = Json::array();
  std::optional<std::string> next_token;
};

// nullopt: `input.nextPageToken` is not one this execution issued.
std::optional<Page> page_events(const History& history, const Json& input, const std::string& execution_key);

// The execution key a page token names, if it is well-formed.
std::optional<std::string> page_token_execution(const std::string& token);

}  // namespace conform::emulator::swf
