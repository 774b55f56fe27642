//===- WorkerPool.h - The worker threads of training and Monte Carlo -*- C++ -*-===//
//
// One pool for every parallel loop of the runtime (gradient batches,
// Monte Carlo trials). run(tasks, fn) calls fn(task, worker) once for every
// task in [0, tasks); the calling thread is worker 0, the others are
// persistent threads. Tasks are claimed one at a time from an atomic
// counter, so a worker that shares its core with another job runs fewer
// tasks instead of holding up the rest, and each task must write only its
// own results: which worker ran it never changes them.
//
// Workers and the caller block on condition variables and never spin: on a
// shared machine a spinning thread steals the core the other job needs.
//
// With `adaptive` set, the pool also checks that its threads pay: it times
// its runs, and every kProbePeriod runs it runs kProbeRuns of them on the
// calling thread alone; while the serial runs are faster per task (the
// other core is busy, the tasks too small to share), it keeps running
// serially, probing the parallel mode the same way. Results never depend on
// the mode, only the wall time does.
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_RUNTIME_WORKERPOOL_H
#define PHOTON_RUNTIME_WORKERPOOL_H

#include "llvm/ADT/STLFunctionalExtras.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>
#include <vector>

namespace photon::runtime {

class WorkerPool {
public:
  /// `threads` workers in all (clamped to >= 1), the caller included.
  explicit WorkerPool(int threads, bool adaptive = false);
  ~WorkerPool();
  WorkerPool(const WorkerPool &) = delete;
  WorkerPool &operator=(const WorkerPool &) = delete;

  /// Calls fn(task, worker) for every task in [0, tasks), worker in
  /// [0, size()); returns when all are done.
  void run(int tasks, llvm::function_ref<void(int task, int worker)> fn);

  int size() const { return threads; }
  /// Runs done serially / in parallel so far (for tests and benchmarks).
  int64_t serialRuns() const { return serialCount; }
  int64_t parallelRuns() const { return parallelCount; }

  static constexpr int kProbePeriod = 64;
  static constexpr int kProbeRuns = 4;

private:
  void loop(int worker);
  void runParallel(int tasks, llvm::function_ref<void(int, int)> fn);
  bool chooseParallel();

  int threads;
  bool adaptive;
  std::vector<std::thread> workers;

  std::mutex mutex;
  std::condition_variable wake, done;
  // Guarded by `mutex`.
  llvm::function_ref<void(int, int)> current;
  int currentTasks = 0;
  uint64_t generation = 0;
  int pending = 0;
  bool stopping = false;
  // Claimed task counter of the current run.
  std::atomic<int> next{0};

  // Adaptive mode (caller's thread only).
  int64_t runCount = 0, serialCount = 0, parallelCount = 0;
  bool preferParallel = true;
  /// Mean seconds per task of recent serial / parallel runs (< 0: none).
  double serialCost = -1.0, parallelCost = -1.0;
};

} // namespace photon::runtime

#endif // PHOTON_RUNTIME_WORKERPOOL_H
