//===- Activation.cpp - Element-wise complex activations ------------------===//
#include "photon/Runtime/Activation.h"

#include <cmath>

namespace photon::runtime {

const char *activationName(Activation activation) {
  switch (activation) {
  case Activation::Identity:
    return "identity";
  case Activation::Softplus:
    return "softplus";
  case Activation::Modulus:
    return "modulus";
  }
  return "identity";
}

std::optional<Activation> parseActivation(std::string_view name) {
  if (name == "identity")
    return Activation::Identity;
  if (name == "softplus")
    return Activation::Softplus;
  if (name == "modulus")
    return Activation::Modulus;
  return std::nullopt;
}

namespace {
/// ln(1 + e^r) without overflow for large r.
template <typename T> T softplus(T r) {
  return r > T(0) ? r + std::log1p(std::exp(-r)) : std::log1p(std::exp(r));
}

template <typename T>
std::complex<T> apply(Activation activation, std::complex<T> z) {
  switch (activation) {
  case Activation::Identity:
    return z;
  case Activation::Softplus: {
    const T r = std::abs(z);
    const T f = softplus(r);
    if (r == T(0))
      return {f, T(0)}; // phase of 0 taken as 0: f(0) = ln 2
    return z * (f / r);
  }
  case Activation::Modulus:
    return {std::abs(z), T(0)};
  }
  return z;
}
} // namespace

std::complex<double> applyActivation(Activation activation,
                                     std::complex<double> z) {
  return apply(activation, z);
}
std::complex<float> applyActivation(Activation activation,
                                    std::complex<float> z) {
  return apply(activation, z);
}

} // namespace photon::runtime
