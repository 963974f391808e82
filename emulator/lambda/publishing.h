// Publishing a version: a snapshot of a function's $LATEST configuration under the next version number.
//
// As Lambda documents, nothing is published when $LATEST has not changed since the last published
// version: that version is answered again. A version's FunctionArn ends ":<n>", its Version is "<n>",
// it has its own RevisionId, LastModified is the publication time, and `description` (when given)
// replaces the Description. Numbers are never reused, even after a version is deleted.
//
// Promises: never throws; the caller holds the function under the State's lock (State::update_function).
#pragma once

#include <optional>
#include <string>

#include "emulator/lambda/state.h"

namespace conform::emulator::lambda {

Json publish_latest(Function& f, const Call& call, const std::optional<std::string>& description);

}  // namespace conform::emulator::lambda
