//===- RuntimeBench.cpp - Timings of the Photon runtime kernels -----------===//
//
// (a) Clements and Reck decompositions of Haar-random unitaries,
// (b) batched mesh forward (applyMesh) next to an Eigen dense complex GEMM of
//     the same size, in double and float,
// (c) SVD of N x N complex matrices.
// All single-threaded. Results and the command line: docs/benchmarks.md.
//
//===----------------------------------------------------------------------===//
#include "photon/Runtime/Decomposition.h"
#include "photon/Runtime/Mesh.h"
#include "photon/Runtime/Random.h"
#include "photon/Runtime/Svd.h"

#include <benchmark/benchmark.h>

#include <complex>

using namespace photon::runtime;

namespace {

Eigen::MatrixXcd unitary(int n) {
  Random random(1234 + n);
  return haarUnitary(n, random);
}

template <Topology topology> void BM_Decompose(benchmark::State &state) {
  const int n = static_cast<int>(state.range(0));
  const Eigen::MatrixXcd u = unitary(n);
  for (auto _ : state) {
    Mesh mesh = decomposeUnitary(topology, u);
    benchmark::DoNotOptimize(mesh.theta.data());
  }
  state.counters["mzis"] = mziCount(n);
}
BENCHMARK(BM_Decompose<Topology::Clements>)
    ->Name("Clements")
    ->RangeMultiplier(2)
    ->Range(16, 512)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Decompose<Topology::Reck>)
    ->Name("Reck")
    ->RangeMultiplier(2)
    ->Range(16, 512)
    ->Unit(benchmark::kMillisecond);

constexpr int kBatch = 1024;

template <typename T> using CMatrix =
    Eigen::Matrix<std::complex<T>, Eigen::Dynamic, Eigen::Dynamic>;

template <typename T> CMatrix<T> fields(int n, int batch) {
  Random random(99);
  CMatrix<T> x(n, batch);
  for (int j = 0; j < batch; ++j)
    for (int i = 0; i < n; ++i) {
      double re = random.normal();
      x(i, j) = std::complex<T>(T(re), T(random.normal()));
    }
  return x;
}

/// applyMesh with a mesh prepared once (the steady state of a simulator).
template <typename T> void BM_MeshForward(benchmark::State &state) {
  const int n = static_cast<int>(state.range(0));
  const Mesh mesh = decomposeClements(unitary(n));
  const PreparedMesh prepared = prepareMesh(mesh);
  CMatrix<T> x = fields<T>(n, kBatch);
  for (auto _ : state) {
    applyMesh(prepared, x);
    benchmark::DoNotOptimize(x.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * kBatch);
  state.counters["chains"] =
      static_cast<double>(prepared.chainBegin.size() - 1);
}
BENCHMARK(BM_MeshForward<double>)->Name("MeshForward/double")->Arg(64)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_MeshForward<float>)->Name("MeshForward/float")->Arg(64)
    ->Unit(benchmark::kMicrosecond);

/// applyMesh(Mesh, ...) including the O(N²) preparation.
template <typename T> void BM_MeshForwardUnprepared(benchmark::State &state) {
  const int n = static_cast<int>(state.range(0));
  const Mesh mesh = decomposeClements(unitary(n));
  CMatrix<T> x = fields<T>(n, kBatch);
  for (auto _ : state) {
    applyMesh(mesh, x);
    benchmark::DoNotOptimize(x.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * kBatch);
}
BENCHMARK(BM_MeshForwardUnprepared<double>)
    ->Name("MeshForwardWithPrepare/double")->Arg(64)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_MeshForwardUnprepared<float>)
    ->Name("MeshForwardWithPrepare/float")->Arg(64)
    ->Unit(benchmark::kMicrosecond);

/// The dense alternative: Y = U · X with Eigen's complex GEMM.
template <typename T> void BM_EigenGemm(benchmark::State &state) {
  const int n = static_cast<int>(state.range(0));
  const CMatrix<T> u = unitary(n).cast<std::complex<T>>();
  const CMatrix<T> x = fields<T>(n, kBatch);
  CMatrix<T> y(n, kBatch);
  for (auto _ : state) {
    y.noalias() = u * x;
    benchmark::DoNotOptimize(y.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * kBatch);
}
BENCHMARK(BM_EigenGemm<double>)->Name("EigenGemm/double")->Arg(64)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_EigenGemm<float>)->Name("EigenGemm/float")->Arg(64)
    ->Unit(benchmark::kMicrosecond);

void BM_Svd(benchmark::State &state) {
  const int n = static_cast<int>(state.range(0));
  Random random(5);
  Eigen::MatrixXcd w(n, n);
  for (int j = 0; j < n; ++j)
    for (int i = 0; i < n; ++i) {
      double re = random.normal();
      w(i, j) = std::complex<double>(re, random.normal());
    }
  for (auto _ : state) {
    SvdFactors f = factorizeSvd(w);
    benchmark::DoNotOptimize(f.sigma.data());
  }
}
BENCHMARK(BM_Svd)->Name("Svd")->Arg(64)->Arg(256)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
