//===- DeadShifters.cpp - Eliminating shifters at phase 0 -----------------===//
#include "photon/Runtime/DeadShifters.h"

#include "photon/Runtime/Convention.h"

#include <algorithm>

namespace photon::runtime {

double phaseDistanceFromZero(double phase) {
  double wrapped = wrapPhase(phase);
  return std::min(wrapped, kTwoPi - wrapped);
}

EliminationCounts &EliminationCounts::operator+=(const EliminationCounts &o) {
  theta += o.theta;
  phi += o.phi;
  outputs += o.outputs;
  attenuators += o.attenuators;
  fixedCrossings += o.fixedCrossings;
  powerSavedMilliwatts += o.powerSavedMilliwatts;
  return *this;
}

EliminationCounts eliminateDeadShifters(Mesh &mesh, double tolerance,
                                        const PowerModel &power) {
  EliminationCounts counts;
  const int mzis = mesh.mziCount();
  if (mesh.mask.empty())
    mesh.mask.assign(static_cast<size_t>(mesh.shifterCount()), 1);
  auto visit = [&](std::vector<double> &phases, int offset, int &counter) {
    for (size_t i = 0; i < phases.size(); ++i) {
      uint8_t &live = mesh.mask[offset + i];
      if (!live || phaseDistanceFromZero(phases[i]) > tolerance)
        continue;
      counts.powerSavedMilliwatts += power.heaterPower(phases[i]);
      phases[i] = 0.0;
      live = 0;
      ++counter;
    }
  };
  visit(mesh.theta, 0, counts.theta);
  visit(mesh.phi, mzis, counts.phi);
  visit(mesh.outputPhases, 2 * mzis, counts.outputs);
  for (int k = 0; k < mzis; ++k)
    if (!mesh.mask[k] && !mesh.mask[mzis + k])
      ++counts.fixedCrossings;
  return counts;
}

EliminationCounts eliminateDeadAttenuators(Diagonal &diagonal,
                                           double tolerance,
                                           const PowerModel &power) {
  EliminationCounts counts;
  if (diagonal.mask.empty())
    diagonal.mask.assign(diagonal.theta.size(), 1);
  for (size_t i = 0; i < diagonal.theta.size(); ++i) {
    if (!diagonal.mask[i] || diagonal.theta[i] > tolerance)
      continue;
    counts.powerSavedMilliwatts += power.heaterPower(diagonal.theta[i]);
    diagonal.theta[i] = 0.0;
    diagonal.mask[i] = 0;
    ++counts.attenuators;
  }
  return counts;
}

} // namespace photon::runtime
