//===- Boundary.cpp - Optical-to-electrical boundaries --------------------===//
#include "photon/Runtime/Boundary.h"

#include <cmath>

namespace photon::runtime {

namespace {
constexpr ElectricalFunction kAllFunctions[] = {
    ElectricalFunction::Identity, ElectricalFunction::Relu,
    ElectricalFunction::Sigmoid,  ElectricalFunction::Tanh,
    ElectricalFunction::Softplus, ElectricalFunction::Abs,
    ElectricalFunction::Softmax,  ElectricalFunction::LogSoftmax};
} // namespace

const char *electricalFunctionName(ElectricalFunction function) {
  switch (function) {
  case ElectricalFunction::Identity:
    return "identity";
  case ElectricalFunction::Relu:
    return "relu";
  case ElectricalFunction::Sigmoid:
    return "sigmoid";
  case ElectricalFunction::Tanh:
    return "tanh";
  case ElectricalFunction::Softplus:
    return "softplus";
  case ElectricalFunction::Abs:
    return "abs";
  case ElectricalFunction::Softmax:
    return "softmax";
  case ElectricalFunction::LogSoftmax:
    return "log_softmax";
  }
  return "identity";
}

std::optional<ElectricalFunction>
parseElectricalFunction(std::string_view name) {
  for (ElectricalFunction function : kAllFunctions)
    if (name == electricalFunctionName(function))
      return function;
  return std::nullopt;
}

bool isElementwise(ElectricalFunction function) {
  return function != ElectricalFunction::Softmax &&
         function != ElectricalFunction::LogSoftmax;
}

double applyElementwise(ElectricalFunction function, double x) {
  switch (function) {
  case ElectricalFunction::Relu:
    return x > 0.0 ? x : 0.0;
  case ElectricalFunction::Sigmoid:
    // Split by sign so that e^(-x) never overflows.
    return x >= 0.0 ? 1.0 / (1.0 + std::exp(-x))
                    : std::exp(x) / (1.0 + std::exp(x));
  case ElectricalFunction::Tanh:
    return std::tanh(x);
  case ElectricalFunction::Softplus:
    return x > 0.0 ? x + std::log1p(std::exp(-x)) : std::log1p(std::exp(x));
  case ElectricalFunction::Abs:
    return std::fabs(x);
  case ElectricalFunction::Identity:
  case ElectricalFunction::Softmax:
  case ElectricalFunction::LogSoftmax:
    break;
  }
  return x;
}

double elementwiseDerivative(ElectricalFunction function, double x) {
  switch (function) {
  case ElectricalFunction::Relu:
    return x >= 0.0 ? 1.0 : 0.0;
  case ElectricalFunction::Sigmoid: {
    const double s = applyElementwise(ElectricalFunction::Sigmoid, x);
    return s * (1.0 - s);
  }
  case ElectricalFunction::Tanh: {
    const double t = std::tanh(x);
    return 1.0 - t * t;
  }
  case ElectricalFunction::Softplus:
    return applyElementwise(ElectricalFunction::Sigmoid, x);
  case ElectricalFunction::Abs:
    return x > 0.0 ? 1.0 : x < 0.0 ? -1.0 : 0.0;
  case ElectricalFunction::Identity:
  case ElectricalFunction::Softmax:
  case ElectricalFunction::LogSoftmax:
    break;
  }
  return 1.0;
}

namespace {
template <typename T>
void applyImpl(const Boundary &boundary,
               Eigen::Matrix<std::complex<T>, Eigen::Dynamic, Eigen::Dynamic>
                   &x) {
  // Computed in double whatever the field precision, as the electronics
  // after the ADC would.
  std::vector<double> column(static_cast<size_t>(x.rows()));
  for (Eigen::Index c = 0; c < x.cols(); ++c) {
    for (Eigen::Index r = 0; r < x.rows(); ++r)
      column[r] = static_cast<double>(x(r, c).real()) +
                  (boundary.bias.empty() ? 0.0 : boundary.bias[r]);
    if (isElementwise(boundary.function)) {
      for (double &v : column)
        v = applyElementwise(boundary.function, v);
    } else if (!column.empty()) {
      // log_softmax(v) = v - max - ln Σ e^(v - max); softmax = e^that.
      double top = column[0];
      for (double v : column)
        top = std::max(top, v);
      double sum = 0.0;
      for (double v : column)
        sum += std::exp(v - top);
      const double logSum = top + std::log(sum);
      for (double &v : column)
        v = boundary.function == ElectricalFunction::Softmax
                ? std::exp(v - logSum)
                : v - logSum;
    }
    for (Eigen::Index r = 0; r < x.rows(); ++r)
      x(r, c) = std::complex<T>(static_cast<T>(column[r]), T(0));
  }
}
} // namespace

void applyBoundary(const Boundary &boundary, Eigen::MatrixXcd &x) {
  applyImpl(boundary, x);
}
void applyBoundary(const Boundary &boundary, Eigen::MatrixXcf &x) {
  applyImpl(boundary, x);
}

ConverterCount converterCount(int width, bool reencode) {
  return {width, reencode ? width : 0};
}

} // namespace photon::runtime
