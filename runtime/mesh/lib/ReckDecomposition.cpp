//===- ReckDecomposition.cpp - Unitary to a triangular mesh ---------------===//
//
// M. Reck, A. Zeilinger, H. J. Bernstein and P. Bertani, "Experimental
// realization of any discrete unitary operator", Phys. Rev. Lett. 73(1),
// 58-61 (1994).
//
// Every nulling is done from the right (0-based indices): for p = 0..N-2 the
// row r = N-1-p is cleared left to right, nulling U[r][k] with an inverse MZI
// on columns (k, k+1) for k = 0..N-2-p. Afterwards U · R = D, so
// U = D · R⁻¹ = D · T_K ⋯ T_1, the MZIs applied in nulling order. Pass p
// becomes the p-th diagonal of the triangle of MeshLayout.h, (column 2p + t,
// mode t) for t = 0..N-2-p. Only rows 0..r are updated: O(N³).
//
//===----------------------------------------------------------------------===//
#include "photon/Runtime/Decomposition.h"

#include "DecompositionDetail.h"

#include <cassert>

namespace photon::runtime {

Mesh decomposeReck(const Eigen::MatrixXcd &u) {
  assert(u.rows() == u.cols());
  const int n = static_cast<int>(u.rows());
  if (n < 2) {
    Mesh mesh = makeZeroMesh(Topology::Reck, n);
    if (n == 1)
      mesh.outputPhases[0] = wrapPhase(std::arg(u(0, 0)));
    return mesh;
  }
  detail::WorkMatrix work(u);
  std::vector<detail::Reduced> sequence;
  sequence.reserve(mziCount(n));
  for (int p = 0; p < n - 1; ++p) {
    const int row = n - 1 - p;
    for (int k = 0; k <= n - 2 - p; ++k)
      sequence.push_back(detail::nullFromRight(work, row, k, row + 1));
  }
  return detail::finishMesh(Topology::Reck, n, sequence,
                            detail::diagonalPhases(work), sequence.size());
}

} // namespace photon::runtime
