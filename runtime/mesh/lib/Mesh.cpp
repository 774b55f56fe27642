//===- Mesh.cpp - A mesh of MZIs and its simulation -----------------------===//
//
// meshMatrix is the plain reference: it embeds mziTransfer on two rows at a
// time. applyMesh is the fast batched kernel: see PreparedMesh in Mesh.h.
//
//===----------------------------------------------------------------------===//
#include "photon/Runtime/Mesh.h"

#include "photon/Runtime/Convention.h"

#include "VectorIsa.h"

#include <cassert>
#include <algorithm>
#include <cmath>
#include <complex>
#include <vector>

namespace photon::runtime {

Mesh makeZeroMesh(Topology topology, int modes) {
  Mesh mesh;
  mesh.topology = topology;
  mesh.modes = modes;
  mesh.theta.assign(mziCount(modes), 0.0);
  mesh.phi.assign(mziCount(modes), 0.0);
  mesh.outputPhases.assign(modes, 0.0);
  return mesh;
}

Eigen::MatrixXcd meshMatrix(const Mesh &mesh) {
  const int n = mesh.modes;
  Eigen::MatrixXcd u = Eigen::MatrixXcd::Identity(n, n);
  std::vector<MziSite> sites = meshLayout(mesh.topology, n);
  assert(sites.size() == mesh.theta.size() && sites.size() == mesh.phi.size());
  for (size_t k = 0; k < sites.size(); ++k) {
    const int m = sites[k].mode;
    Eigen::Matrix2cd t = mziTransfer(mesh.theta[k], mesh.phi[k]);
    for (int col = 0; col < n; ++col) {
      Complex a = u(m, col), b = u(m + 1, col);
      u(m, col) = t(0, 0) * a + t(0, 1) * b;
      u(m + 1, col) = t(1, 0) * a + t(1, 1) * b;
    }
  }
  for (int row = 0; row < n; ++row)
    u.row(row) *= std::polar(1.0, mesh.outputPhases[row]);
  return u;
}

namespace {

/// The order the kernel runs the MZIs in: by diagonal (column − mode), each
/// diagonal by column, so that chains of MZIs on (m, m+1), (m+1, m+2), ...
/// are consecutive. Used only if every mode still sees its MZIs in layout
/// order (true for Clements and Reck); otherwise the layout order itself.
std::vector<int> runOrder(const std::vector<MziSite> &sites, int modes) {
  const int count = static_cast<int>(sites.size());
  std::vector<int> order(count);
  for (int k = 0; k < count; ++k)
    order[k] = k;
  std::stable_sort(order.begin(), order.end(), [&](int i, int j) {
    const int di = sites[i].column - sites[i].mode;
    const int dj = sites[j].column - sites[j].mode;
    return di != dj ? di < dj : sites[i].column < sites[j].column;
  });
  // Each mode's MZIs must keep their layout order (layout index increasing).
  std::vector<int> last(modes, -1);
  for (int k : order) {
    const int m = sites[k].mode;
    if (last[m] > k || last[m + 1] > k) {
      for (int i = 0; i < count; ++i)
        order[i] = i;
      return order;
    }
    last[m] = last[m + 1] = k;
  }
  return order;
}

} // namespace

PreparedMesh prepareMesh(const Mesh &mesh) {
  const int n = mesh.modes;
  const int count = mesh.mziCount();
  PreparedMesh p;
  p.modes = n;
  p.mode.resize(count);
  p.aRe.resize(count);
  p.aIm.resize(count);
  p.bRe.resize(count);
  p.bIm.resize(count);
  p.rescale.assign(count, 0);
  p.rescaleTop.assign(count, 1.0);
  p.rescaleBottom.assign(count, 1.0);
  // The true field on mode m is pending[m] · (the stored samples of mode m).
  std::vector<Complex> pending(n, Complex(1.0, 0.0));
  // Renormalise a pending factor whose modulus has dropped below 2^-40;
  // returns the real factor the stored samples are multiplied by.
  auto renormalise = [](Complex &q) {
    const double r = std::abs(q);
    if (r >= 0x1p-40)
      return 1.0;
    q /= r;
    return r;
  };
  const std::vector<MziSite> sites = meshLayout(mesh.topology, n);
  assert(static_cast<int>(sites.size()) == count);
  const std::vector<int> order = runOrder(sites, n);
  for (int j = 0; j < count; ++j) {
    const int k = order[j];
    const int m = sites[k].mode;
    if (j == 0 || m != p.mode[j - 1] + 1)
      p.chainBegin.push_back(j);
    p.mode[j] = m;
    const double s = std::sin(0.5 * mesh.theta[k]);
    double c = std::cos(0.5 * mesh.theta[k]);
    if (std::abs(c) < 1e-20)
      c = std::copysign(1e-20, c);
    const Complex g(-s, c), e = std::polar(1.0, mesh.phi[k]);
    const Complex p0 = pending[m], p1 = pending[m + 1];
    // top = tx·x + ty·y, bottom = bx·x + by·y on the stored inputs x, y.
    const Complex tx = g * s * e * p0, ty = g * c * p1;
    const Complex bx = g * c * e * p0, by = -g * s * p1;
    const Complex a = tx / ty, b = by / bx;
    p.aRe[j] = a.real();
    p.aIm[j] = a.imag();
    p.bRe[j] = b.real();
    p.bIm[j] = b.imag();
    pending[m] = ty;
    pending[m + 1] = bx;
    p.rescaleTop[j] = renormalise(pending[m]);
    p.rescaleBottom[j] = renormalise(pending[m + 1]);
    p.rescale[j] = p.rescaleTop[j] != 1.0 || p.rescaleBottom[j] != 1.0;
  }
  p.chainBegin.push_back(count);
  p.outRe.resize(n);
  p.outIm.resize(n);
  for (int m = 0; m < n; ++m) {
    Complex q = std::polar(1.0, mesh.outputPhases[m]) * pending[m];
    p.outRe[m] = q.real();
    p.outIm[m] = q.imag();
  }
  auto toFloat = [](const std::vector<double> &v) {
    return std::vector<float>(v.begin(), v.end());
  };
  p.aReF = toFloat(p.aRe);
  p.aImF = toFloat(p.aIm);
  p.bReF = toFloat(p.bRe);
  p.bImF = toFloat(p.bIm);
  p.rescaleTopF = toFloat(p.rescaleTop);
  p.rescaleBottomF = toFloat(p.rescaleBottom);
  p.outReF = toFloat(p.outRe);
  p.outImF = toFloat(p.outIm);
  return p;
}

namespace {

template <typename T> struct Coefficients {
  const T *aRe, *aIm, *bRe, *bIm, *rescaleTop, *rescaleBottom, *outRe,
      *outIm;
};

Coefficients<double> coefficients(const PreparedMesh &p, double) {
  return {p.aRe.data(),        p.aIm.data(),           p.bRe.data(),
          p.bIm.data(),        p.rescaleTop.data(),    p.rescaleBottom.data(),
          p.outRe.data(),      p.outIm.data()};
}
Coefficients<float> coefficients(const PreparedMesh &p, float) {
  return {p.aReF.data(),       p.aImF.data(),          p.bReF.data(),
          p.bImF.data(),       p.rescaleTopF.data(),   p.rescaleBottomF.data(),
          p.outReF.data(),     p.outImF.data()};
}

/// How many vector registers hold a mode's real (and imaginary) samples in
/// a block: a chain carries one mode and reads another, so AVX-512's 32
/// registers take 4 per part and SSE2's or AVX2's 16 take 2.
constexpr int kParts = detail::kVecBytes == 64 ? 4 : 2;
using detail::kVecBytes;
using detail::Vec;

/// Samples per block: kParts vectors of each re/im part, so each MZI's
/// coefficient loads serve kLanes samples.
template <typename T> constexpr int kVec = kVecBytes / sizeof(T);
template <typename T> constexpr int kLanes = kParts * kVec<T>;

/// One mode's samples of a block, in registers.
template <typename T> struct Lanes {
  Vec<T> re[kParts], im[kParts];
};

template <typename T> inline Vec<T> load(const T *p) {
  return detail::loadVec<Vec<T>>(p);
}
template <typename T> inline void store(T *p, const Vec<T> &v) {
  detail::storeVec(p, v);
}
/// A mode's slot in the scratch block: [re × kLanes, im × kLanes].
template <typename T> inline Lanes<T> loadMode(const T *slot) {
  Lanes<T> z;
  for (int i = 0; i < kParts; ++i) {
    z.re[i] = load(slot + i * kVec<T>);
    z.im[i] = load(slot + kLanes<T> + i * kVec<T>);
  }
  return z;
}
template <typename T> inline void storeMode(T *slot, const Lanes<T> &z) {
  for (int i = 0; i < kParts; ++i) {
    store<T>(slot + i * kVec<T>, z.re[i]);
    store<T>(slot + kLanes<T> + i * kVec<T>, z.im[i]);
  }
}
/// u + (cr + i·ci)·v, two fused multiply-adds per vector.
template <typename T>
inline Lanes<T> addScaled(const Lanes<T> &u, T cr, T ci, const Lanes<T> &v) {
  Lanes<T> z;
  for (int i = 0; i < kParts; ++i) {
    z.re[i] = u.re[i] + cr * v.re[i] - ci * v.im[i];
    z.im[i] = u.im[i] + cr * v.im[i] + ci * v.re[i];
  }
  return z;
}
template <typename T> inline Lanes<T> scaled(const Lanes<T> &u, T f) {
  Lanes<T> z;
  for (int i = 0; i < kParts; ++i) {
    z.re[i] = f * u.re[i];
    z.im[i] = f * u.im[i];
  }
  return z;
}

/// Applies every MZI to a block of kLanes samples held in `scratch`, one
/// slot per mode. Along a chain the bottom output stays in registers as
/// the next MZI's upper input.
template <typename T>
void applyBlock(const PreparedMesh &p, const Coefficients<T> &k,
                T *__restrict scratch) {
  constexpr int L = kLanes<T>;
  const int *mode = p.mode.data();
  const unsigned char *rescale = p.rescale.data();
  const int chains = static_cast<int>(p.chainBegin.size()) - 1;
  for (int c = 0; c < chains; ++c) {
    const int begin = p.chainBegin[c], end = p.chainBegin[c + 1];
    Lanes<T> x = loadMode(scratch + 2 * L * mode[begin]);
    for (int j = begin; j < end; ++j) {
      T *top = scratch + 2 * L * mode[j];
      const Lanes<T> y = loadMode(top + 2 * L);
      Lanes<T> upper = addScaled(y, k.aRe[j], k.aIm[j], x);
      x = addScaled(x, k.bRe[j], k.bIm[j], y);
      if (rescale[j]) {
        upper = scaled(upper, k.rescaleTop[j]);
        x = scaled(x, k.rescaleBottom[j]);
      }
      storeMode(top, upper);
    }
    storeMode(scratch + 2 * L * (mode[end - 1] + 1), x);
  }
}

template <typename T>
void applyPrepared(const PreparedMesh &p,
                   Eigen::Ref<Eigen::Matrix<std::complex<T>, Eigen::Dynamic,
                                            Eigen::Dynamic>>
                       fields) {
  constexpr int L = kLanes<T>;
  // Scratch on the stack up to 64 KiB and 256 modes, else on the heap.
  constexpr int kStackModes =
      std::min<int>(256, 64 * 1024 / (2 * L * sizeof(T)));
  const int n = p.modes;
  assert(fields.rows() == n);
  if (n == 0 || fields.cols() == 0)
    return;
  const Coefficients<T> k = coefficients(p, T());
  alignas(64) T stackScratch[2 * L * kStackModes];
  std::vector<T> heapScratch;
  T *scratch = stackScratch;
  if (n > kStackModes) {
    heapScratch.resize(2 * L * static_cast<size_t>(n));
    scratch = heapScratch.data();
  }
  const Eigen::Index batch = fields.cols();
  const Eigen::Index stride = fields.outerStride();
  std::complex<T> *base = fields.data();
  for (Eigen::Index first = 0; first < batch; first += L) {
    const int lanes = static_cast<int>(std::min<Eigen::Index>(L, batch - first));
    // Gather: complex column-major -> per-mode re/im lanes.
    for (int m = 0; m < n; ++m) {
      T *re = scratch + 2 * L * m, *im = re + L;
      for (int l = 0; l < lanes; ++l) {
        const std::complex<T> z = base[(first + l) * stride + m];
        re[l] = z.real();
        im[l] = z.imag();
      }
      for (int l = lanes; l < L; ++l)
        re[l] = im[l] = T(0);
    }
    applyBlock<T>(p, k, scratch);
    // Scatter with the output phases.
    for (int m = 0; m < n; ++m) {
      const T *re = scratch + 2 * L * m, *im = re + L;
      const T qr = k.outRe[m], qi = k.outIm[m];
      for (int l = 0; l < lanes; ++l)
        base[(first + l) * stride + m] =
            std::complex<T>(qr * re[l] - qi * im[l], qr * im[l] + qi * re[l]);
    }
  }
}

} // namespace

void applyMesh(const PreparedMesh &mesh, Eigen::Ref<Eigen::MatrixXcd> fields) {
  applyPrepared<double>(mesh, fields);
}
void applyMesh(const PreparedMesh &mesh, Eigen::Ref<Eigen::MatrixXcf> fields) {
  applyPrepared<float>(mesh, fields);
}

void applyMesh(const Mesh &mesh, Eigen::Ref<Eigen::MatrixXcd> fields) {
  applyMesh(prepareMesh(mesh), fields);
}
void applyMesh(const Mesh &mesh, Eigen::Ref<Eigen::MatrixXcf> fields) {
  applyMesh(prepareMesh(mesh), fields);
}

} // namespace photon::runtime
