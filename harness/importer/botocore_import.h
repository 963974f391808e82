// Importing a botocore service-2.json model into spec JSON.
//
// Promises: never throws. A model that is not well formed (botocore_structure.h) is not imported: its
// errors name each problem's JSON pointer. Protocols "json" (jsonVersion 1.0 -> awsJson1_0) and "rest-json"
// (-> restJson1); others are an error. Members keep the model's order and carry type, required,
// length/range (min/max), pattern (translated, patternText = the model's text), enum, sensitive,
// nested structure members and list/map elements, and for rest-json their location (uri, header,
// querystring -> query, payload) and locationName. Errors carry the error code and
// `error.httpStatusCode` (400 when the model gives none). botocore models name no error namespace:
// the service file has none, and the notes say so.
#pragma once

#include "harness/importer/import_result.h"

namespace conform::importer {

ImportResult import_botocore(const Json& model, const ImportOptions& options);

}  // namespace conform::importer
