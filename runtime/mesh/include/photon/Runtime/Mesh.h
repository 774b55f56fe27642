//===- Mesh.h - A mesh of MZIs and its simulation ---------------*- C++ -*-===//
//
// The phases of one N-mode mesh and the unitary they realise:
//   U = D · T_K ⋯ T_2 · T_1,
// where T_k is mziTransfer(θ_k, φ_k) embedded on modes (m_k, m_k + 1) of the
// k-th site of meshLayout(topology, N) and D = diag(e^{i·outputPhases}).
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_RUNTIME_MESH_H
#define PHOTON_RUNTIME_MESH_H

#include "photon/Runtime/MeshLayout.h"

#include <Eigen/Core>
#include <cstdint>
#include <vector>

namespace photon::runtime {

struct Mesh {
  Topology topology = Topology::Clements;
  int modes = 0;
  /// Internal phase of each MZI, in layout order (size mziCount(modes)).
  std::vector<double> theta;
  /// External phase of each MZI, in layout order (size mziCount(modes)).
  std::vector<double> phi;
  /// The output phase screen D (size modes).
  std::vector<double> outputPhases;
  /// Per-shifter liveness, empty when every shifter is live; otherwise of
  /// size 2·mziCount(modes) + modes ordered [θ..., φ..., outputs...].
  /// A masked shifter has phase exactly 0.
  std::vector<uint8_t> mask;
  /// The shifters an on-chip optimizer may tune after deployment (SZO-SCD's
  /// active set), empty when none is marked; otherwise in mask order. Only
  /// live θ and φ shifters can be active.
  std::vector<uint8_t> active;

  int mziCount() const { return static_cast<int>(theta.size()); }
  /// Number of phase shifters: 2·mziCount + modes.
  int shifterCount() const { return 2 * mziCount() + modes; }
};

/// A mesh with every phase 0 (a fixed permutation, not the identity).
Mesh makeZeroMesh(Topology topology, int modes);

/// The N x N unitary the mesh realises.
Eigen::MatrixXcd meshMatrix(const Mesh &mesh);

/// Applies the mesh in place to a batch of fields, one per column
/// (modes x batch). O(N² · batch). Builds a PreparedMesh first (one O(N²)
/// allocation per call, outside the hot loop); to apply the same mesh many
/// times without any allocation use prepareMesh once and the overloads below.
void applyMesh(const Mesh &mesh, Eigen::Ref<Eigen::MatrixXcd> fields);
void applyMesh(const Mesh &mesh, Eigen::Ref<Eigen::MatrixXcf> fields);

/// A mesh compiled for fast batched application. Every MZI is rewritten as
/// M(θ, φ) = g · R(θ) · diag(e^{iφ}, 1) with the real rotation
/// R = [[sin(θ/2), cos(θ/2)], [cos(θ/2), -sin(θ/2)]] and the scalar
/// g = i·e^{iθ/2}; the scalars and the phase screen D are pushed to the
/// outputs, so each MZI costs one complex phase and one real rotation
/// (18 flops per sample instead of 28) and the outputs one phase per mode.
struct PreparedMesh {
  int modes = 0;
  std::vector<int> mode;               ///< Top mode of each MZI.
  std::vector<double> sinHalf, cosHalf; ///< sin(θ/2), cos(θ/2).
  std::vector<double> phaseRe, phaseIm; ///< The input phase w of each MZI.
  std::vector<double> outRe, outIm;     ///< The output phase per mode.
  /// The same coefficients rounded to float, for the float kernel.
  std::vector<float> sinHalfF, cosHalfF, phaseReF, phaseImF, outReF, outImF;
};

PreparedMesh prepareMesh(const Mesh &mesh);

/// As applyMesh(Mesh, ...); allocation-free for meshes of up to 512 modes
/// (larger ones allocate one O(N) scratch buffer per call).
void applyMesh(const PreparedMesh &mesh, Eigen::Ref<Eigen::MatrixXcd> fields);
void applyMesh(const PreparedMesh &mesh, Eigen::Ref<Eigen::MatrixXcf> fields);

} // namespace photon::runtime

#endif // PHOTON_RUNTIME_MESH_H
