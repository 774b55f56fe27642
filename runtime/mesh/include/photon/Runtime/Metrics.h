//===- Metrics.h - Sparsity, phase, power and length of a program -*- C++
//-*-===//
//
// Hardware metrics of a runtime program, per mesh and overall, as reported by
// the pruning passes. Every metric is defined once here; docs/pruning.md
// states the same definitions with the paper's figures.
//
//  - The *prunable* shifters are θ and φ of every MZI of every Mesh layer.
//    Output phase screens and Σ attenuators are counted separately.
//  - A shifter is *off* when its mask entry is 0 or its phase wraps to
//    exactly 0 (wrapPhase(phase) == 0): it needs no heater and no power.
//    Sparsity is the fraction of shifters that are off; a shifter that is
//    not off is *live* and must be fabricated (after dead-shifter
//    elimination every off shifter is removed).
//  - Phases are wrapped into [0, 2π) (attenuators live in [0, π]); a masked
//    shifter counts as phase 0. Mean phase averages over all shifters of a
//    group, off ones included; power is PowerModel::heaterPower summed.
//  - Length (a footprint proxy, after the LTH paper): an MZI is
//    L_mzi = 300 µm long of which each shifter takes L_ps = 135 µm; its
//    couplers take L_c = L_mzi − 2·L_ps = 30 µm and are always fabricated,
//    each shifter only when live.
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_RUNTIME_METRICS_H
#define PHOTON_RUNTIME_METRICS_H

#include "photon/Runtime/MeshLayout.h"
#include "photon/Runtime/PowerModel.h"
#include "photon/Runtime/Program.h"

#include "llvm/Support/JSON.h"

#include <string>
#include <vector>

namespace photon::runtime {

/// Lengths used for the footprint metrics, in µm (LTH paper, Sec. 2.2: a
/// 2x2 MZI is ≈ 300 µm long and each of its two shifters 135 µm).
struct AreaModel {
  double shifterLengthUm = 135.0;
  double mziLengthUm = 300.0;
  /// The part of an MZI that is not a shifter (couplers, bends): 30 µm.
  double couplerLengthUm() const { return mziLengthUm - 2.0 * shifterLengthUm; }
};

/// True when mesh shifter `index` (mask order [θ..., φ..., outputs...]) is
/// off: masked, or its phase wraps to exactly 0.
bool isShifterOff(const Mesh &mesh, int index);
/// The phase of mesh shifter `index` in mask order (θ, φ, then outputs).
double shifterPhase(const Mesh &mesh, int index);

/// Counts and sums over one group of shifters (θ, φ, θ+φ, outputs or
/// attenuators).
struct ShifterStats {
  int count = 0;
  /// Shifters whose mask entry is 0.
  int masked = 0;
  /// Shifters that are off (masked or at phase 0); masked ⊆ off.
  int off = 0;
  /// Σ of wrapped phases (masked shifters count 0), radians.
  double phaseSum = 0.0;
  /// Σ of heater power, mW.
  double powerMw = 0.0;

  /// Shifters that must be fabricated: count − off.
  int live() const { return count - off; }
  /// off / count (0 for an empty group).
  double sparsity() const;
  /// phaseSum / count (0 for an empty group), off shifters included.
  double meanPhase() const;

  ShifterStats &operator+=(const ShifterStats &other);
};

/// Metrics of one Mesh layer.
struct MeshMetrics {
  /// Index in Program::layers and provenance (-1 / "" when unknown).
  int layerIndex = -1;
  int sourceLayer = -1;
  std::string factor;
  Topology topology = Topology::Clements;
  int modes = 0;
  int mzis = 0;
  int columns = 0;

  ShifterStats theta, phi;
  /// θ and φ together: the prunable shifters.
  ShifterStats prunable;
  ShifterStats outputs;

  /// Σ over MZIs of L_c + L_ps·(live shifters of the MZI).
  double mziLengthUm = 0.0;
  /// Σ over columns of the longest MZI in the column (L_c + L_ps·live):
  /// the optical length of the mesh if each column is cut to its longest
  /// MZI. The output screen is not included.
  double depthLengthUm = 0.0;
  /// L_ps · live output shifters.
  double outputLengthUm = 0.0;
};

/// Metrics of one Diagonal (Σ) layer: one attenuator per singular value.
struct DiagonalMetrics {
  int layerIndex = -1;
  int sourceLayer = -1;
  std::string factor;
  int inputs = 0;
  int outputs = 0;
  double gain = 0.0;
  /// Off = masked (eliminated) or θ exactly 0 (full transmission).
  ShifterStats attenuators;
  /// Σ over live attenuators of L_c + L_ps (an eliminated or idle
  /// attenuator is a plain waveguide).
  double lengthUm = 0.0;
};

/// Metrics of a whole program.
struct NetworkMetrics {
  PowerModel power;
  AreaModel area;
  std::vector<MeshMetrics> meshes;
  std::vector<DiagonalMetrics> diagonals;

  /// Totals over all meshes / diagonals.
  ShifterStats theta, phi, prunable, outputs, attenuators;
  double mziLengthUm = 0.0;
  double depthLengthUm = 0.0;
  double outputLengthUm = 0.0;
  double attenuatorLengthUm = 0.0;

  /// Heater power of everything: prunable + outputs + attenuators, mW.
  double totalPowerMw() const;
  /// Live shifters of every kind (prunable + outputs + attenuators).
  int totalLive() const;
  /// mziLength + outputLength + attenuatorLength, µm.
  double totalLengthUm() const;
};

NetworkMetrics computeMetrics(const Program &program,
                              const PowerModel &power = {},
                              const AreaModel &area = {});

/// Relative reductions of `current` against `baseline`, as fractions
/// (base − current) / base; 0 when the baseline value is 0. Negative when
/// the value grew.
struct MetricsComparison {
  /// Sparsity of the prunable shifters: current − baseline (a difference of
  /// fractions, not a ratio).
  double sparsityIncrease = 0.0;
  double meanPhaseReduction = 0.0;
  double meshPowerReduction = 0.0;
  double totalPowerReduction = 0.0;
  double liveShifterReduction = 0.0;
  double mziLengthReduction = 0.0;
  double depthLengthReduction = 0.0;
  double totalLengthReduction = 0.0;
};

MetricsComparison compareMetrics(const NetworkMetrics &baseline,
                                 const NetworkMetrics &current);

llvm::json::Value toJson(const ShifterStats &stats);
llvm::json::Value toJson(const NetworkMetrics &metrics);
llvm::json::Value toJson(const MetricsComparison &comparison);

} // namespace photon::runtime

#endif // PHOTON_RUNTIME_METRICS_H
