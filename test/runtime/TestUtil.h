//===- TestUtil.h - Helpers shared by the runtime unit tests -----*- C++ -*-===//
#ifndef PHOTON_TEST_RUNTIME_TESTUTIL_H
#define PHOTON_TEST_RUNTIME_TESTUTIL_H

#include "photon/Runtime/Convention.h"
#include "photon/Runtime/MeshLayout.h"
#include "photon/Runtime/Random.h"

#include <Eigen/Core>
#include <algorithm>
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

#endif // PHOTON_TEST_RUNTIME_TESTUTIL_H
