#include "tests/emulator_core/http_client.h"

#include <httplib.h>

namespace conform::emulator::testing {

struct RawClient::Impl {
  explicit Impl(int port) : client("127.0.0.1", port) {
    client.set_tcp_nodelay(true);
    client.set_keep_alive(true);
    client.set_url_encode(false);
  }
  httplib::Client client;
};

RawClient::RawClient(int port) : impl_(std::make_unique<Impl>(port)) {}
RawClient::~RawClient() = default;

http::Response RawClient::send(const http::Request& request) {
  httplib::Request req;
  req.method = request.method;
  req.path = request.target();
  for (const auto& [k, v] : request.headers.all()) req.headers.emplace(k, v);
  req.body = request.body;
  http::Response out;
  auto res = impl_->client.send(req);
  if (!res) {
    out.status = -1;
    return out;
  }
  out.status = res->status;
  for (const auto& [k, v] : res->headers) out.headers.add(k, v);
  out.body = res->body;
  return out;
}

}  // namespace conform::emulator::testing
