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

/// A mesh compiled for fast batched application (Photon's own scheme).
/// Every MZI is M(θ, φ) = g · R(θ) · diag(e^{iφ}, 1) with the real rotation
/// R = [[sin(θ/2), cos(θ/2)], [cos(θ/2), -sin(θ/2)]] and g = i·e^{iθ/2}.
/// The kernel keeps each mode's field as pending · stored, where the
/// complex pending factor is a per-mode scalar known at preparation time.
/// Dividing the top output row by its coefficient on the lower input and the
/// bottom row by its coefficient on the upper input (both g·cos(θ/2) times
/// a pending factor; the pending factors absorb the divisors) leaves every
/// MZI as
///     top = a·x + y,   bottom = x + b·y
/// on its stored inputs x (upper) and y (lower): 8 real multiply-adds per
/// sample, against 12 for the phase-then-rotation form and 16 for a plain
/// 2 x 2 complex product. cos(θ/2) is floored at 1e-20 in magnitude (a
/// change far below rounding). Pending factors shrink by |cos(θ/2)| per MZI;
/// one whose modulus drops below 2^-40 is renormalised by a real rescale of
/// that output, so stored values stay far from float overflow.
///
/// The MZIs are run in chains: consecutive MZIs on modes (m, m+1) and
/// (m+1, m+2) (a diagonal of the Clements or Reck layout) hand the bottom
/// output of one to the next in registers, so each MZI loads one input and
/// stores one output instead of two of each.
struct PreparedMesh {
  int modes = 0;
  std::vector<int> mode;               ///< Per MZI, in run order: top mode.
  std::vector<int> chainBegin;         ///< First MZI of each chain, then the count.
  std::vector<double> aRe, aIm, bRe, bIm; ///< Per MZI: a and b.
  /// Per MZI: whether an output is rescaled, and the factors (1 if not).
  std::vector<unsigned char> rescale;
  std::vector<double> rescaleTop, rescaleBottom;
  std::vector<double> outRe, outIm;    ///< Per mode: output phase · pending.
  /// The same coefficients rounded to float, for the float kernel.
  std::vector<float> aReF, aImF, bReF, bImF, rescaleTopF, rescaleBottomF,
      outReF, outImF;
};

PreparedMesh prepareMesh(const Mesh &mesh);

/// As applyMesh(Mesh, ...); allocation-free for meshes of up to 128 modes
/// (up to 256 in builds without AVX-512; larger ones allocate one O(N)
/// scratch buffer per call).
void applyMesh(const PreparedMesh &mesh, Eigen::Ref<Eigen::MatrixXcd> fields);
void applyMesh(const PreparedMesh &mesh, Eigen::Ref<Eigen::MatrixXcf> fields);

} // namespace photon::runtime

#endif // PHOTON_RUNTIME_MESH_H
