// Lambda's default account quotas (documented on the Lambda quotas page), as the emulator's account has
// them: what GetAccountSettings reports and what PutFunctionConcurrency enforces.
#pragma once

#include <cstdint>

namespace conform::emulator::lambda {

inline constexpr int64_t kConcurrentExecutions = 1000;
inline constexpr int64_t kMinimumUnreservedConcurrency = 100;  // reservations must leave this much
inline constexpr int64_t kTotalCodeSize = 80530636800;         // 75 GB of deployment packages and layers
inline constexpr int64_t kCodeSizeUnzipped = 262144000;        // 250 MB
inline constexpr int64_t kCodeSizeZipped = 52428800;           // 50 MB

}  // namespace conform::emulator::lambda
