//===- Decomposition.cpp - Shared machinery of the decompositions ---------===//
//
// See DecompositionDetail.h for the reduced-MZI formulation, Nulling.cpp
// for the nulling steps and ClementsDecomposition.cpp /
// ReckDecomposition.cpp for their orders.
//
//===----------------------------------------------------------------------===//
#include "photon/Runtime/Decomposition.h"

#include "DecompositionDetail.h"

#include "photon/Runtime/FastAtan2.h"

#include "llvm/Support/ErrorHandling.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace photon::runtime {

Mesh decomposeUnitary(Topology topology, const Eigen::MatrixXcd &u) {
  return topology == Topology::Reck ? decomposeReck(u) : decomposeClements(u);
}

namespace {
/// max |G - I| over the lower triangle of the Hermitian G = A†A, built by a
/// rank update (half the flops of the full product); NaN if G has one.
template <typename Matrix> double gramError(const Matrix &a) {
  const Eigen::Index n = a.cols();
  Matrix gram = Matrix::Zero(n, n);
  gram.template selfadjointView<Eigen::Lower>().rankUpdate(a.adjoint());
  double error = 0.0;
  for (Eigen::Index j = 0; j < n; ++j)
    for (Eigen::Index i = j; i < n; ++i) {
      const double d = std::abs(gram(i, j) - (i == j ? 1.0 : 0.0));
      if (!(d <= error))
        error = d;
      if (std::isnan(error))
        return error;
    }
  return error;
}
} // namespace

double unitarityError(const Eigen::MatrixXcd &u) {
  if (u.rows() != u.cols())
    return INFINITY;
  if (u.size() == 0)
    return 0.0;
  // Factors of real layers are real: a real product has a quarter of the
  // flops.
  if (u.imag().isZero(0.0))
    return gramError<Eigen::MatrixXd>(u.real());
  return gramError<Eigen::MatrixXcd>(u);
}

namespace detail {

WorkMatrix::WorkMatrix(const Eigen::MatrixXcd &u)
    : n(static_cast<int>(u.rows())) {
  // A multiple of 8 doubles (one cache line) plus 8: odd number of lines.
  ld = (static_cast<size_t>(n) + 7) / 8 * 8;
  if ((ld / 8) % 2 == 0)
    ld += 8;
  re.assign(ld * n, 0.0);
  im.assign(ld * n, 0.0);
  for (Eigen::Index col = 0; col < u.cols(); ++col)
    for (Eigen::Index row = 0; row < u.rows(); ++row) {
      size_t i = index(row, col);
      re[i] = u(row, col).real();
      im[i] = u(row, col).imag();
    }
}

std::vector<Complex> diagonalPhases(const WorkMatrix &u) {
  std::vector<Complex> d(u.n, Complex(1.0, 0.0));
  for (int i = 0; i < u.n; ++i) {
    Complex z = u.at(i, i);
    double r = std::abs(z);
    if (r > 0.0)
      d[i] = z / r;
  }
  return d;
}

Mesh finishMesh(Topology topology, int n, const std::vector<Reduced> &sequence,
                const std::vector<Complex> &diagonal, size_t diagonalAfter) {
  Mesh mesh = makeZeroMesh(topology, n);
  if (n == 0)
    return mesh;
  const std::vector<MziSite> sites = meshLayout(topology, n);
  assert(sequence.size() == sites.size());
  const int depth = meshDepth(topology, n);
  // slot[column · n + mode] = index of that MZI in layout order.
  std::vector<int> slot(static_cast<size_t>(depth) * n, -1);
  for (size_t k = 0; k < sites.size(); ++k)
    slot[static_cast<size_t>(sites[k].column) * n + sites[k].mode] =
        static_cast<int>(k);
  std::vector<int> lastColumn(n, -1);

  // Invariant: X_j ⋯ X_1 = diag(pending) · T_j ⋯ T_1.
  std::vector<Complex> pending(n, Complex(1.0, 0.0));
  // Every factor has unit modulus up to rounding, so |z|² = 1 + δ with δ a
  // few ulps, and 1/|z| = 1 - δ/2 + O(δ²): one Newton step instead of a
  // square root and a division (this loop is one long dependency chain).
  auto normalized = [](Complex z) {
    const double scale =
        1.5 - 0.5 * (z.real() * z.real() + z.imag() * z.imag());
    return Complex(z.real() * scale, z.imag() * scale);
  };
  for (size_t idx = 0; idx <= sequence.size(); ++idx) {
    if (idx == diagonalAfter)
      for (int i = 0; i < n; ++i)
        pending[i] = normalized(pending[i] * diagonal[i]);
    if (idx == sequence.size())
      break;
    const Reduced &t = sequence[idx];
    const int m = t.mode;
    const Complex p0 = pending[m], p1 = pending[m + 1];
    // 1/g = conj(g) with g = i·e^{iθ/2} = (-s, c).
    const Complex gInv = std::conj(Complex(-t.s, t.c));
    // X · diag(p0, p1) = diag(e0, e1) · M(θ, arg x):
    //   X = R·diag(w, 1):  = p1·R·diag(w·p0/p1, 1)
    //   X = diag(w̄, 1)·R:  = diag(w̄·p1, p1)·R·diag(p0/p1, 1)
    Complex x, e0, e1;
    if (!t.inverse) {
      x = t.w * p0 * std::conj(p1);
      e0 = e1 = p1 * gInv;
    } else {
      x = p0 * std::conj(p1);
      e0 = std::conj(t.w) * p1 * gInv;
      e1 = p1 * gInv;
    }
    // Canonical φ = 0 for the bar and cross states, whose external phase can
    // be moved to the outputs: M(π, φ) = diag(e^{iφ}, 1)·M(π, 0) and
    // M(0, φ) = diag(1, e^{iφ})·M(0, 0).
    if (t.degenerate == Degenerate::Bar) {
      e0 *= x;
      x = 1.0;
    } else if (t.degenerate == Degenerate::Cross) {
      e1 *= x;
      x = 1.0;
    }
    pending[m] = normalized(e0);
    pending[m + 1] = normalized(e1);

    // ASAP layering: the column after the last MZI on either mode.
    const int column = std::max(lastColumn[m], lastColumn[m + 1]) + 1;
    lastColumn[m] = lastColumn[m + 1] = column;
    // Always checked (cheap): a mismatch is a bug in the nulling order.
    const int k =
        column < depth ? slot[static_cast<size_t>(column) * n + m] : -1;
    if (k < 0)
      llvm::report_fatal_error("photon: decomposition sequence does not match "
                               "the mesh layout");
    slot[static_cast<size_t>(column) * n + m] = -2; // filled
    mesh.theta[k] = wrapPhase(2.0 * fastAtan2(t.s, t.c));
    mesh.phi[k] = wrapPhase(fastAtan2(x.imag(), x.real()));
  }
  for (int i = 0; i < n; ++i)
    mesh.outputPhases[i] = wrapPhase(std::arg(pending[i]));
  return mesh;
}

} // namespace detail
} // namespace photon::runtime
