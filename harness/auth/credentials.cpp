#include "harness/auth/credentials.h"

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "harness/http/message.h"

namespace conform::auth {

namespace {

std::string trim(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r\n");
  auto e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

std::optional<std::string> non_empty(const EnvLookup& env, const std::string& name) {
  if (!env) return std::nullopt;
  auto v = env(name);
  if (!v || v->empty()) return std::nullopt;
  return v;
}

std::string home_path(const EnvLookup& env, const std::string& rel) {
  auto home = non_empty(env, "HOME");
  return (home ? *home : std::string(".")) + "/" + rel;
}

std::string profile_name(const EnvLookup& env, const std::string& profile) {
  if (!profile.empty()) return profile;
  if (auto p = non_empty(env, "AWS_PROFILE")) return *p;
  return "default";
}

const std::map<std::string, std::string>* config_section(const IniFile& ini, const std::string& profile) {
  auto it = ini.find("profile " + profile);
  if (it != ini.end()) return &it->second;
  if (profile == "default") {
    it = ini.find("default");
    if (it != ini.end()) return &it->second;
  }
  return nullptr;
}

std::optional<Credentials> from_section(const std::map<std::string, std::string>* section, std::string source) {
  if (!section) return std::nullopt;
  auto id = section->find("aws_access_key_id");
  auto secret = section->find("aws_secret_access_key");
  if (id == section->end() || secret == section->end() || id->second.empty() || secret->second.empty())
    return std::nullopt;
  Credentials c{id->second, secret->second, "", std::move(source)};
  auto token = section->find("aws_session_token");
  if (token == section->end()) token = section->find("aws_security_token");
  if (token != section->end()) c.session_token = token->second;
  return c;
}

}  // namespace

EnvLookup process_env() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* v = std::getenv(name.c_str());
    if (!v) return std::nullopt;
    return std::string(v);
  };
}

EnvLookup map_env(std::map<std::string, std::string> vars) {
  return [vars = std::move(vars)](const std::string& name) -> std::optional<std::string> {
    auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

IniFile parse_ini(const std::string& text) {
  IniFile ini;
  std::istringstream in(text);
  std::string line, section;
  bool in_section = false;
  while (std::getline(in, line)) {
    std::string t = trim(line);
    if (t.empty() || t[0] == '#' || t[0] == ';') continue;
    if (t.front() == '[') {
      auto close = t.find(']');
      if (close == std::string::npos) { in_section = false; continue; }
      // Collapse inner whitespace: "[profile   x]" -> "profile x".
      std::istringstream words(t.substr(1, close - 1));
      std::string w, name;
      while (words >> w) name += (name.empty() ? "" : " ") + w;
      section = name;
      in_section = true;
      ini[section];
      continue;
    }
    if (!in_section) continue;
    auto eq = t.find('=');
    if (eq == std::string::npos) continue;
    ini[section][http::ascii_lower(trim(t.substr(0, eq)))] = trim(t.substr(eq + 1));
  }
  return ini;
}

std::optional<IniFile> read_ini(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return std::nullopt;
  std::ostringstream ss;
  ss << f.rdbuf();
  return parse_ini(ss.str());
}

std::optional<Credentials> resolve_credentials(const EnvLookup& env, const std::string& profile_in,
                                               std::string* error) {
  try {
    auto id = non_empty(env, "AWS_ACCESS_KEY_ID");
    auto secret = non_empty(env, "AWS_SECRET_ACCESS_KEY");
    if (id && secret) {
      Credentials c{*id, *secret, "", "environment"};
      if (auto token = non_empty(env, "AWS_SESSION_TOKEN")) c.session_token = *token;
      return c;
    }
    std::string profile = profile_name(env, profile_in);
    auto cred_path = non_empty(env, "AWS_SHARED_CREDENTIALS_FILE").value_or(home_path(env, ".aws/credentials"));
    if (auto ini = read_ini(cred_path)) {
      auto it = ini->find(profile);
      if (auto c = from_section(it == ini->end() ? nullptr : &it->second, "shared-credentials-file:" + profile))
        return c;
    }
    auto config_path = non_empty(env, "AWS_CONFIG_FILE").value_or(home_path(env, ".aws/config"));
    if (auto ini = read_ini(config_path))
      if (auto c = from_section(config_section(*ini, profile), "config-file:" + profile)) return c;
    if (error)
      *error = "no credentials: set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or configure profile '" + profile +
               "' in " + cred_path + " or " + config_path;
    return std::nullopt;
  } catch (...) {
    if (error) *error = "credential resolution failed";
    return std::nullopt;
  }
}

std::optional<std::string> resolve_region(const std::string& explicit_region, const EnvLookup& env,
                                          const std::string& profile_in) {
  try {
    if (!explicit_region.empty()) return explicit_region;
    if (auto r = non_empty(env, "AWS_REGION")) return r;
    if (auto r = non_empty(env, "AWS_DEFAULT_REGION")) return r;
    std::string profile = profile_name(env, profile_in);
    auto config_path = non_empty(env, "AWS_CONFIG_FILE").value_or(home_path(env, ".aws/config"));
    if (auto ini = read_ini(config_path))
      if (auto section = config_section(*ini, profile)) {
        auto it = section->find("region");
        if (it != section->end() && !it->second.empty()) return it->second;
      }
    return std::nullopt;
  } catch (...) {
    return std::nullopt;
  }
}

std::string default_endpoint(const std::string& service, const std::string& endpoint_prefix, const std::string& region,
                             const EnvLookup& env, const std::map<std::string, std::string>& overrides) {
  auto o = overrides.find(service);
  if (o != overrides.end()) return o->second;
  std::string var = "AWS_ENDPOINT_URL_";
  for (char c : service) var.push_back(c == '-' || c == ' ' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  if (auto v = non_empty(env, var)) return *v;
  if (auto v = non_empty(env, "AWS_ENDPOINT_URL")) return *v;
  std::string suffix = region.rfind("cn-", 0) == 0 ? ".amazonaws.com.cn" : ".amazonaws.com";
  return "https://" + endpoint_prefix + "." + region + suffix;
}

}  // namespace conform::auth
