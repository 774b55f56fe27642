//===- Random.cpp - Portable seeded random numbers ------------------------===//
//
// xoshiro256** 1.0 (D. Blackman and S. Vigna, "Scrambled linear pseudorandom
// number generators", ACM TOMS 47(4), 2021), seeded by splitmix64 (Steele,
// Lea and Flood, OOPSLA 2014), written from the published definitions.
//
//===----------------------------------------------------------------------===//
#include "photon/Runtime/Random.h"

#include "photon/Runtime/Convention.h"

#include <Eigen/QR>
#include <cmath>

namespace photon::runtime {

namespace {
uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

uint64_t splitmix64(uint64_t &x) {
  uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}
} // namespace

Random::Random(uint64_t seed) {
  uint64_t x = seed;
  for (uint64_t &s : state)
    s = splitmix64(x);
}

uint64_t Random::next() {
  const uint64_t result = rotl(state[1] * 5, 7) * 9;
  const uint64_t t = state[1] << 17;
  state[2] ^= state[0];
  state[3] ^= state[1];
  state[1] ^= state[2];
  state[0] ^= state[3];
  state[2] ^= t;
  state[3] = rotl(state[3], 45);
  return result;
}

double Random::uniform() {
  // The top 53 bits as a multiple of 2^-53.
  return static_cast<double>(next() >> 11) * 0x1p-53;
}

double Random::normal() {
  if (hasSpare) {
    hasSpare = false;
    return spare;
  }
  // u1 in (0, 1] so the logarithm is finite.
  const double u1 = 1.0 - uniform();
  const double u2 = uniform();
  const double r = std::sqrt(-2.0 * std::log(u1));
  const double angle = kTwoPi * u2;
  spare = r * std::sin(angle);
  hasSpare = true;
  return r * std::cos(angle);
}

Eigen::MatrixXcd haarUnitary(int n, Random &random) {
  // Ginibre matrix with E|z|² = 1, filled column by column (real part first).
  Eigen::MatrixXcd z(n, n);
  const double scale = std::sqrt(0.5);
  for (int col = 0; col < n; ++col)
    for (int row = 0; row < n; ++row) {
      const double re = random.normal();
      const double im = random.normal();
      z(row, col) = Complex(re * scale, im * scale);
    }
  Eigen::HouseholderQR<Eigen::MatrixXcd> qr(z);
  Eigen::MatrixXcd q = qr.householderQ();
  const Eigen::MatrixXcd &r = qr.matrixQR();
  // Q · Λ with Λ = diag(r_ii / |r_ii|) makes the distribution Haar.
  for (int i = 0; i < n; ++i) {
    const Complex d = r(i, i);
    const double a = std::abs(d);
    if (a > 0.0)
      q.col(i) *= d / a;
  }
  return q;
}

} // namespace photon::runtime
