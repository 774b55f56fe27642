//===- ProgressTest.cpp - Progress meters ---------------------------------===//
#include "photon/Runtime/Progress.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

using namespace photon::runtime;

TEST(ProgressTest, FormatsDurations) {
  EXPECT_EQ(formatDuration(0.44), "0.4s");
  EXPECT_EQ(formatDuration(42.4), "42s");
  EXPECT_EQ(formatDuration(185), "3m05s");
  EXPECT_EQ(formatDuration(3720), "1h02m");
  EXPECT_EQ(formatDuration(-1), "?");
  EXPECT_EQ(formatDuration(1.0 / 0.0), "?");
}

TEST(ProgressTest, RendersCountsPercentAndEta) {
  setProgressMode(ProgressMode::Never);
  ProgressMeter meter("train: epochs", 8);
  EXPECT_FALSE(meter.visible());
  EXPECT_EQ(meter.render(0.0), "train: epochs  0/8    0%  0.0s");
  meter.advance(2, "loss 0.5");
  // A quarter done after 30 s: 90 s left.
  EXPECT_EQ(meter.render(30.0), "train: epochs  2/8   25%  30s, ETA 1m30s  loss 0.5");
  meter.advance(6);
  EXPECT_EQ(meter.render(120.0), "train: epochs  8/8  100%  2m00s total  loss 0.5");
  setProgressMode(ProgressMode::Auto);
}

TEST(ProgressTest, CountsAdvancesFromManyThreads) {
  setProgressMode(ProgressMode::Never);
  ProgressMeter meter("chips", 4000);
  std::vector<std::thread> workers;
  for (int w = 0; w < 4; ++w)
    workers.emplace_back([&] {
      for (int i = 0; i < 1000; ++i)
        meter.advance();
    });
  for (std::thread &worker : workers)
    worker.join();
  EXPECT_EQ(meter.render(1.0), "chips  4000/4000  100%  1.0s total");
  setProgressMode(ProgressMode::Auto);
}

TEST(ProgressTest, ModeDecidesVisibility) {
  setProgressMode(ProgressMode::Always);
  EXPECT_TRUE(progressVisible());
  EXPECT_TRUE(ProgressMeter("x", 1).visible());
  setProgressMode(ProgressMode::Never);
  EXPECT_FALSE(progressVisible());
  setProgressMode(ProgressMode::Auto);
}
