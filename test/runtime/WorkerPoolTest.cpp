//===- WorkerPoolTest.cpp - The worker threads ----------------------------===//
#include "photon/Runtime/WorkerPool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

using namespace photon::runtime;

TEST(WorkerPoolTest, RunsEveryTaskOnceOnAValidWorker) {
  for (int threads : {1, 2, 3}) {
    WorkerPool pool(threads);
    for (int tasks : {0, 1, 7, 100}) {
      std::vector<std::atomic<int>> runs(tasks);
      std::atomic<bool> badWorker{false};
      pool.run(tasks, [&](int task, int worker) {
        runs[task].fetch_add(1);
        if (worker < 0 || worker >= pool.size())
          badWorker = true;
      });
      for (int t = 0; t < tasks; ++t)
        EXPECT_EQ(runs[t].load(), 1) << threads << " threads, task " << t;
      EXPECT_FALSE(badWorker);
    }
  }
}

TEST(WorkerPoolTest, WorkersShareTheTasks) {
  WorkerPool pool(2);
  std::atomic<int> onSecond{0};
  for (int repeat = 0; repeat < 20 && onSecond == 0; ++repeat)
    pool.run(8, [&](int, int worker) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
      if (worker == 1)
        ++onSecond;
    });
  EXPECT_GT(onSecond.load(), 0);
}

// A worker whose core is taken (here: it sleeps) must not hold up the
// batches: the adaptive pool falls back to the calling thread alone.
TEST(WorkerPoolTest, AdaptivePoolRunsSeriallyWhenThreadsDoNotPay) {
  WorkerPool pool(2, /*adaptive=*/true);
  for (int run = 0; run < 2 * WorkerPool::kProbePeriod; ++run)
    pool.run(8, [&](int, int worker) {
      if (worker == 1)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    });
  EXPECT_GT(pool.serialRuns(), pool.parallelRuns());
  EXPECT_GE(pool.parallelRuns(), WorkerPool::kProbeRuns); // it keeps probing
}

TEST(WorkerPoolTest, AdaptivePoolStaysParallelWhenThreadsPay) {
  WorkerPool pool(2, /*adaptive=*/true);
  for (int run = 0; run < 2 * WorkerPool::kProbePeriod; ++run)
    pool.run(4, [&](int, int) {
      std::this_thread::sleep_for(std::chrono::microseconds(500));
    });
  EXPECT_GT(pool.parallelRuns(), pool.serialRuns());
  EXPECT_GE(pool.serialRuns(), WorkerPool::kProbeRuns);
}
