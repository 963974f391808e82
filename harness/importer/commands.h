// `conform import` and `conform drift` as library calls (the CLI parses flags and calls these).
//
// Promises: never throw. run_import imports a model file; with `out_dir` it writes
// <out>/<service>/service.json and one <Operation>.json per operation (existing files are kept, not
// overwritten, and listed), otherwise it prints every file to `out`; then it prints the summary
// (operations, what the model could not provide). The files are checked with the spec loader first.
// Returns 0, or 2 on errors (unreadable model, unknown operation, files the loader rejects).
// run_drift loads `spec_dir` (built-in specs when absent), imports the model and prints one line per
// difference and a summary. Returns 0 without drift, 1 with drift, 2 on errors.
#pragma once

#include <optional>
#include <ostream>
#include <string>

#include "harness/importer/import_result.h"
#include "harness/importer/model_file.h"

namespace conform::importer {

int run_import(const std::string& model_path, ModelFormat format, const ImportOptions& options,
               const std::optional<std::string>& out_dir, std::ostream& out, std::ostream& err);

// Regenerates the model layer of a spec folder (spec/overlay.h): writes every imported operation as
// <spec_dir>/<service>/model/<Op>.json with a "generated" marker naming the model file, removes model
// files of operations the model no longer has, and writes <service>/service.json only when the folder
// has none (a hand-written service file is kept). Nothing is written unless the whole folder, with the
// new files, loads without error. Prints the operations that have a hand-written file over them and
// the input members no operation of the service produces (fixture inference cannot bind them).
// Returns 0, or 2 on errors.
int run_import_into_model_folder(const std::string& model_path, ModelFormat format, const ImportOptions& options,
                                 const std::string& spec_dir, std::ostream& out, std::ostream& err);

int run_drift(const std::string& model_path, ModelFormat format, const std::optional<std::string>& spec_dir,
              std::ostream& out, std::ostream& err);

}  // namespace conform::importer
