// Client (client.h): one kept-alive connection per Client, TCP_NODELAY, no URL re-encoding (the path
// goes out exactly as the codec or a probe built it). http:// goes through Http1Connection, https://
// through cpp-httplib's TLS client.
#include "harness/transport/client.h"

#include <httplib.h>

#include "harness/transport/http1_connection.h"

#include <chrono>
#include <cmath>

namespace conform::transport {

struct Client::Impl {
  Url url;
  ClientOptions options;
  httplib::Client client;
  std::optional<Http1Connection> plain;  // http:// targets

  Impl(Url u, ClientOptions o) : url(std::move(u)), options(o), client(url.origin()) {
    if (url.scheme == "http")
      plain.emplace(url.host, url.port, options.connect_timeout_s, options.read_timeout_s, options.read_timeout_s);
    client.set_keep_alive(true);
    client.set_tcp_nodelay(true);
    client.set_url_encode(false);
    auto split = [](double s, time_t& sec, time_t& usec) {
      if (!(s > 0)) s = 0.001;
      sec = static_cast<time_t>(std::floor(s));
      usec = static_cast<time_t>((s - std::floor(s)) * 1e6);
    };
    time_t sec, usec;
    split(options.connect_timeout_s, sec, usec);
    client.set_connection_timeout(sec, usec);
    split(options.read_timeout_s, sec, usec);
    client.set_read_timeout(sec, usec);
    client.set_write_timeout(sec, usec);
    client.enable_server_certificate_verification(options.verify_tls);
  }
};

Client::Client(Url url, ClientOptions options) : impl_(std::make_unique<Impl>(std::move(url), options)) {}
Client::~Client() = default;

void Client::close_idle_connection() {
  if (impl_->plain) impl_->plain->close();
  else impl_->client.stop();
}

const Url& Client::url() const { return impl_->url; }

SendResult Client::send(const http::Request& request) {
  SendResult out;
  auto start = std::chrono::steady_clock::now();
  try {
    if (impl_->plain) {
      std::string target = impl_->url.base_path + request.target();
      if (!impl_->plain->exchange(request, target, out.response, out.error) && out.error.empty())
        out.error = "transport error";
      out.elapsed_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
      return out;
    }
    httplib::Request req;
    req.method = request.method;
    req.path = impl_->url.base_path + request.target();
    for (const auto& [name, value] : request.headers.all()) req.headers.emplace(name, value);
    req.body = request.body;
    httplib::Result result = impl_->client.send(req);
    if (result) {
      out.response.status = result->status;
      for (const auto& [name, value] : result->headers) out.response.headers.add(name, value);
      out.response.body = std::move(result->body);
    } else {
      out.error = httplib::to_string(result.error());
      if (out.error.empty()) out.error = "transport error";
    }
  } catch (const std::exception& e) {
    out.response = {};
    out.error = std::string("transport exception: ") + e.what();
  } catch (...) {
    out.response = {};
    out.error = "transport exception";
  }
  out.elapsed_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return out;
}

}  // namespace conform::transport
