// Stable identities for failures, seeds and run prefixes.
//
// Promises: stable_hash64 is FNV-1a 64 over the bytes (the same on every platform, compiler and run);
// fingerprint() is a 16-hex-digit digest of (operation, check, rule, facet, expected), so the same
// deviation found twice (in two cases, two runs or two seeds) has the same fingerprint and groups.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace conform::report {

uint64_t stable_hash64(std::string_view bytes, uint64_t basis = 0xcbf29ce484222325ull);
// splitmix64 finaliser: spreads nearby inputs over the whole 64-bit range.
uint64_t mix64(uint64_t x);
std::string hex64(uint64_t value);  // 16 lowercase hex digits

std::string fingerprint(const std::string& operation, const std::string& check, const std::string& rule,
                        const std::string& facet, const std::string& expected);

}  // namespace conform::report
