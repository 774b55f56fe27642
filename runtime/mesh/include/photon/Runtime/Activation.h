//===- Activation.h - Element-wise complex activations ----------*- C++ -*-===//
//
//  - identity:  f(z) = z
//  - softplus:  f(z) = softplus(|z|) · z / |z|, softplus(r) = ln(1 + e^r);
//               the modulus is activated and the phase kept; f(0) = ln 2.
//  - modulus:   f(z) = |z| (the phase is dropped)
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_RUNTIME_ACTIVATION_H
#define PHOTON_RUNTIME_ACTIVATION_H

#include <complex>
#include <optional>
#include <string_view>

namespace photon::runtime {

enum class Activation { Identity, Softplus, Modulus };

const char *activationName(Activation activation);
std::optional<Activation> parseActivation(std::string_view name);

std::complex<double> applyActivation(Activation activation,
                                     std::complex<double> z);
std::complex<float> applyActivation(Activation activation,
                                    std::complex<float> z);

} // namespace photon::runtime

#endif // PHOTON_RUNTIME_ACTIVATION_H
