//===- TestUtil.h - Helpers shared by the runtime unit tests -----*- C++ -*-===//
#ifndef PHOTON_TEST_RUNTIME_TESTUTIL_H
#define PHOTON_TEST_RUNTIME_TESTUTIL_H

#include "photon/Runtime/Convention.h"
#include "photon/Runtime/MeshLayout.h"
#include "photon/Runtime/Random.h"

#include <Eigen/Core>
#include <algorithm>
#include <complex>
#include <cstdint>
#include <numeric>
#include <ostream>
#include <vector>

namespace photon::runtime {
/// Readable test names for parameterised tests ("clements", not bytes).
inline void PrintTo(Topology topology, std::ostream *os) {
  *os << topologyName(topology);
}
} // namespace photon::runtime

namespace photon::runtime::test {

inline double maxAbsDiff(const Eigen::MatrixXcd &a, const Eigen::MatrixXcd &b) {
  if (a.size() == 0)
    return 0.0;
  return (a - b).cwiseAbs().maxCoeff();
}

/// The anti-diagonal permutation (mode i -> mode N-1-i).
inline Eigen::MatrixXcd reversal(int n) {
  Eigen::MatrixXcd p = Eigen::MatrixXcd::Zero(n, n);
  for (int i = 0; i < n; ++i)
    p(n - 1 - i, i) = 1.0;
  return p;
}

/// A seeded random permutation matrix.
inline Eigen::MatrixXcd randomPermutation(int n, uint64_t seed) {
  Random random(seed);
  std::vector<int> perm(n);
  std::iota(perm.begin(), perm.end(), 0);
  for (int i = n - 1; i > 0; --i) // Fisher-Yates
    std::swap(perm[i], perm[static_cast<int>(random.uniform() * (i + 1))]);
  Eigen::MatrixXcd p = Eigen::MatrixXcd::Zero(n, n);
  for (int i = 0; i < n; ++i)
    p(perm[i], i) = 1.0;
  return p;
}

/// diag(e^{i·x_k}) with seeded uniform phases.
inline Eigen::MatrixXcd randomDiagonalPhases(int n, uint64_t seed) {
  Random random(seed);
  Eigen::MatrixXcd d = Eigen::MatrixXcd::Zero(n, n);
  for (int i = 0; i < n; ++i)
    d(i, i) = std::polar(1.0, kTwoPi * random.uniform());
  return d;
}

inline Eigen::MatrixXcd randomComplex(int rows, int cols, uint64_t seed) {
  Random random(seed);
  Eigen::MatrixXcd m(rows, cols);
  for (int j = 0; j < cols; ++j)
    for (int i = 0; i < rows; ++i) {
      double re = random.normal();
      m(i, j) = Complex(re, random.normal());
    }
  return m;
}

} // namespace photon::runtime::test

namespace photon::runtime::test {

struct Blobs {
  Eigen::MatrixXcd inputs;
  std::vector<int> labels;
};

/// `classes` complex Gaussian blobs in C^dims: centres with N(0, 1) parts,
/// samples = centre + `spread` · N(0, 1) noise per part.
inline Blobs makeBlobs(int dims, int classes, int samples, double spread,
                uint64_t seed) {
  Random random(seed);
  Eigen::MatrixXcd centres(dims, classes);
  for (int c = 0; c < classes; ++c)
    for (int i = 0; i < dims; ++i) {
      const double re = random.normal();
      centres(i, c) = std::complex<double>(re, random.normal());
    }
  Blobs b;
  b.inputs.resize(dims, samples);
  for (int s = 0; s < samples; ++s) {
    const int c = s % classes;
    b.labels.push_back(c);
    for (int i = 0; i < dims; ++i) {
      const double re = random.normal();
      b.inputs(i, s) = centres(i, c) + spread * std::complex<double>(re, random.normal());
    }
  }
  return b;
}

} // namespace photon::runtime::test

#endif // PHOTON_TEST_RUNTIME_TESTUTIL_H
