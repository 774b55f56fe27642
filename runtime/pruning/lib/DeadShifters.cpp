//===- DeadShifters.cpp - Eliminating shifters at phase 0 -----------------===//
#include "photon/Runtime/DeadShifters.h"

#include "photon/Runtime/Convention.h"
#include "photon/Runtime/MeshLayout.h"

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
  unreachable += o.unreachable;
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
      if (!mesh.active.empty())
        mesh.active[offset + i] = 0; // only live shifters can be active
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

std::vector<bool> unreachableShifters(const Mesh &mesh,
                                      const MeshSurroundings &surroundings) {
  const int n = mesh.modes;
  const int lit = std::clamp(surroundings.litInputs, 0, n);
  const int read = std::clamp(surroundings.readOutputs, 0, n);
  const std::vector<MziSite> sites = meshLayout(mesh.topology, n);
  const int mzis = static_cast<int>(sites.size());
  std::vector<bool> dead(static_cast<size_t>(2 * mzis + n), false);

  // Forward light cone: which modes can carry light before each MZI. The
  // layout lists MZIs column by column, a valid order of application.
  std::vector<bool> light(n, false);
  std::fill(light.begin(), light.begin() + lit, true);
  std::vector<bool> entered(mzis, false);
  for (int k = 0; k < mzis; ++k) {
    const int m = sites[k].mode;
    entered[k] = light[m] || light[m + 1];
    if (!light[m])
      dead[mzis + k] = true; // φ sits on the dark top input
    light[m] = light[m + 1] = entered[k];
  }
  // Backward cone: which modes after each MZI reach a read output.
  std::vector<bool> seen(n, false);
  std::fill(seen.begin(), seen.begin() + read, true);
  for (int m = 0; m < n; ++m)
    dead[2 * mzis + m] = !light[m] || !seen[m] || !surroundings.outputPhaseRead;
  for (int k = mzis - 1; k >= 0; --k) {
    const int m = sites[k].mode;
    const bool reaches = seen[m] || seen[m + 1];
    if (!entered[k] || !reaches)
      dead[k] = dead[mzis + k] = true;
    seen[m] = seen[m + 1] = reaches;
  }
  return dead;
}

EliminationCounts eliminateUnreachableShifters(
    Mesh &mesh, const MeshSurroundings &surroundings,
    const PowerModel &power) {
  EliminationCounts counts;
  const std::vector<bool> dead = unreachableShifters(mesh, surroundings);
  const int mzis = mesh.mziCount();
  if (mesh.mask.empty())
    mesh.mask.assign(static_cast<size_t>(mesh.shifterCount()), 1);
  for (int i = 0; i < mesh.shifterCount(); ++i) {
    if (!dead[i] || !mesh.mask[i])
      continue;
    double &phase = i < mzis       ? mesh.theta[i]
                    : i < 2 * mzis ? mesh.phi[i - mzis]
                                   : mesh.outputPhases[i - 2 * mzis];
    counts.powerSavedMilliwatts += power.heaterPower(phase);
    phase = 0.0;
    mesh.mask[i] = 0;
    if (!mesh.active.empty())
      mesh.active[i] = 0;
    ++(i < mzis ? counts.theta : i < 2 * mzis ? counts.phi : counts.outputs);
    ++counts.unreachable;
  }
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
