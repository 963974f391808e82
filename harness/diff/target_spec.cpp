#include "harness/diff/target_spec.h"

#include <cstdlib>

#include "harness/transport/client.h"

namespace conform::diff {

namespace {

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

}  // namespace

std::optional<TargetSpec> parse_target_spec(const std::string& text, std::string* error) {
  TargetSpec t;
  t.text = text;
  if (text.empty()) {
    *error = "empty target (expected a URL, embedded or embedded:FAULT)";
    return std::nullopt;
  }
  if (text == "embedded") return t;
  if (text.rfind("embedded:", 0) == 0) {
    std::string list = text.substr(9);
    size_t start = 0;
    while (true) {
      size_t comma = list.find(',', start);
      std::string name = list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      if (name.empty()) {
        *error = "target '" + text + "': empty fault name (see `conform emulator --list-faults`)";
        return std::nullopt;
      }
      t.faults.push_back(name);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    return t;
  }
  std::string why;
  if (!transport::Url::parse(text, &why)) {
    *error = "target '" + text + "' is neither a URL nor embedded[:FAULT]" + (why.empty() ? "" : ": " + why);
    return std::nullopt;
  }
  t.url = text;
  return t;
}

transport::Credentials credentials_for(const TargetSpec& target) {
  transport::Credentials creds;  // test/test: what local emulators expect
  if (!target.url) return creds;
  auto url = transport::Url::parse(*target.url);
  bool local = url && url->is_loopback();
  if (!local && !env("AWS_ACCESS_KEY_ID").empty() && !env("AWS_SECRET_ACCESS_KEY").empty()) {
    creds.access_key_id = env("AWS_ACCESS_KEY_ID");
    creds.secret_access_key = env("AWS_SECRET_ACCESS_KEY");
    creds.session_token = env("AWS_SESSION_TOKEN");
  }
  return creds;
}

}  // namespace conform::diff
