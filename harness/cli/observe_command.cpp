// `conform observe` and `conform specs merge`: wired to harness/observe.
#include <filesystem>
#include <fstream>
#include <iostream>

#include "harness/auth/credentials.h"
#include "harness/cli/commands.h"
#include "harness/observe/merge.h"
#include "harness/observe/observe.h"
#include "harness/runner/embedded_emulator.h"
#include "harness/runner/seeds.h"

namespace conform::cli {

int observe_command(const ObserveArgs& args) {
  observe::ObserveOptions o;
  o.target = args.target;
  o.spec_dir = args.spec_dir;
  o.ops = args.ops;
  o.seed = args.seed ? *args.seed : runner::fresh_seed();
  o.allow_remote = args.allow_remote;
  o.max_rps = args.rps;
  o.embedded = runner::embedded_emulator_factory();
  o.log = &std::cerr;
  o.region = auth::resolve_region(args.region.value_or(""), auth::process_env(), args.profile.value_or(""))
                 .value_or("us-east-1");
  bool local = true;
  if (args.target) {
    auto url = transport::Url::parse(*args.target);
    local = !url || url->is_loopback();
  }
  if (args.credentials == "aws" || (args.credentials == "auto" && !local)) {
    std::string why;
    auto found = auth::resolve_credentials(auth::process_env(), args.profile.value_or(""), &why);
    if (!found || found->access_key_id.empty() || found->secret_access_key.empty()) {
      std::cerr << "conform observe: no AWS credentials found (environment, AWS_PROFILE or --profile)"
                << (why.empty() ? "" : ": " + why) << "\n";
      return 2;
    }
    o.credentials = {found->access_key_id, found->secret_access_key, found->session_token};
    o.credentials_source = found->source;
  }
  observe::ObserveOutcome out = observe::run_observe(o);
  if (!out.error.empty()) {
    std::cerr << "conform observe: " << out.error << "\n";
    return out.exit_code;
  }
  std::string path = args.out.value_or("observations.json");
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file << out.document.dump(2, ' ', false, spec::Json::error_handler_t::replace) << "\n";
  if (!file) {
    std::cerr << "conform observe: cannot write " << path << "\n";
    return 2;
  }
  std::cout << "conform observe: " << out.probes << " probe(s), " << out.observations << " observation(s) ("
            << out.differing << " differ from the specs), " << out.requests << " request(s); written to " << path
            << "\n";
  for (const auto& c : out.document.value("cleanupFailures", spec::Json::array()))
    std::cout << "  not cleaned up: " << c.get<std::string>() << "\n";
  std::cout << "Merge with: conform specs merge " << path << " --spec DIR [--out DIR]\n";
  return 0;
}

int specs_merge_command(const SpecsMergeArgs& args) {
  std::ifstream in(args.observations, std::ios::binary);
  if (!in) {
    std::cerr << "conform specs merge: cannot read " << args.observations << "\n";
    return 2;
  }
  spec::Json doc = spec::Json::parse(std::string((std::istreambuf_iterator<char>(in)), {}), nullptr, false);
  if (doc.is_discarded() || !doc.is_object() || doc.value("schema", "") != observe::kObservationsSchema) {
    std::cerr << "conform specs merge: " << args.observations << " is not a " << observe::kObservationsSchema
              << " document (written by `conform observe`)\n";
    return 2;
  }
  if (!args.out && !args.spec_dir) {
    std::cerr << "conform specs merge: give --spec DIR (merged in place) or --out DIR (for the built-in specs)\n";
    return 2;
  }
  std::string error;
  auto files = observe::read_spec_files(args.spec_dir, &error);
  if (!files) {
    std::cerr << "conform specs merge: " << error << "\n";
    return 2;
  }
  observe::MergeResult r = observe::merge_observations(doc, *files);
  std::string out_dir = args.out ? *args.out : *args.spec_dir;
  std::error_code ec;
  bool in_place = !args.out || (args.spec_dir && std::filesystem::equivalent(*args.spec_dir, out_dir, ec));
  if (!observe::write_spec_files(*files, out_dir, in_place ? r.changed_files : std::vector<std::string>{}, &error)) {
    std::cerr << "conform specs merge: " << error << "\n";
    return 2;
  }
  for (const auto& m : r.merged) std::cout << "measured: " << m << "\n";
  for (const auto& s : r.skipped) std::cout << "skipped:  " << s << "\n";
  std::cout << r.merged.size() << " fact(s) now measured, " << r.skipped.size() << " skipped; " << r.changed_files.size()
            << " file(s) changed in " << out_dir << "\n";
  std::cout << "Check with: conform specs check " << out_dir << "\n";
  return 0;
}

}  // namespace conform::cli
