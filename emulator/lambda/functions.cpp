// CreateFunction and DeleteFunction.
#include <cstdio>
#include <ctime>

#include "emulator/core/base64.h"
#include "emulator/lambda/handlers.h"
#include "emulator/lambda/names.h"
#include "harness/auth/crypto.h"

namespace conform::emulator::lambda {
namespace {

// Lambda's LastModified form: 2024-05-01T12:00:00.000+0000
std::string last_modified(double epoch) {
  std::time_t t = static_cast<std::time_t>(epoch);
  std::tm tm{};
  gmtime_r(&t, &tm);
  int ms = static_cast<int>((epoch - static_cast<double>(t)) * 1000.0);
  if (ms < 0 || ms > 999) ms = 0;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03d+0000", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, ms);
  return buf;
}

}  // namespace

std::string string_member(const Json& input, const char* name) {
  auto it = input.find(name);
  return it != input.end() && it->is_string() ? it->get<std::string>() : std::string();
}

Outcome function_not_found(const Call& call, const std::string& name, const std::string& qualifier) {
  std::string arn = function_arn(call.region, call.account, name);
  if (!qualifier.empty()) arn += ":" + qualifier;
  return Outcome::error("ResourceNotFoundException", "Function not found: " + arn);
}

Outcome create_function(State& state, const Call& call) {
  const Json& in = call.input;
  FunctionRef ref = resolve_function_name(string_member(in, "FunctionName"));
  Function f;
  f.name = ref.name;
  f.arn = function_arn(call.region, call.account, ref.name);
  std::string zip;
  if (auto code = in.find("Code"); code != in.end() && code->is_object()) {
    if (auto z = base64_decode(string_member(*code, "ZipFile"))) zip = *z;
  }
  Json c = Json::object();
  c["FunctionName"] = f.name;
  c["FunctionArn"] = f.arn;
  if (in.contains("Runtime")) c["Runtime"] = in["Runtime"];
  c["Role"] = string_member(in, "Role");
  if (in.contains("Handler")) c["Handler"] = in["Handler"];
  c["CodeSize"] = static_cast<int64_t>(zip.size());
  c["Description"] = in.contains("Description") ? in["Description"] : Json("");
  c["Timeout"] = in.contains("Timeout") ? in["Timeout"] : Json(3);
  c["MemorySize"] = in.contains("MemorySize") ? in["MemorySize"] : Json(128);
  c["LastModified"] = last_modified(call.clock.now());
  c["CodeSha256"] = base64_encode(auth::sha256(zip));
  c["Version"] = "$LATEST";
  if (in.contains("Environment")) c["Environment"] = Json{{"Variables", in["Environment"].value("Variables", Json::object())}};
  c["TracingConfig"] = Json{{"Mode", in.contains("TracingConfig") ? in["TracingConfig"].value("Mode", "PassThrough")
                                                                    : std::string("PassThrough")}};
  c["RevisionId"] = call.ids.uuid();
  c["State"] = "Active";
  c["LastUpdateStatus"] = "Successful";
  c["PackageType"] = in.contains("PackageType") ? in["PackageType"] : Json("Zip");
  c["Architectures"] = Json::array({"x86_64"});
  c["EphemeralStorage"] = Json{{"Size", 512}};
  if (auto d = in.find("DurableConfig"); d != in.end() && d->is_object()) {
    f.durable_config = *d;
    c["DurableConfig"] = *d;
  }
  f.configuration = c;
  if (!state.add_function(f))
    return Outcome::error("ResourceConflictException", "Function already exist: " + f.name, Json{{"Type", "User"}});
  Outcome o = Outcome::ok(c);
  o.status_override = 201;
  return o;
}

Outcome delete_function(State& state, const Call& call) {
  FunctionRef ref = resolve_function_name(string_member(call.input, "FunctionName"));
  std::string qualifier = string_member(call.input, "Qualifier");
  if (qualifier.empty()) qualifier = ref.qualifier;
  if (!qualifier.empty() && qualifier != "$LATEST") return function_not_found(call, ref.name, qualifier);
  if (!state.remove_function(ref.name)) return function_not_found(call, ref.name);
  Outcome o = Outcome::ok();
  o.status_override = 204;
  return o;
}

}  // namespace conform::emulator::lambda
