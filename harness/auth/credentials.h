// Where credentials, region and endpoints come from, in the AWS SDKs' order.
//
// Promises: never throws; never logs or returns a secret in `source`/error text. Credentials: the
// environment (AWS_ACCESS_KEY_ID + AWS_SECRET_ACCESS_KEY [+ AWS_SESSION_TOKEN]), then profile
// AWS_PROFILE (default "default") in AWS_SHARED_CREDENTIALS_FILE (~/.aws/credentials, `[name]`), then in
// AWS_CONFIG_FILE (~/.aws/config, `[profile name]`, or `[default]`). Region: explicit > AWS_REGION >
// AWS_DEFAULT_REGION > the profile's `region` in the config file. Endpoints: an override for the service
// > AWS_ENDPOINT_URL_<SERVICE> > AWS_ENDPOINT_URL > https://<endpointPrefix>.<region>.amazonaws.com
// (.amazonaws.com.cn for cn-* regions).
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>

namespace conform::auth {

struct Credentials {
  std::string access_key_id, secret_access_key, session_token;
  std::string source;  // "environment", "shared-credentials-file:<profile>", "config-file:<profile>"
};

// Looks up an environment variable; the default reads the process environment. Tests pass a map.
using EnvLookup = std::function<std::optional<std::string>(const std::string& name)>;
EnvLookup process_env();
EnvLookup map_env(std::map<std::string, std::string> vars);

std::optional<Credentials> resolve_credentials(const EnvLookup& env = process_env(), const std::string& profile = "",
                                               std::string* error = nullptr);
std::optional<std::string> resolve_region(const std::string& explicit_region = "",
                                          const EnvLookup& env = process_env(), const std::string& profile = "");

// `service` is the spec service name ("stepfunctions"), used for AWS_ENDPOINT_URL_<SERVICE> (upper case,
// '-' and ' ' as '_') and for `overrides`.
std::string default_endpoint(const std::string& service, const std::string& endpoint_prefix, const std::string& region,
                             const EnvLookup& env = process_env(),
                             const std::map<std::string, std::string>& overrides = {});

// INI sections of an AWS config/credentials file: section name -> key (lowercase) -> value.
using IniFile = std::map<std::string, std::map<std::string, std::string>>;
std::optional<IniFile> read_ini(const std::string& path);
IniFile parse_ini(const std::string& text);

}  // namespace conform::auth
