//===- Decomposition.cpp - Shared machinery of the decompositions ---------===//
//
// See DecompositionDetail.h for the reduced-MZI formulation and
// ClementsDecomposition.cpp / ReckDecomposition.cpp for the nulling orders.
//
//===----------------------------------------------------------------------===//
#include "photon/Runtime/Decomposition.h"

#include "DecompositionDetail.h"

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

namespace {

/// |z| without hypot's overflow guards: entries of a unitary are at most 1.
double modulus(Complex z) {
  return std::sqrt(z.real() * z.real() + z.imag() * z.imag());
}

/// x̂ · conj(ŷ) for x̂ = x/|x|, in real arithmetic (no NaN-checking complex
/// multiplication).
Complex phaseDifference(Complex x, double nx, Complex y, double ny) {
  const double scale = 1.0 / (nx * ny);
  return {(x.real() * y.real() + x.imag() * y.imag()) * scale,
          (x.imag() * y.real() - x.real() * y.imag()) * scale};
}

/// The MZI T̃ on rows (mode, mode + 1) with T̃ · [a; b] = [·; 0]:
/// R · diag(w, 1) · [a; b] = [s·w·a + c·b; c·w·a - s·b], so s = |a|/h,
/// c = |b|/h, w = b̂/â.
Reduced reduceLeft(Complex a, Complex b, int mode) {
  const double na = modulus(a), nb = modulus(b);
  const double h = std::sqrt(na * na + nb * nb);
  Reduced t;
  t.mode = mode;
  // T̃ · U = U' means U = T̃⁻¹ · U': the factor of U is the inverse.
  t.inverse = true;
  if (nb <= kZeroTolerance) {
    t.s = 1.0, t.c = 0.0, t.degenerate = Degenerate::Bar;
  } else if (na <= kZeroTolerance) {
    t.s = 0.0, t.c = 1.0, t.degenerate = Degenerate::Cross;
  } else {
    t.s = na / h;
    t.c = nb / h;
    t.w = phaseDifference(b, nb, a, na);
  }
  return t;
}

} // namespace

Reduced nullFromRight(WorkMatrix &u, int row, int col, int rowEnd) {
  const Complex a = u.at(row, col), b = u.at(row, col + 1);
  const double na = modulus(a), nb = modulus(b);
  const double h = std::sqrt(na * na + nb * nb);
  Reduced t;
  t.mode = col;
  // U · T̃⁻¹ = U' means U = U' · T̃: the factor of U is T̃ itself.
  t.inverse = false;
  // [a, b] · diag(w̄, 1) · R = [w̄·a·s + b·c, w̄·a·c - b·s]; the first is 0 for
  // s = |b|/h, c = |a|/h, w̄ = -b̂/â (x̂ = x/|x|).
  if (na <= kZeroTolerance) {
    t.s = 1.0, t.c = 0.0, t.degenerate = Degenerate::Bar;
  } else if (nb <= kZeroTolerance) {
    t.s = 0.0, t.c = 1.0, t.degenerate = Degenerate::Cross;
  } else {
    t.s = nb / h;
    t.c = na / h;
    t.w = -phaseDifference(a, na, b, nb);
  }
  const double s = t.s, c = t.c, wr = t.w.real(), wi = t.w.imag();
  double *__restrict xr = u.re.data() + u.index(0, col);
  double *__restrict xi = u.im.data() + u.index(0, col);
  double *__restrict yr = xr + u.ld;
  double *__restrict yi = xi + u.ld;
  for (int i = 0; i < rowEnd; ++i) {
    // x ← w̄·x, then (x, y) ← (s·x + c·y, c·x - s·y).
    const double ar = wr * xr[i] + wi * xi[i];
    const double ai = wr * xi[i] - wi * xr[i];
    const double br = yr[i], bi = yi[i];
    xr[i] = s * ar + c * br;
    xi[i] = s * ai + c * bi;
    yr[i] = c * ar - s * br;
    yi[i] = c * ai - s * bi;
  }
  u.setZero(row, col);
  return t;
}

namespace {

/// The coefficients of a block of row ops: op q is R(s, c) · diag(w, 1) on
/// rows (q, q + 1) of the block.
struct ChainBlock {
  static constexpr int kSize = 8;
  double s[kSize], c[kSize], wr[kSize], wi[kSize];
};

/// Applies ops 0..size-1 of `block`, in order, to `lanes` columns `ld`
/// apart, starting at row 0 of re/im. The row between two ops stays in
/// registers; the lanes are independent chains side by side.
template <int lanes>
void applyChain(const ChainBlock &block, int size, double *__restrict re,
                double *__restrict im, size_t ld) {
  double xr[lanes], xi[lanes];
  for (int l = 0; l < lanes; ++l)
    xr[l] = re[l * ld], xi[l] = im[l * ld];
  for (int q = 0; q < size; ++q) {
    const double s = block.s[q], c = block.c[q];
    const double wr = block.wr[q], wi = block.wi[q];
    for (int l = 0; l < lanes; ++l) {
      const size_t i = l * ld + q;
      const double ar = wr * xr[l] - wi * xi[l];
      const double ai = wr * xi[l] + wi * xr[l];
      const double br = re[i + 1], bi = im[i + 1];
      re[i] = s * ar + c * br;
      im[i] = s * ai + c * bi;
      xr[l] = c * ar - s * br;
      xi[l] = c * ai - s * bi;
    }
  }
  for (int l = 0; l < lanes; ++l)
    re[l * ld + size] = xr[l], im[l * ld + size] = xi[l];
}

} // namespace

void nullChainFromLeft(WorkMatrix &u, int top, int count, Reduced *out) {
  // Applying op j to all its columns before finding op j + 1 would sweep
  // two rows with a stride of `ld` per op. Instead a block of consecutive
  // ops is applied column by column: in one column the ops of the block
  // touch adjacent rows (one or two cache lines) and the row between two ops
  // stays in registers. Op j is found in column j, once the block's earlier
  // ops have been applied to that column.
  const int n = u.n;
  const size_t ld = u.ld;
  ChainBlock block;
  for (int first = 0; first < count; first += ChainBlock::kSize) {
    const int size = std::min(ChainBlock::kSize, count - first);
    auto rows = [&](std::vector<double> &part, int col) {
      return part.data() + col * ld + top + first;
    };
    // Column first + q finds op q, after ops 0..q-1.
    for (int q = 0; q < size && first + q < n; ++q) {
      const int col = first + q;
      double *re = rows(u.re, col), *im = rows(u.im, col);
      applyChain<1>(block, q, re, im, ld);
      const Reduced t =
          reduceLeft({re[q], im[q]}, {re[q + 1], im[q + 1]}, top + first + q);
      out[first + q] = t;
      block.s[q] = t.s, block.c[q] = t.c;
      block.wr[q] = t.w.real(), block.wi[q] = t.w.imag();
      // Op q on this column: the top row becomes s·w·a + c·b, the bottom 0.
      const double ar = block.wr[q] * re[q] - block.wi[q] * im[q];
      const double ai = block.wr[q] * im[q] + block.wi[q] * re[q];
      re[q] = t.s * ar + t.c * re[q + 1];
      im[q] = t.s * ai + t.c * im[q + 1];
      re[q + 1] = im[q + 1] = 0.0;
    }
    // The other columns, four at a time.
    int col = first + size;
    for (; col + 4 <= n; col += 4)
      applyChain<4>(block, size, rows(u.re, col), rows(u.im, col), ld);
    for (; col < n; ++col)
      applyChain<1>(block, size, rows(u.re, col), rows(u.im, col), ld);
  }
}

std::vector<Complex> diagonalPhases(const WorkMatrix &u) {
  std::vector<Complex> d(u.n, Complex(1.0, 0.0));
  for (int i = 0; i < u.n; ++i) {
    Complex z = u.at(i, i);
    double r = modulus(z);
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
  auto normalized = [](Complex z) { return z / std::abs(z); };
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
    double phi = std::arg(x);
    // Canonical φ = 0 for the bar and cross states, whose external phase can
    // be moved to the outputs: M(π, φ) = diag(e^{iφ}, 1)·M(π, 0) and
    // M(0, φ) = diag(1, e^{iφ})·M(0, 0).
    if (t.degenerate == Degenerate::Bar) {
      e0 *= x;
      phi = 0.0;
    } else if (t.degenerate == Degenerate::Cross) {
      e1 *= x;
      phi = 0.0;
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
    mesh.theta[k] = wrapPhase(2.0 * std::atan2(t.s, t.c));
    mesh.phi[k] = wrapPhase(phi);
  }
  for (int i = 0; i < n; ++i)
    mesh.outputPhases[i] = wrapPhase(std::arg(pending[i]));
  return mesh;
}

} // namespace detail
} // namespace photon::runtime
