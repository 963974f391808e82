#include "harness/auth/crypto.h"

#include <openssl/evp.h>

#include <cstring>
#include <memory>

namespace conform::auth {

namespace {

constexpr size_t kBlock = 64, kDigest = 32;

// SHA-256 fetched once: OpenSSL 3's one-shot SHA256() and HMAC() fetch the algorithm on every call,
// which cost more than hashing a small request.
const EVP_MD* sha256_md() {
  static const EVP_MD* md = [] {
    const EVP_MD* fetched = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return fetched ? fetched : EVP_sha256();
  }();
  return md;
}

struct CtxFree {
  void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};

EVP_MD_CTX* thread_ctx() {
  thread_local std::unique_ptr<EVP_MD_CTX, CtxFree> ctx(EVP_MD_CTX_new());
  return ctx.get();
}

void digest(std::initializer_list<std::string_view> parts, unsigned char out[kDigest]) {
  EVP_MD_CTX* ctx = thread_ctx();
  unsigned int len = 0;
  EVP_DigestInit_ex(ctx, sha256_md(), nullptr);
  for (std::string_view p : parts) EVP_DigestUpdate(ctx, p.data(), p.size());
  EVP_DigestFinal_ex(ctx, out, &len);
}

std::string_view as_view(const unsigned char* p, size_t n) { return {reinterpret_cast<const char*>(p), n}; }

}  // namespace

std::string sha256(std::string_view data) {
  unsigned char out[kDigest];
  digest({data}, out);
  return std::string(as_view(out, kDigest));
}

std::string sha256_hex(std::string_view data) { return to_hex(sha256(data)); }

// RFC 2104 with SHA-256: H((K ^ opad) || H((K ^ ipad) || data)).
std::string hmac_sha256(std::string_view key, std::string_view data) {
  unsigned char k[kBlock] = {};
  if (key.size() > kBlock) digest({key}, k);
  else std::memcpy(k, key.data(), key.size());
  unsigned char ipad[kBlock], opad[kBlock];
  for (size_t i = 0; i < kBlock; ++i) {
    ipad[i] = static_cast<unsigned char>(k[i] ^ 0x36);
    opad[i] = static_cast<unsigned char>(k[i] ^ 0x5c);
  }
  unsigned char inner[kDigest], out[kDigest];
  digest({as_view(ipad, kBlock), data}, inner);
  digest({as_view(opad, kBlock), as_view(inner, kDigest)}, out);
  return std::string(as_view(out, kDigest));
}

std::string to_hex(std::string_view bytes) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out.push_back(digits[c >> 4]);
    out.push_back(digits[c & 15]);
  }
  return out;
}

}  // namespace conform::auth
