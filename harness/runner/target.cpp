#include "harness/runner/target.h"

namespace conform::runner {

std::optional<ResolvedTarget> resolve_target(const std::optional<std::string>& target, const EmbeddedFactory& factory,
                                             const EmbeddedRequest& request, int* exit_code, std::string* error) {
  ResolvedTarget out;
  std::string url_text;
  if (target) {
    url_text = *target;
    out.description = url_text;
  } else {
    if (!factory) {
      *exit_code = kExitUsage;
      *error = "no --target given and no embedded emulator available in this program";
      return std::nullopt;
    }
    EmbeddedStart start;
    try {
      start = factory(request);
    } catch (const std::exception& e) {
      start.error = e.what();
    } catch (...) {
      start.error = "unknown error";
    }
    if (!start.target) {
      *exit_code = start.usage_error ? kExitUsage : kExitUnreachable;
      *error = start.usage_error ? start.error : "could not start the embedded emulator: " + start.error;
      return std::nullopt;
    }
    url_text = start.target->url();
    out.description = start.target->description();
    out.embedded = true;
    out.owned = std::move(start.target);
  }
  std::string why;
  auto url = transport::Url::parse(url_text, &why);
  if (!url) {
    *exit_code = kExitUsage;
    *error = "--target: '" + url_text.substr(0, 200) + "' is not a usable URL" + (why.empty() ? "" : ": " + why) +
             " (expected http://host:port or https://host)";
    return std::nullopt;
  }
  out.url = *url;
  out.url_text = url_text;
  return out;
}

std::optional<std::string> probe_target(const transport::Url& url) {
  transport::ClientOptions options;
  options.connect_timeout_s = 5;
  options.read_timeout_s = 15;
  transport::Client client(url, options);
  http::Request request;
  request.method = "GET";
  request.path = url.base_path.empty() ? "/" : url.base_path;
  request.headers.set("Host", url.host);
  auto result = client.send(request);
  if (result.response.status == 0)
    return "target " + url.origin() + " is unreachable: " + (result.error.empty() ? "no answer" : result.error);
  return std::nullopt;
}

bool use_target_clock(const ResolvedTarget& target, fixture::FixtureRunner& fixtures) {
  EmbeddedTarget* embedded = target.owned.get();
  if (!embedded || !embedded->advance_clock(0)) return false;
  fixtures.set_sleeper([embedded](int ms, transport::Caller&) { embedded->advance_clock(ms / 1000.0); });
  return true;
}

}  // namespace conform::runner
