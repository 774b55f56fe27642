//===- Boundary.h - Optical-to-electrical boundaries ------------*- C++ -*-===//
//
// A boundary leaves the optical domain by coherent (phase-sensitive)
// detection of each mode's real amplitude Re(E_i), adds an optional
// electrical bias and applies an electrical function:
//
//   y = f(Re(E) + bias)
//
// An O-E-O boundary (`oeo`) then re-encodes y onto as many modes for the
// next optical layer; a readout (`readout`) ends the program with y as real
// electrical outputs. The nonlinearities optics cannot do (ReLU, sigmoid,
// tanh, real softplus) and the imported models' biases live here.
//
//   identity  f(x) = x            relu      f(x) = max(x, 0)
//   sigmoid   f(x) = 1/(1+e^-x)   tanh      f(x) = tanh(x)
//   softplus  f(x) = ln(1+e^x)    abs       f(x) = |x|
//   softmax, log_softmax: over the whole vector (readout only)
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_RUNTIME_BOUNDARY_H
#define PHOTON_RUNTIME_BOUNDARY_H

#include <Eigen/Dense>

#include <optional>
#include <string_view>
#include <vector>

namespace photon::runtime {

enum class ElectricalFunction {
  Identity,
  Relu,
  Sigmoid,
  Tanh,
  Softplus,
  Abs,
  Softmax,
  LogSoftmax
};

const char *electricalFunctionName(ElectricalFunction function);
std::optional<ElectricalFunction>
parseElectricalFunction(std::string_view name);
/// False for softmax and log_softmax, which act on the whole vector.
bool isElementwise(ElectricalFunction function);
/// f(x) for an element-wise function.
double applyElementwise(ElectricalFunction function, double x);
/// f'(x) for an element-wise function (relu and abs: 0 and -1 below 0,
/// 1 above; at 0 the right derivative for relu, 0 for abs).
double elementwiseDerivative(ElectricalFunction function, double x);

/// The electrical part of an `oeo` or `readout` layer.
struct Boundary {
  ElectricalFunction function = ElectricalFunction::Identity;
  /// One value per mode, or empty for no bias.
  std::vector<double> bias;
};

/// Replaces every column z of `x` by f(Re(z) + bias) (imaginary parts 0).
void applyBoundary(const Boundary &boundary, Eigen::MatrixXcd &x);
void applyBoundary(const Boundary &boundary, Eigen::MatrixXcf &x);

/// Converters a boundary of `width` modes needs: one coherent receiver with
/// its ADC per mode, and for an O-E-O boundary one DAC with its modulator
/// per mode.
struct ConverterCount {
  int adcs = 0;
  int dacs = 0;
};
ConverterCount converterCount(int width, bool reencode);

} // namespace photon::runtime

#endif // PHOTON_RUNTIME_BOUNDARY_H
