//===- Nulling.cpp - The nulling steps of the decompositions --------------===//
//
// See DecompositionDetail.h for the reduced MZIs T̃(s, c, w). A nulling
// step finds the MZI that zeroes one entry and applies it to two rows or
// columns of the working matrix; ClementsDecomposition.cpp and
// ReckDecomposition.cpp choose the order.
//
// The Clements order nulls a whole anti-diagonal with a chain of MZIs on
// neighbouring rows (or columns), each found only after the previous ones
// have been applied to the row (column) that holds its target. The chains
// are applied in blocks of ChainBlock::kSize ops: first to the few rows or
// columns that decide the block's ops, one at a time, then to all the
// others, several side by side in vector registers, with the row or column
// shared by two consecutive ops carried in registers from one op to the
// next. Each op then loads one row or column and stores one instead of two.
//
//===----------------------------------------------------------------------===//
#include "DecompositionDetail.h"

#include "VectorIsa.h"

#include <algorithm>
#include <cmath>

namespace photon::runtime::detail {

namespace {

/// |a|, |b|, 1/sqrt(|a|² + |b|²) and 1/(|a|·|b|), without hypot's
/// overflow guards (entries of a unitary are at most 1 in modulus) and with
/// the square roots independent of each other: finding an op is on the
/// critical path of its chain.
struct Moduli {
  double na, nb, hInv, abInv;
  Moduli(Complex a, Complex b) {
    const double na2 = a.real() * a.real() + a.imag() * a.imag();
    const double nb2 = b.real() * b.real() + b.imag() * b.imag();
    na = std::sqrt(na2);
    nb = std::sqrt(nb2);
    hInv = 1.0 / std::sqrt(na2 + nb2);
    abInv = 1.0 / std::sqrt(na2 * nb2);
  }
};

/// x̂ · conj(ŷ) for x̂ = x/|x|, given 1/(|x|·|y|), in real arithmetic (no
/// NaN-checking complex multiplication).
Complex phaseDifference(Complex x, Complex y, double xyInv) {
  return {(x.real() * y.real() + x.imag() * y.imag()) * xyInv,
          (x.imag() * y.real() - x.real() * y.imag()) * xyInv};
}

/// The MZI T̃ on rows (mode, mode + 1) with T̃ · [a; b] = [·; 0]:
/// R · diag(w, 1) · [a; b] = [s·w·a + c·b; c·w·a - s·b], so s = |a|/h,
/// c = |b|/h, w = b̂/â.
inline __attribute__((always_inline)) Reduced reduceLeft(Complex a, Complex b,
                                                         int mode) {
  const Moduli m(a, b);
  const double na = m.na, nb = m.nb;
  Reduced t;
  t.mode = mode;
  // T̃ · U = U' means U = T̃⁻¹ · U': the factor of U is the inverse.
  t.inverse = true;
  if (nb <= kZeroTolerance) {
    t.s = 1.0, t.c = 0.0, t.degenerate = Degenerate::Bar;
  } else if (na <= kZeroTolerance) {
    t.s = 0.0, t.c = 1.0, t.degenerate = Degenerate::Cross;
  } else {
    t.s = na * m.hInv;
    t.c = nb * m.hInv;
    t.w = phaseDifference(b, a, m.abInv);
  }
  return t;
}

/// The MZI with [a, b] · T̃⁻¹ = [0, ·] on columns (mode, mode + 1):
/// [a, b] · diag(w̄, 1) · R = [w̄·a·s + b·c, w̄·a·c - b·s]; the first is 0
/// for s = |b|/h, c = |a|/h, w̄ = -b̂/â. That is reduceLeft(b, a) with w
/// negated.
inline __attribute__((always_inline)) Reduced reduceRight(Complex a, Complex b,
                                                          int mode) {
  Reduced t = reduceLeft(b, a, mode);
  // U · T̃⁻¹ = U' means U = U' · T̃: the factor of U is T̃ itself.
  t.inverse = false;
  if (t.degenerate == Degenerate::None)
    t.w = -t.w;
  return t;
}

/// The coefficients of a block of consecutive ops of a chain.
struct ChainBlock {
  static constexpr int kSize = 8;
  double s[kSize], c[kSize], wr[kSize], wi[kSize];
  void set(int q, const Reduced &t) {
    s[q] = t.s, c[q] = t.c, wr[q] = t.w.real(), wi[q] = t.w.imag();
  }
};

/// Rows (or columns) processed side by side: at least 4, so that the
/// dependent chain of one op's arithmetic overlaps with the others'. A
/// pack of vector registers, so that gathers build each register from its
/// elements instead of going through memory.
constexpr int kVecLanes = kVecBytes / sizeof(double);
constexpr int kPackParts = kVecLanes >= 4 ? 1 : 4 / kVecLanes;
constexpr int kChainLanes = kPackParts * kVecLanes;
struct Pack {
  VecD part[kPackParts];
};
inline Pack operator*(double a, const Pack &x) {
  Pack z;
  for (int i = 0; i < kPackParts; ++i)
    z.part[i] = a * x.part[i];
  return z;
}
inline Pack operator+(const Pack &x, const Pack &y) {
  Pack z;
  for (int i = 0; i < kPackParts; ++i)
    z.part[i] = x.part[i] + y.part[i];
  return z;
}
inline Pack operator-(const Pack &x, const Pack &y) {
  Pack z;
  for (int i = 0; i < kPackParts; ++i)
    z.part[i] = x.part[i] - y.part[i];
  return z;
}

/// Access to the lanes of the working matrix: contiguous (load/store,
/// consecutive rows of a column) or `ld` apart (gather/scatter, the same
/// row of consecutive columns). `double` is the one-lane case.
template <typename V> struct Lane;
template <> struct Lane<double> {
  static double load(const double *p) { return *p; }
  static void store(double *p, double v) { *p = v; }
  static double gather(const double *p, size_t) { return *p; }
  static void scatter(double *p, size_t, double v) { *p = v; }
};
template <> struct Lane<Pack> {
  static Pack load(const double *p) {
    Pack z;
    for (int i = 0; i < kPackParts; ++i)
      z.part[i] = loadVec<VecD>(p + i * kVecLanes);
    return z;
  }
  static void store(double *p, const Pack &z) {
    for (int i = 0; i < kPackParts; ++i)
      storeVec(p + i * kVecLanes, z.part[i]);
  }
  static Pack gather(const double *p, size_t ld) {
    Pack z;
    for (int i = 0; i < kPackParts; ++i)
      for (int l = 0; l < kVecLanes; ++l)
        z.part[i][l] = p[(i * kVecLanes + l) * ld];
    return z;
  }
  static void scatter(double *p, size_t ld, const Pack &z) {
    for (int i = 0; i < kPackParts; ++i)
      for (int l = 0; l < kVecLanes; ++l)
        p[(i * kVecLanes + l) * ld] = z.part[i][l];
  }
};

/// Applies ops 0..size-1 of `block` (op q is R(s, c) · diag(w, 1) on rows
/// (q, q + 1)) to the lanes' columns, `ld` apart, from row 0 of re/im.
template <typename V>
void applyLeftChain(const ChainBlock &block, int size, double *__restrict re,
                    double *__restrict im, size_t ld) {
  using L = Lane<V>;
  V xr = L::gather(re, ld), xi = L::gather(im, ld);
  for (int q = 0; q < size; ++q) {
    const double s = block.s[q], c = block.c[q];
    const double wr = block.wr[q], wi = block.wi[q];
    const V ar = wr * xr - wi * xi;
    const V ai = wr * xi + wi * xr;
    const V br = L::gather(re + q + 1, ld), bi = L::gather(im + q + 1, ld);
    L::scatter(re + q, ld, s * ar + c * br);
    L::scatter(im + q, ld, s * ai + c * bi);
    xr = c * ar - s * br;
    xi = c * ai - s * bi;
  }
  L::scatter(re + size, ld, xr);
  L::scatter(im + size, ld, xi);
}

/// Applies ops begin..end-1 of `block` (op q is diag(w̄, 1) · R(s, c) from
/// the right on columns (a_q, a_q + 1), a_q = a_begin - (q - begin)) to the
/// lanes' rows; re/im point at column a_begin + 1 of the first row.
template <typename V>
void applyRightChain(const ChainBlock &block, int begin, int end,
                     double *__restrict re, double *__restrict im, size_t ld) {
  using L = Lane<V>;
  // The column shared with the next op.
  V yr = L::load(re), yi = L::load(im);
  for (int q = begin; q < end; ++q) {
    const double s = block.s[q], c = block.c[q];
    const double wr = block.wr[q], wi = block.wi[q];
    double *xre = re - (q - begin + 1) * ld, *xim = im - (q - begin + 1) * ld;
    const V xr = L::load(xre), xi = L::load(xim);
    // x ← w̄·x, then (x, y) ← (s·x + c·y, c·x - s·y).
    const V ar = wr * xr + wi * xi;
    const V ai = wr * xi - wi * xr;
    L::store(xre + ld, c * ar - s * yr);
    L::store(xim + ld, c * ai - s * yi);
    yr = s * ar + c * yr;
    yi = s * ai + c * yi;
  }
  L::store(re - (end - begin) * ld, yr);
  L::store(im - (end - begin) * ld, yi);
}

} // namespace

Reduced nullFromRight(WorkMatrix &u, int row, int col, int rowEnd) {
  const Reduced t = reduceRight(u.at(row, col), u.at(row, col + 1), col);
  ChainBlock block;
  block.set(0, t);
  double *re = u.re.data() + u.index(0, col + 1);
  double *im = u.im.data() + u.index(0, col + 1);
  int i = 0;
  for (; i + kChainLanes <= rowEnd; i += kChainLanes)
    applyRightChain<Pack>(block, 0, 1, re + i, im + i, u.ld);
  for (; i < rowEnd; ++i)
    applyRightChain<double>(block, 0, 1, re + i, im + i, u.ld);
  u.setZero(row, col);
  return t;
}

void nullChainFromRight(WorkMatrix &u, int diagonal, int count, Reduced *out) {
  const int n = u.n;
  const size_t ld = u.ld;
  ChainBlock block;
  for (int first = 0; first < count; first += ChainBlock::kSize) {
    const int size = std::min(ChainBlock::kSize, count - first);
    // Op q of the block acts on columns (a0 - q, a0 - q + 1).
    const int a0 = diagonal - first;
    auto at = [&](std::vector<double> &part, int row) {
      return part.data() + u.index(row, a0 + 1);
    };
    // Row n - 1 - first - q finds op q, after ops 0..q-1.
    for (int q = 0; q < size; ++q) {
      const int row = n - 1 - first - q, col = a0 - q;
      double *re = at(u.re, row), *im = at(u.im, row);
      applyRightChain<double>(block, 0, q, re, im, ld);
      const Reduced t = reduceRight(u.at(row, col), u.at(row, col + 1), col);
      out[first + q] = t;
      block.set(q, t);
      applyRightChain<double>(block, q, q + 1, re - q * ld, im - q * ld, ld);
      u.setZero(row, col);
    }
    // Rows above those take the whole block.
    const int rows = n - first - size;
    int row = 0;
    for (; row + kChainLanes <= rows; row += kChainLanes)
      applyRightChain<Pack>(block, 0, size, at(u.re, row), at(u.im, row), ld);
    for (; row < rows; ++row)
      applyRightChain<double>(block, 0, size, at(u.re, row), at(u.im, row), ld);
  }
}

void nullChainFromLeft(WorkMatrix &u, int top, int count, Reduced *out) {
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
      applyLeftChain<double>(block, q, re, im, ld);
      const Reduced t =
          reduceLeft({re[q], im[q]}, {re[q + 1], im[q + 1]}, top + first + q);
      out[first + q] = t;
      block.set(q, t);
      // Op q on this column: the top row becomes s·w·a + c·b, the bottom 0.
      const double ar = block.wr[q] * re[q] - block.wi[q] * im[q];
      const double ai = block.wr[q] * im[q] + block.wi[q] * re[q];
      re[q] = t.s * ar + t.c * re[q + 1];
      im[q] = t.s * ai + t.c * im[q + 1];
      re[q + 1] = im[q + 1] = 0.0;
    }
    // The columns right of those take the whole block.
    int col = first + size;
    for (; col + kChainLanes <= n; col += kChainLanes)
      applyLeftChain<Pack>(block, size, rows(u.re, col), rows(u.im, col), ld);
    for (; col < n; ++col)
      applyLeftChain<double>(block, size, rows(u.re, col), rows(u.im, col), ld);
  }
}

} // namespace photon::runtime::detail
