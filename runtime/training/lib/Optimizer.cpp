//===- Optimizer.cpp - First-order optimizers over phases -----------------===//
#include "photon/Runtime/Optimizer.h"

#include "photon/Runtime/Convention.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace photon::runtime {

const char *optimizerName(OptimizerKind kind) {
  switch (kind) {
  case OptimizerKind::Adam:
    return "adam";
  case OptimizerKind::Sgd:
    return "sgd";
  }
  return "adam";
}

std::optional<OptimizerKind> parseOptimizer(std::string_view name) {
  if (name == "adam")
    return OptimizerKind::Adam;
  if (name == "sgd")
    return OptimizerKind::Sgd;
  return std::nullopt;
}

const char *phaseRangeName(PhaseRange range) {
  return range == PhaseRange::Floor ? "floor" : "wrap";
}

std::optional<PhaseRange> parsePhaseRange(std::string_view name) {
  if (name == "wrap")
    return PhaseRange::Wrap;
  if (name == "floor")
    return PhaseRange::Floor;
  return std::nullopt;
}

Optimizer::Optimizer(const Program &program, const OptimizerOptions &options)
    : opts(options) {
  const size_t count = parameterCount(program);
  first.assign(count, 0.0);
  if (opts.kind == OptimizerKind::Adam)
    second.assign(count, 0.0);
}

double Optimizer::learningRate() const {
  if (!opts.cosineDecay || opts.totalSteps <= 0)
    return opts.learningRate;
  const double t = static_cast<double>(std::min(stepCount, opts.totalSteps));
  return opts.learningRate * 0.5 *
         (1.0 + std::cos(kPi * t / static_cast<double>(opts.totalSteps)));
}

double Optimizer::update(size_t index, double value, double grad,
                         double rate) {
  if (opts.kind == OptimizerKind::Sgd) {
    if (opts.momentum == 0.0)
      return value - rate * grad;
    double &v = first[index];
    v = stepCount == 0 ? grad : opts.momentum * v + grad;
    return value - rate * v;
  }
  double &m = first[index];
  double &v = second[index];
  m = opts.beta1 * m + (1.0 - opts.beta1) * grad;
  v = opts.beta2 * v + (1.0 - opts.beta2) * grad * grad;
  const double mHat = m / correction1;
  const double vHat = v / correction2;
  return value - rate * mHat / (std::sqrt(vHat) + opts.epsilon);
}

void Optimizer::step(Program &program, const ProgramGradient &gradient) {
  assert(gradient.layers.size() == program.layers.size());
  const double rate = learningRate();
  const double t = static_cast<double>(stepCount + 1);
  correction1 = 1.0 - std::pow(opts.beta1, t);
  correction2 = 1.0 - std::pow(opts.beta2, t);
  size_t index = 0;
  for (size_t i = 0; i < program.layers.size(); ++i) {
    Layer &layer = program.layers[i];
    const LayerGradient &g = gradient.layers[i];
    if (opts.freezePhases && (layer.kind == LayerKind::Mesh ||
                              layer.kind == LayerKind::Diagonal)) {
      index += layer.kind == LayerKind::Mesh
                   ? layer.mesh.shifterCount()
                   : layer.diagonal.theta.size() + 1;
      continue;
    }
    if (layer.kind == LayerKind::Adapter) {
      Adapter &adapter = layer.adapter;
      assert(g.adapterA.rows() == adapter.a.rows() &&
             g.adapterA.cols() == adapter.a.cols() &&
             g.adapterB.rows() == adapter.b.rows() &&
             g.adapterB.cols() == adapter.b.cols());
      for (auto [m, gm] : {std::pair<Eigen::MatrixXcd *, const Eigen::MatrixXcd *>{
                               &adapter.a, &g.adapterA},
                           {&adapter.b, &g.adapterB}})
        for (Eigen::Index r = 0; r < m->rows(); ++r)
          for (Eigen::Index c = 0; c < m->cols(); ++c) {
            const std::complex<double> value = (*m)(r, c), grad = (*gm)(r, c);
            const double re = update(index++, value.real(), grad.real(), rate);
            const double im = update(index++, value.imag(), grad.imag(), rate);
            (*m)(r, c) = {re, im};
          }
      continue;
    }
    if (layer.kind == LayerKind::Mesh) {
      Mesh &mesh = layer.mesh;
      const size_t k = mesh.theta.size(), n = mesh.outputPhases.size();
      assert(g.theta.size() == k && g.phi.size() == k &&
             g.outputPhases.size() == n);
      for (size_t j = 0; j < 2 * k + n; ++j, ++index) {
        if (!mesh.mask.empty() && mesh.mask[j] == 0)
          continue; // pruned: phase stays exactly 0
        double &phase = j < k       ? mesh.theta[j]
                        : j < 2 * k ? mesh.phi[j - k]
                                    : mesh.outputPhases[j - 2 * k];
        const double grad = j < k       ? g.theta[j]
                            : j < 2 * k ? g.phi[j - k]
                                        : g.outputPhases[j - 2 * k];
        const double next = update(index, phase, grad, rate);
        phase = opts.phaseRange == PhaseRange::Floor && next < 0.0
                    ? 0.0
                    : wrapPhase(next);
      }
    } else if (layer.kind == LayerKind::Diagonal) {
      Diagonal &d = layer.diagonal;
      assert(g.theta.size() == d.theta.size());
      for (size_t j = 0; j < d.theta.size(); ++j, ++index) {
        if (!d.mask.empty() && d.mask[j] == 0)
          continue; // eliminated attenuator: θ stays exactly 0
        d.theta[j] =
            std::clamp(update(index, d.theta[j], g.theta[j], rate), 0.0, kPi);
      }
      // The gain is updated in log space, u = ln g (∂L/∂u = g ∂L/∂g): it
      // stays > 0 and cannot die. With an additive update a network whose
      // predictions are confidently wrong (e.g. an LTH ticket right after
      // its reset) lowers the last gain to 0 to approach the uniform
      // prediction, where every gradient vanishes for good.
      if (d.gain > 0.0)
        d.gain = std::exp(update(index, std::log(d.gain), d.gain * g.gain,
                                 rate));
      ++index;
    }
  }
  assert(index == first.size());
  ++stepCount;
}

} // namespace photon::runtime
