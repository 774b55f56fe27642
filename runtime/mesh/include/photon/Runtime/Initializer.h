//===- Initializer.h - Seeded weight initialisers ---------------*- C++ -*-===//
//
// Weights of a dense layer given by a named initialiser and a seed instead of
// inline values:
//  - "normal":  entries N(0, 1/N) (N = inputs); complex entries have real and
//               imaginary parts N(0, 1/(2N)).
//  - "uniform": entries U(-√(6/(M+N)), √(6/(M+N))) (Glorot); complex entries
//               draw real and imaginary parts with half the variance.
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_RUNTIME_INITIALIZER_H
#define PHOTON_RUNTIME_INITIALIZER_H

#include <Eigen/Core>
#include <cstdint>
#include <optional>
#include <string_view>

namespace photon::runtime {

enum class Initializer { Normal, Uniform };

const char *initializerName(Initializer init);
std::optional<Initializer> parseInitializer(std::string_view name);

/// rows x cols weights; imaginary parts are 0 unless `complexValued`.
Eigen::MatrixXcd initializeWeights(Initializer init, int rows, int cols,
                                   uint64_t seed, bool complexValued);

} // namespace photon::runtime

#endif // PHOTON_RUNTIME_INITIALIZER_H
