//===- Random.h - Portable seeded random numbers ----------------*- C++ -*-===//
//
// A seeded generator whose streams are the same on every platform and
// standard library (std::normal_distribution is not), so seeded runs
// reproduce bit-exactly.
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_RUNTIME_RANDOM_H
#define PHOTON_RUNTIME_RANDOM_H

#include <Eigen/Core>
#include <cstdint>

namespace photon::runtime {

/// xoshiro256** seeded through splitmix64.
class Random {
public:
  explicit Random(uint64_t seed);
  uint64_t next();
  /// Uniform in [0, 1).
  double uniform();
  /// Standard normal (Box-Muller).
  double normal();

private:
  uint64_t state[4];
  bool hasSpare = false;
  double spare = 0.0;
};

/// A Haar-random N x N unitary (QR of a complex Ginibre matrix with the
/// phases of R's diagonal divided out; Mezzadri 2007).
Eigen::MatrixXcd haarUnitary(int n, Random &random);

} // namespace photon::runtime

#endif // PHOTON_RUNTIME_RANDOM_H
