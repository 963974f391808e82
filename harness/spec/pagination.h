// Which members page an operation's results. The botocore model names no paginators in service-2.json,
// so the members are recognised by the names AWS uses throughout these services: a request token
// (nextToken, nextPageToken, Marker), the answer's next token (nextToken, nextPageToken, NextMarker),
// the page size (maxResults, maximumPageSize, MaxItems) and the answer's one list of items.
//
// Promises: pure; never throws. detect_pagination() answers only for reading operations (List, Get,
// Describe: a Poll hands out work, its pages belong to the task) that have all four members; the page
// size bound has provenance model (the model documents it as the page maximum).
#pragma once

#include <optional>

#include "harness/spec/model.h"

namespace conform::spec {

std::optional<Pagination> detect_pagination(const Operation& op);

}  // namespace conform::spec
