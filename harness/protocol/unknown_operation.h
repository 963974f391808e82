// Whether an answer says "I do not know this operation" rather than judging the request: the target
// does not implement the operation at all, so nothing about it was tested.
//
// Unknown: an error whose code (as the SDKs resolve it) is UnknownOperationException or one of the
// spellings emulators use (UnknownOperation, InvalidAction, NotImplemented, NotImplementedException);
// HTTP 501; and for restJson1 a 404 or 405 that carries no error code the operation or its service
// declares (the target has no route for the URI).
//
// Promises: pure; never throws; a success or a transport failure is never unknown.
#pragma once

#include "harness/protocol/codec.h"
#include "harness/spec/model.h"

namespace conform::protocol {

bool answers_as_unknown_operation(const spec::SpecSet& specs, const spec::Operation& op, const DecodedResponse& response);

}  // namespace conform::protocol
