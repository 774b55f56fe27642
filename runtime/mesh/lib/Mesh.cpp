//===- Mesh.cpp - A mesh of MZIs and its simulation -----------------------===//
//
// meshMatrix is the plain reference: it embeds mziTransfer on two rows at a
// time. applyMesh is the fast batched kernel: see PreparedMesh in Mesh.h.
//
//===----------------------------------------------------------------------===//
#include "photon/Runtime/Mesh.h"

#include "photon/Runtime/Convention.h"

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

PreparedMesh prepareMesh(const Mesh &mesh) {
  const int n = mesh.modes;
  const int count = mesh.mziCount();
  PreparedMesh p;
  p.modes = n;
  p.mode.resize(count);
  p.sinHalf.resize(count);
  p.cosHalf.resize(count);
  p.phaseRe.resize(count);
  p.phaseIm.resize(count);
  // pending[m]: the phase the true field on mode m carries relative to the
  // field the kernel tracks (true = pending ∘ tracked).
  std::vector<Complex> pending(n, Complex(1.0, 0.0));
  std::vector<MziSite> sites = meshLayout(mesh.topology, n);
  assert(static_cast<int>(sites.size()) == count);
  for (int k = 0; k < count; ++k) {
    const int m = sites[k].mode;
    const double s = std::sin(0.5 * mesh.theta[k]);
    const double c = std::cos(0.5 * mesh.theta[k]);
    // M · diag(p0, p1) = g·p1 · R · diag(e^{iφ}·p0/p1, 1).
    const Complex p0 = pending[m], p1 = pending[m + 1];
    const Complex w = std::polar(1.0, mesh.phi[k]) * p0 * std::conj(p1);
    const Complex g(-s, c);
    Complex out = g * p1;
    out /= std::abs(out); // keep the pending phases of unit modulus
    pending[m] = pending[m + 1] = out;
    p.mode[k] = m;
    p.sinHalf[k] = s;
    p.cosHalf[k] = c;
    p.phaseRe[k] = w.real();
    p.phaseIm[k] = w.imag();
  }
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
  p.sinHalfF = toFloat(p.sinHalf);
  p.cosHalfF = toFloat(p.cosHalf);
  p.phaseReF = toFloat(p.phaseRe);
  p.phaseImF = toFloat(p.phaseIm);
  p.outReF = toFloat(p.outRe);
  p.outImF = toFloat(p.outIm);
  return p;
}

namespace {

template <typename T> struct Coefficients {
  const T *sinHalf, *cosHalf, *phaseRe, *phaseIm, *outRe, *outIm;
};

Coefficients<double> coefficients(const PreparedMesh &p, double) {
  return {p.sinHalf.data(), p.cosHalf.data(), p.phaseRe.data(),
          p.phaseIm.data(), p.outRe.data(),   p.outIm.data()};
}
Coefficients<float> coefficients(const PreparedMesh &p, float) {
  return {p.sinHalfF.data(), p.cosHalfF.data(), p.phaseReF.data(),
          p.phaseImF.data(), p.outReF.data(),   p.outImF.data()};
}

/// Samples processed together: one 64-byte vector of each re/im part.
template <typename T> constexpr int kLanes = 64 / sizeof(T);

/// Applies every MZI to a block of kLanes samples held in `scratch`, laid out
/// per mode as [re × kLanes, im × kLanes]; the lane loops vectorise.
template <typename T>
void applyBlock(const PreparedMesh &p, const Coefficients<T> &k,
                T *__restrict scratch) {
  constexpr int L = kLanes<T>;
  const int count = static_cast<int>(p.mode.size());
  const int *modes = p.mode.data();
  for (int j = 0; j < count; ++j) {
    T *__restrict r0 = scratch + 2 * L * modes[j];
    T *__restrict i0 = r0 + L;
    T *__restrict r1 = r0 + 2 * L;
    T *__restrict i1 = r0 + 3 * L;
    const T s = k.sinHalf[j], c = k.cosHalf[j];
    const T wr = k.phaseRe[j], wi = k.phaseIm[j];
    for (int l = 0; l < L; ++l) {
      const T ur = wr * r0[l] - wi * i0[l];
      const T ui = wr * i0[l] + wi * r0[l];
      const T vr = r1[l], vi = i1[l];
      r0[l] = s * ur + c * vr;
      i0[l] = s * ui + c * vi;
      r1[l] = c * ur - s * vr;
      i1[l] = c * ui - s * vi;
    }
  }
}

template <typename T>
void applyPrepared(const PreparedMesh &p,
                   Eigen::Ref<Eigen::Matrix<std::complex<T>, Eigen::Dynamic,
                                            Eigen::Dynamic>>
                       fields) {
  constexpr int L = kLanes<T>;
  constexpr int kStackModes = 512;
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
