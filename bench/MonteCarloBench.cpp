//===- MonteCarloBench.cpp - Throughput of Monte Carlo noise evaluation ---===//
//
// evaluateUnderNoise on the LTH paper's 16-16-16-10 network (randomNetwork,
// Clements, softplus) and 1,000 samples, 8 trials per benchmark iteration,
// on 1 and 2 threads, for three noise models:
//  - Phase: static phase noise only (phase_sigma, gamma_sigma, crosstalk,
//    phase_bits): each trial re-prepares the meshes and runs the mesh kernel;
//  - Devices: coupler error and loss as well: each trial builds the dense
//    transfer matrix of every mesh and applies it as a GEMM;
//  - Full: every component, the dynamic ones (DAC/ADC, weight error,
//    detector noise) drawn per sample.
// items_per_second = trials per second (wall-clock time).
//
//===----------------------------------------------------------------------===//
#include "photon/Runtime/MonteCarlo.h"
#include "photon/Runtime/RandomNetwork.h"
#include "photon/Runtime/Simulator.h"

#include <benchmark/benchmark.h>

#include <vector>

using namespace photon::runtime;

namespace {

constexpr int kSamples = 1000;
constexpr int kTrials = 8;

struct Setup {
  Program program;
  Eigen::MatrixXcd inputs;
  std::vector<int> labels;
};

const Setup &setup() {
  static const Setup s = [] {
    Setup s;
    Random random(2024);
    s.program = randomNetwork({16, 16, 16, 10}, Topology::Clements,
                              Activation::Softplus, random);
    s.inputs.resize(16, kSamples);
    for (int c = 0; c < kSamples; ++c)
      for (int r = 0; r < 16; ++r)
        s.inputs(r, c) = std::complex<double>(random.normal(), random.normal());
    Eigen::MatrixXcd y = simulate(s.program, s.inputs);
    for (int c = 0; c < kSamples; ++c) {
      Eigen::Index best = 0;
      y.col(c).real().maxCoeff(&best);
      s.labels.push_back(static_cast<int>(best));
    }
    return s;
  }();
  return s;
}

NoiseModel model(const char *spec) {
  llvm::Expected<NoiseModel> m = parseNoiseModel(spec);
  if (!m) {
    llvm::consumeError(m.takeError());
    return {};
  }
  return *m;
}

void runBenchmark(benchmark::State &state, const NoiseModel &noise) {
  const Setup &s = setup();
  const int threads = static_cast<int>(state.range(0));
  double mean = 0.0;
  for (auto _ : state) {
    llvm::Expected<MonteCarloResult> r = evaluateUnderNoise(
        s.program, noise, s.inputs, s.labels, kTrials, /*seed=*/1, threads);
    if (!r) {
      state.SkipWithError(llvm::toString(r.takeError()).c_str());
      return;
    }
    mean = r->mean;
    // (Not DoNotOptimize(mean): Debian's benchmark 1.7 "+m,r" constraint
    // lets GCC 12 clobber a double.)
    benchmark::DoNotOptimize(r->accuracies.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * kTrials);
  state.counters["accuracy"] = mean;
}

void BM_MonteCarloPhase(benchmark::State &state) {
  runBenchmark(state, model("phase_sigma=0.02,gamma_sigma=2e-3,"
                            "crosstalk=2e-3,phase_bits=8"));
}
void BM_MonteCarloDevices(benchmark::State &state) {
  runBenchmark(state, model("phase_sigma=0.02,gamma_sigma=2e-3,"
                            "crosstalk=2e-3,phase_bits=8,coupler_sigma=0.01,"
                            "loss_db=0.1"));
}
void BM_MonteCarloFull(benchmark::State &state) {
  runBenchmark(state,
               model("phase_sigma=0.02,gamma_sigma=2e-3,crosstalk=2e-3,"
                     "phase_bits=8,input_bits=8,output_bits=8,"
                     "weight_sigma=0.012,coupler_sigma=0.01,loss_db=0.1,"
                     "detector_sigma=0.01"));
}

} // namespace

BENCHMARK(BM_MonteCarloPhase)->Name("MonteCarlo/phase")->Arg(1)->Arg(2)
    ->ArgName("threads")->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MonteCarloDevices)->Name("MonteCarlo/devices")->Arg(1)->Arg(2)
    ->ArgName("threads")->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MonteCarloFull)->Name("MonteCarlo/full")->Arg(1)->Arg(2)
    ->ArgName("threads")->UseRealTime()->Unit(benchmark::kMillisecond);
