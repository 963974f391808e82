#include "emulator/lambda/configuration.h"

#include <cstdio>
#include <ctime>

#include "emulator/core/base64.h"
#include "emulator/lambda/support.h"
#include "harness/auth/crypto.h"

namespace conform::emulator::lambda {

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

Json new_configuration(const Call& call, const std::string& name, const std::string& arn) {
  const Json& in = call.input;
  std::string zip;
  if (auto code = in.find("Code"); code != in.end() && code->is_object())
    if (auto z = base64_decode(string_member(*code, "ZipFile"))) zip = *z;
  Json c = Json::object();
  c["FunctionName"] = name;
  c["FunctionArn"] = arn;
  c["Role"] = "";
  c["CodeSize"] = static_cast<int64_t>(zip.size());
  c["Description"] = "";
  c["Timeout"] = 3;
  c["MemorySize"] = 128;
  c["LastModified"] = last_modified(call.clock.now());
  c["CodeSha256"] = base64_encode(auth::sha256(zip));
  c["Version"] = "$LATEST";
  c["TracingConfig"] = Json{{"Mode", "PassThrough"}};
  c["RevisionId"] = call.ids.uuid();
  c["State"] = "Active";
  c["LastUpdateStatus"] = "Successful";
  c["PackageType"] = in.contains("PackageType") ? in["PackageType"] : Json("Zip");
  c["Architectures"] = in.contains("Architectures") ? in["Architectures"] : Json::array({"x86_64"});
  c["EphemeralStorage"] = Json{{"Size", 512}};
  apply_settings(c, in);
  return c;
}

void apply_settings(Json& configuration, const Json& input) {
  for (const char* copied : {"Runtime", "Role", "Handler", "Description", "Timeout", "MemorySize", "EphemeralStorage",
                             "KMSKeyArn", "DeadLetterConfig", "LoggingConfig"})
    if (auto it = input.find(copied); it != input.end()) configuration[copied] = *it;
  if (auto durable = input.find("DurableConfig"); durable != input.end() && durable->is_object()) {
    Json merged = configuration.value("DurableConfig", Json::object());
    for (const auto& [key, value] : durable->items()) merged[key] = value;
    configuration["DurableConfig"] = merged;
  }
  if (auto env = input.find("Environment"); env != input.end() && env->is_object())
    configuration["Environment"] = Json{{"Variables", env->value("Variables", Json::object())}};
  if (auto tracing = input.find("TracingConfig"); tracing != input.end() && tracing->is_object())
    configuration["TracingConfig"] = Json{{"Mode", tracing->value("Mode", std::string("PassThrough"))}};
}

std::optional<std::string> configuration_problem(const Json& configuration) {
  auto durable = durable_config_of(configuration);
  if (durable && !durable->contains("ExecutionTimeout"))
    return "DurableConfig.ExecutionTimeout is required for a durable function.";  // emulator wording
  return std::nullopt;
}

std::optional<Json> durable_config_of(const Json& configuration) {
  auto it = configuration.find("DurableConfig");
  if (it == configuration.end() || !it->is_object()) return std::nullopt;
  return *it;
}

Json list_entry(Json configuration) {
  for (const char* omitted : {"State", "StateReason", "StateReasonCode", "LastUpdateStatus", "LastUpdateStatusReason",
                              "LastUpdateStatusReasonCode", "RuntimeVersionConfig"})
    configuration.erase(omitted);
  return configuration;
}

}  // namespace conform::emulator::lambda
