// Standard base64 (RFC 4648, '+' '/', '=' padding) as AWS JSON protocols use it for blobs.
//
// Promises: never throws; decode is strict (alphabet, padding only at the end, length a multiple
// of 4) and returns nullopt for anything else; encode(decode(x)) == x for every accepted x.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace conform::emulator {

std::string base64_encode(std::string_view bytes);
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace conform::emulator
