// `conform import` and `conform drift`: thin wrappers over harness/importer/commands.h.
#include <iostream>

#include "harness/cli/commands.h"
#include "harness/importer/commands.h"

namespace conform::cli {

namespace {

// Exactly one of --botocore / --smithy names the model.
bool model_of(const ModelArgs& args, std::string* path, importer::ModelFormat* format) {
  if (args.botocore.has_value() == args.smithy.has_value()) {
    std::cerr << "conform: give exactly one of --botocore FILE or --smithy FILE\n";
    return false;
  }
  *path = args.botocore ? *args.botocore : *args.smithy;
  *format = args.botocore ? importer::ModelFormat::Botocore : importer::ModelFormat::Smithy;
  return true;
}

}  // namespace

int import_command(const ImportArgs& args) {
  std::string path;
  importer::ModelFormat format;
  if (!model_of(args.model, &path, &format)) return 2;
  importer::ImportOptions options;
  options.operations = args.ops;
  if (args.service) options.service_name = *args.service;
  if (args.model_folder) {
    if (!args.out_dir) {
      std::cerr << "conform: --model-folder needs --out DIR (the spec folder to regenerate, e.g. specs)\n";
      return 2;
    }
    return importer::run_import_into_model_folder(path, format, options, *args.out_dir, std::cout, std::cerr);
  }
  return importer::run_import(path, format, options, args.out_dir, std::cout, std::cerr);
}

int drift_command(const DriftArgs& args) {
  std::string path;
  importer::ModelFormat format;
  if (!model_of(args.model, &path, &format)) return 2;
  return importer::run_drift(path, format, args.spec_dir, std::cout, std::cerr);
}

}  // namespace conform::cli
