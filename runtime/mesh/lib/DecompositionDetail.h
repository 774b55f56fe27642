//===- DecompositionDetail.h - Shared machinery of the decompositions -----===//
//
// Internal to PhotonRuntime. The decompositions null entries with "reduced"
// MZIs  T̃(s, c, w) = R(s, c) · diag(w, 1),  R = [[s, c], [c, -s]]  (real,
// symmetric, R² = I), which differ from the phase-first MZI of Convention.h
// only by the scalar g = i·e^{iθ/2}:  M(θ, φ) = g · R · diag(e^{iφ}, 1)  with
// s = sin(θ/2), c = cos(θ/2). Each nulling therefore costs one complex scaling
// and one real rotation of two rows or columns (18 flops per entry pair
// instead of 28). The scalars g, the phases w and the final diagonal are
// turned into (θ, φ) and the output screen afterwards by one O(N²) sweep
// (finishMesh) that pushes diagonal matrices towards the outputs.
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_RUNTIME_LIB_DECOMPOSITIONDETAIL_H
#define PHOTON_RUNTIME_LIB_DECOMPOSITIONDETAIL_H

#include "photon/Runtime/Convention.h"
#include "photon/Runtime/Mesh.h"

#include <vector>

namespace photon::runtime::detail {

/// A unitary being reduced, column-major with split real and imaginary
/// parts so that column updates vectorise.
/// The leading dimension is padded so that it is never a multiple of a
/// large power of two: row updates stride through memory by `ld`, and a
/// stride of 4 KiB would map a whole row onto one cache set.
struct WorkMatrix {
  int n = 0;
  size_t ld = 0;
  std::vector<double> re, im;

  explicit WorkMatrix(const Eigen::MatrixXcd &u);
  size_t index(int row, int col) const {
    return static_cast<size_t>(col) * ld + row;
  }
  Complex at(int row, int col) const {
    size_t i = index(row, col);
    return {re[i], im[i]};
  }
  void setZero(int row, int col) {
    size_t i = index(row, col);
    re[i] = im[i] = 0.0;
  }
};

enum class Degenerate : unsigned char { None, Bar, Cross };

/// One reduced MZI T̃(s, c, w) on modes (mode, mode + 1), or its inverse
/// T̃⁻¹ = diag(w̄, 1) · R when `inverse` is set.
struct Reduced {
  int mode = 0;
  double s = 1.0, c = 0.0;
  Complex w = 1.0;
  bool inverse = false;
  Degenerate degenerate = Degenerate::None;
};

/// Modulus below which an entry counts as zero when nulling. Entries of a
/// unitary are at most 1 in modulus and stay so under the (unitary) nulling
/// steps, so an absolute bound of a few ulps of 1 catches rounding junk
/// (e.g. the off-diagonal of Q·Q†) without touching genuine entries.
constexpr double kZeroTolerance = 0x1p-50; // about 8.9e-16

/// Nulls entry (row, col) by multiplying from the right with T̃⁻¹ on columns
/// (col, col + 1): target a = U[row][col], pivot b = U[row][col + 1].
/// Only rows [0, rowEnd) are updated (the caller knows the others are 0).
Reduced nullFromRight(WorkMatrix &u, int row, int col, int rowEnd);

/// Nulls entries (n - 1 - j, diagonal - j), j = 0..count-1, in that order,
/// each by multiplying from the right with T̃⁻¹ on columns
/// (diagonal - j, diagonal - j + 1) (rows [0, n - j); the entries left of
/// an anti-diagonal are taken to be 0). Writes the ops to out[0..count).
/// The same as count calls of nullFromRight, in fewer passes over memory.
void nullChainFromRight(WorkMatrix &u, int diagonal, int count, Reduced *out);

/// Nulls entries (top + j + 1, j), j = 0..count-1, in that order, each by
/// multiplying from the left with T̃ on rows (top + j, top + j + 1): pivot
/// U[top + j][j], target U[top + j + 1][j]. Columns left of j are taken to
/// be 0 in both rows. Writes the ops to out[0..count).
void nullChainFromLeft(WorkMatrix &u, int top, int count, Reduced *out);

/// Builds the mesh of `topology` from the factors of
///   U = X_K ⋯ X_1,  sequence = [X_1, ..., X_j, D, X_{j+1}, ..., X_K],
/// where `sequence` lists the reduced MZIs in application order and
/// `diagonal` (unit phases, inserted after the first `diagonalAfter`
/// factors) is the reduced matrix left by the nulling. Pushes every diagonal
/// to the outputs, maps the MZIs onto meshLayout(topology, n) by ASAP
/// layering, and wraps all phases into [0, 2π).
Mesh finishMesh(Topology topology, int n, const std::vector<Reduced> &sequence,
                const std::vector<Complex> &diagonal, size_t diagonalAfter);

/// The unit phases of the diagonal of the fully reduced matrix.
std::vector<Complex> diagonalPhases(const WorkMatrix &u);

} // namespace photon::runtime::detail

#endif // PHOTON_RUNTIME_LIB_DECOMPOSITIONDETAIL_H
