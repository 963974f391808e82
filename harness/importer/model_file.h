// Reading model files and turning an import into spec files.
//
// Promises: never throws. import_model_file reads and parses the file and reports unreadable or
// invalid JSON as errors; for a botocore file at .../<service>/<version>/service-2.json the service
// name is <service> unless the options name one. spec_files lays an import out as the loader expects
// it (<service>/service.json, <service>/<Operation>.json, 2-space indented JSON).
#pragma once

#include <string>
#include <vector>

#include "harness/importer/import_result.h"
#include "harness/spec/builtin_specs.h"

namespace conform::importer {

enum class ModelFormat { Botocore, Smithy };

ImportResult import_model_file(const std::string& path, ModelFormat format, ImportOptions options);

std::vector<spec::EmbeddedFile> spec_files(const ImportResult& result);

}  // namespace conform::importer
