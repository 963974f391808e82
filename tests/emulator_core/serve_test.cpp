// serve_emulator's early exits and the fault list (the serving loop itself needs a signal).
#include <gtest/gtest.h>

#include "emulator/app/emulator.h"
#include "emulator/app/serve.h"
#include "emulator/core/faults.h"

using namespace conform::emulator;

TEST(Serve, ListsEveryFaultOnItsOwnLine) {
  std::string text = list_faults_text();
  size_t lines = 0;
  for (char c : text) lines += c == '\n';
  EXPECT_EQ(lines, all_faults().size());
  for (const auto& f : all_faults()) {
    EXPECT_NE(text.find(std::string(f.name)), std::string::npos) << f.name;
    EXPECT_NE(text.find(std::string(f.breaks)), std::string::npos) << f.name;
  }
}

TEST(Serve, UnknownFaultReturns2) {
  ServeOptions options;
  options.port = 0;
  options.faults = {"no-such-fault"};
  testing::internal::CaptureStderr();
  EXPECT_EQ(serve_emulator(options), 2);
  EXPECT_NE(testing::internal::GetCapturedStderr().find("unknown fault 'no-such-fault'"), std::string::npos);
}

TEST(Serve, PortInUseReturns2) {
  EmulatorServer busy;
  int port = busy.start("127.0.0.1", 0);
  ASSERT_GT(port, 0);
  ServeOptions options;
  options.port = port;
  testing::internal::CaptureStderr();
  EXPECT_EQ(serve_emulator(options), 2);
  EXPECT_NE(testing::internal::GetCapturedStderr().find("cannot listen"), std::string::npos);
}
