//===- TrainingBench.cpp - Throughput of hardware-aware training ----------===//
//
// Forward + backward (GradientEngine::lossAndGradient) of the LTH paper's
// 16-16-16-10 network:
//   encode 16 → [V mesh 16, Σ 16→16, U mesh 16, softplus] × 2
//             → V mesh 16, Σ 16→10, U mesh 10 → detect
// (5 · 120 + 45 = 645 MZIs; 1,425 parameters: 1,290 θ and φ, 90 output
// phases, 42 attenuators, 3 gains), for batches of 64 and 256 on
// 1 and 2 threads; one full training step (gradient + Adam update); and
// forward-only evaluation. items_per_second = samples per second
// (wall-clock time, since the batch is split over threads).
//
//===----------------------------------------------------------------------===//
#include "photon/Runtime/Decomposition.h"
#include "photon/Runtime/Gradient.h"
#include "photon/Runtime/Optimizer.h"
#include "photon/Runtime/Random.h"
#include "photon/Runtime/RandomNetwork.h"

#include <benchmark/benchmark.h>

#include <vector>

using namespace photon::runtime;

namespace {

Program network16161610() {
  Random random(2024);
  return randomNetwork({16, 16, 16, 10}, Topology::Clements,
                       Activation::Softplus, random);
}

struct Data {
  Eigen::MatrixXcd inputs;
  std::vector<int> labels;
};

Data data(int samples) {
  Random random(7);
  Data d;
  d.inputs.resize(16, samples);
  for (int j = 0; j < samples; ++j) {
    for (int i = 0; i < 16; ++i) {
      const double re = random.normal();
      d.inputs(i, j) = std::complex<double>(re, random.normal());
    }
    d.labels.push_back(j % 10);
  }
  return d;
}

/// Args: batch, threads.
void BM_ForwardBackward(benchmark::State &state) {
  const int batch = static_cast<int>(state.range(0));
  const int threads = static_cast<int>(state.range(1));
  const Program program = network16161610();
  const Data d = data(batch);
  GradientEngine engine(program, threads);
  ProgramGradient gradient = ProgramGradient::zerosLike(program);
  for (auto _ : state) {
    engine.setParameters(program);
    BatchStats stats = engine.lossAndGradient(d.inputs, d.labels, gradient);
    benchmark::DoNotOptimize(stats.loss);
  }
  state.SetItemsProcessed(state.iterations() * batch);
  state.counters["parameters"] = parameterCount(program);
}
BENCHMARK(BM_ForwardBackward)
    ->Name("ForwardBackward/16-16-16-10")
    ->ArgNames({"batch", "threads"})
    ->Args({64, 1})
    ->Args({64, 2})
    ->Args({256, 1})
    ->Args({256, 2})
    ->UseRealTime()
    ->Unit(benchmark::kMicrosecond);

/// Gradient plus one Adam update (the trainer's inner loop).
void BM_TrainStep(benchmark::State &state) {
  const int batch = static_cast<int>(state.range(0));
  const int threads = static_cast<int>(state.range(1));
  Program program = network16161610();
  const Data d = data(batch);
  GradientEngine engine(program, threads);
  ProgramGradient gradient = ProgramGradient::zerosLike(program);
  OptimizerOptions options;
  options.learningRate = 1e-4;
  Optimizer adam(program, options);
  for (auto _ : state) {
    engine.setParameters(program);
    engine.lossAndGradient(d.inputs, d.labels, gradient);
    adam.step(program, gradient);
  }
  state.SetItemsProcessed(state.iterations() * batch);
}
BENCHMARK(BM_TrainStep)
    ->Name("TrainStep/16-16-16-10")
    ->ArgNames({"batch", "threads"})
    ->Args({64, 2})
    ->UseRealTime()
    ->Unit(benchmark::kMicrosecond);

/// Forward only (evaluation of a test set).
void BM_Evaluate(benchmark::State &state) {
  const int samples = static_cast<int>(state.range(0));
  const int threads = static_cast<int>(state.range(1));
  const Program program = network16161610();
  const Data d = data(samples);
  GradientEngine engine(program, threads);
  for (auto _ : state) {
    BatchStats stats = engine.evaluate(d.inputs, d.labels);
    benchmark::DoNotOptimize(stats.loss);
  }
  state.SetItemsProcessed(state.iterations() * samples);
}
BENCHMARK(BM_Evaluate)
    ->Name("Evaluate/16-16-16-10")
    ->ArgNames({"samples", "threads"})
    ->Args({2000, 1})
    ->Args({2000, 2})
    ->UseRealTime()
    ->Unit(benchmark::kMicrosecond);


/// Re-reading the phases after an update (serial, once per step).
void BM_SetParameters(benchmark::State &state) {
  const Program program = network16161610();
  GradientEngine engine(program, 1);
  for (auto _ : state)
    engine.setParameters(program);
}
BENCHMARK(BM_SetParameters)
    ->Name("SetParameters/16-16-16-10")
    ->Unit(benchmark::kMicrosecond);

} // namespace
