//===- Initializer.cpp - Seeded weight initialisers -----------------------===//
#include "photon/Runtime/Initializer.h"

#include "photon/Runtime/Random.h"

#include <cmath>

namespace photon::runtime {

const char *initializerName(Initializer init) {
  switch (init) {
  case Initializer::Normal:
    return "normal";
  case Initializer::Uniform:
    return "uniform";
  }
  return "normal";
}

std::optional<Initializer> parseInitializer(std::string_view name) {
  if (name == "normal")
    return Initializer::Normal;
  if (name == "uniform")
    return Initializer::Uniform;
  return std::nullopt;
}

Eigen::MatrixXcd initializeWeights(Initializer init, int rows, int cols,
                                   uint64_t seed, bool complexValued) {
  Eigen::MatrixXcd w = Eigen::MatrixXcd::Zero(rows, cols);
  if (rows <= 0 || cols <= 0)
    return w;
  Random random(seed);
  // Each part of a complex entry carries half the variance.
  const double partScale = complexValued ? std::sqrt(0.5) : 1.0;
  // Row-major draw order; for complex entries the real part first.
  auto draw = [&]() -> double {
    if (init == Initializer::Normal)
      return random.normal() * std::sqrt(1.0 / cols) * partScale;
    const double limit = std::sqrt(6.0 / (rows + cols)) * partScale;
    return (2.0 * random.uniform() - 1.0) * limit;
  };
  for (int row = 0; row < rows; ++row)
    for (int col = 0; col < cols; ++col) {
      const double re = draw();
      const double im = complexValued ? draw() : 0.0;
      w(row, col) = std::complex<double>(re, im);
    }
  return w;
}

} // namespace photon::runtime
