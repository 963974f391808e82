// SHA-256 and HMAC-SHA-256 over byte strings (OpenSSL), and lowercase hex.
//
// Promises: pure functions, never throw; results are raw bytes unless named *_hex.
#pragma once

#include <string>
#include <string_view>

namespace conform::auth {

std::string sha256(std::string_view data);
std::string sha256_hex(std::string_view data);
std::string hmac_sha256(std::string_view key, std::string_view data);
std::string to_hex(std::string_view bytes);

}  // namespace conform::auth
