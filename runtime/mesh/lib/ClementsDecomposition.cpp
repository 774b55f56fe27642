//===- ClementsDecomposition.cpp - Unitary to a rectangular mesh ----------===//
//
// W. R. Clements, P. C. Humphreys, B. J. Metcalf, W. S. Kolthammer and
// I. A. Walmsley, "Optimal design for universal multiport interferometers",
// Optica 3(12), 1460-1465 (2016).
//
// The entries below the diagonal are nulled one anti-diagonal at a time,
// i = 0 .. N-2, alternating sides (0-based indices):
//  - i even: for j = 0..i, null U[N-1-j][i-j] from the right with an inverse
//    MZI on columns (i-j, i-j+1);
//  - i odd:  for j = 0..i, null U[N-1-i+j][j] from the left with an MZI on
//    rows (N-2-i+j, N-1-i+j).
// This leaves L · U · R = D (D diagonal), so U = L⁻¹ · D · R⁻¹. Each step
// updates two rows or columns, and only the part that is not yet zero, so
// the whole reduction is O(N³) (about N³/3 complex entry-pair updates).
// finishMesh then moves D through the left-side MZIs to the outputs
// (M⁻¹·D = D'·M', θ kept) and places the MZIs onto the Clements layout.
//
//===----------------------------------------------------------------------===//
#include "photon/Runtime/Decomposition.h"

#include "DecompositionDetail.h"

#include <algorithm>
#include <cassert>

namespace photon::runtime {

Mesh decomposeClements(const Eigen::MatrixXcd &u) {
  assert(u.rows() == u.cols());
  const int n = static_cast<int>(u.rows());
  if (n < 2) {
    Mesh mesh = makeZeroMesh(Topology::Clements, n);
    if (n == 1)
      mesh.outputPhases[0] = wrapPhase(std::arg(u(0, 0)));
    return mesh;
  }
  detail::WorkMatrix work(u);
  // U = (T̃_L1⁻¹ ⋯ T̃_Lm⁻¹) · D · (T̃_Rr ⋯ T̃_R1): in application order the
  // right-side MZIs in nulling order, D, then the left ones reversed.
  size_t rightCount = 0;
  for (int i = 0; i < n - 1; i += 2)
    rightCount += static_cast<size_t>(i) + 1;
  std::vector<detail::Reduced> sequence(mziCount(n)), left(sequence.size() -
                                                           rightCount);
  size_t right = 0, leftDone = 0;
  for (int i = 0; i < n - 1; ++i) {
    if (i % 2 == 0) {
      // Rows below N-1-j are already 0 in both columns.
      detail::nullChainFromRight(work, i, i + 1, sequence.data() + right);
      right += static_cast<size_t>(i) + 1;
    } else {
      // Columns left of j are already 0 in both rows.
      detail::nullChainFromLeft(work, n - 2 - i, i + 1,
                                left.data() + leftDone);
      leftDone += static_cast<size_t>(i) + 1;
    }
  }
  assert(right == rightCount && leftDone == left.size());
  std::copy(left.rbegin(), left.rend(), sequence.begin() + rightCount);
  return detail::finishMesh(Topology::Clements, n, sequence,
                            detail::diagonalPhases(work), rightCount);
}

} // namespace photon::runtime
