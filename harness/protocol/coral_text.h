// How Coral (the AWS service framework) prints a value inside a validation message: strings as they
// are, null as "null", lists as Java's List.toString ("[a, b]"), maps and structures as "{k=v, k2=v2}",
// other scalars as JSON text. The emulator renders its messages with it and the harness expects it.
//
// Promises: never throws; nesting deeper than 32 levels prints "...".
#pragma once

#include <string>

#include "harness/spec/model.h"

namespace conform::protocol {

std::string coral_value_text(const spec::Json& value);

}  // namespace conform::protocol
