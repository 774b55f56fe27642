//===- WorkerPool.cpp - The worker threads of training and Monte Carlo ----===//
#include "photon/Runtime/WorkerPool.h"

#include <algorithm>
#include <chrono>

namespace photon::runtime {

WorkerPool::WorkerPool(int threadCount, bool adaptive)
    : threads(std::max(1, threadCount)), adaptive(adaptive) {
  for (int w = 1; w < threads; ++w)
    workers.emplace_back([this, w] { loop(w); });
}

WorkerPool::~WorkerPool() {
  {
    std::lock_guard<std::mutex> lock(mutex);
    stopping = true;
  }
  wake.notify_all();
  for (std::thread &worker : workers)
    worker.join();
}

void WorkerPool::loop(int worker) {
  uint64_t seen = 0;
  while (true) {
    llvm::function_ref<void(int, int)> fn;
    int tasks;
    {
      std::unique_lock<std::mutex> lock(mutex);
      wake.wait(lock, [&] { return stopping || generation != seen; });
      if (stopping)
        return;
      seen = generation;
      fn = current;
      tasks = currentTasks;
    }
    for (int t; (t = next.fetch_add(1, std::memory_order_relaxed)) < tasks;)
      fn(t, worker);
    bool last;
    {
      std::lock_guard<std::mutex> lock(mutex);
      last = --pending == 0;
    }
    if (last)
      done.notify_one();
  }
}

void WorkerPool::runParallel(int tasks,
                             llvm::function_ref<void(int, int)> fn) {
  {
    std::lock_guard<std::mutex> lock(mutex);
    current = fn;
    currentTasks = tasks;
    next.store(0, std::memory_order_relaxed);
    pending = threads - 1;
    ++generation;
  }
  wake.notify_all();
  for (int t; (t = next.fetch_add(1, std::memory_order_relaxed)) < tasks;)
    fn(t, 0);
  std::unique_lock<std::mutex> lock(mutex);
  done.wait(lock, [&] { return pending == 0; });
}

bool WorkerPool::chooseParallel() {
  if (!adaptive)
    return true;
  // Probe the mode not preferred for kProbeRuns runs every kProbePeriod,
  // starting early so that a busy core is noticed within the first epoch.
  const int64_t phase = runCount % kProbePeriod;
  const bool probing = phase >= kProbePeriod / 8 &&
                       phase < kProbePeriod / 8 + kProbeRuns;
  return probing ? !preferParallel : preferParallel;
}

void WorkerPool::run(int tasks, llvm::function_ref<void(int, int)> fn) {
  if (tasks <= 0)
    return;
  const bool parallel = threads > 1 && tasks > 1 && chooseParallel();
  const auto start = std::chrono::steady_clock::now();
  if (parallel) {
    runParallel(tasks, fn);
    ++parallelCount;
  } else {
    for (int t = 0; t < tasks; ++t)
      fn(t, 0);
    ++serialCount;
  }
  if (!adaptive || threads == 1 || tasks == 1)
    return;
  ++runCount;
  const double perTask =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count() /
      tasks;
  // Exponential moving averages; the first measurement seeds each.
  double &cost = parallel ? parallelCost : serialCost;
  cost = cost < 0 ? perTask : 0.75 * cost + 0.25 * perTask;
  if (serialCost >= 0 && parallelCost >= 0)
    preferParallel = parallelCost <= serialCost;
}

} // namespace photon::runtime
