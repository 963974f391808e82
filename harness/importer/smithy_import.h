// Importing a Smithy JSON AST model into spec JSON.
//
// Promises: never throws. Takes the model's first service shape and every operation bound to it,
// directly or through resources (in model order). Protocol traits aws.protocols#awsJson1_0 and #restJson1; others are an error.
// Reads @required, @length, @range, @pattern, @enum / enum shapes, @sensitive, @http, @httpLabel,
// @httpHeader, @httpQuery, @httpPayload, @jsonName (restJson1 body keys), @error and @httpError
// (status: @httpError, else 400 for "client", 500 for "server"), @documentation. Member traits
// override the target shape's. The error namespace of awsJson1_0 services is the namespace of the
// service shape, marked inferred.
#pragma once

#include "harness/importer/import_result.h"

namespace conform::importer {

ImportResult import_smithy(const Json& ast, const ImportOptions& options);

}  // namespace conform::importer
