//===- Gradient.cpp - Analytic phase gradients of a program ---------------===//
//
// See Gradient.h for the formulas. Layout of the kernels: a block of
// kGradientLanes samples is held per mode as [re × L, im × L] doubles
// (structure of arrays), so that every lane loop vectorises. The fields
// between layers are kept for the backward pass, except inside meshes,
// whose MZI inputs are rebuilt from their outputs (M⁻¹ = M†).
//
//===----------------------------------------------------------------------===//
#include "photon/Runtime/Gradient.h"

#include "photon/Runtime/Convention.h"
#include "photon/Runtime/MeshLayout.h"
#include "photon/Runtime/NoiseModel.h"
#include "photon/Runtime/Random.h"
#include "photon/Runtime/Simulator.h"
#include "photon/Runtime/WorkerPool.h"

#include "llvm/Support/FormatVariadic.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace photon::runtime {

namespace {

constexpr int L = GradientEngine::kGradientLanes;
/// Below this modulus the softplus and modulus activations pass no gradient.
constexpr double kSingularModulus = 1e-30;

llvm::Error makeError(const llvm::Twine &message) {
  return llvm::make_error<llvm::StringError>(message,
                                             llvm::inconvertibleErrorCode());
}

/// Sum of the L lanes in a fixed order (a balanced tree).
inline double laneSum(const double *t) {
  static_assert(L == 8, "laneSum is written for 8 lanes");
  return ((t[0] + t[1]) + (t[2] + t[3])) + ((t[4] + t[5]) + (t[6] + t[7]));
}

//===----------------------------------------------------------------------===//
// Plans: the precomputed coefficients of each layer
//===----------------------------------------------------------------------===//

/// A mesh in the phase-tracked form of PreparedMesh (Mesh.h): MZI k is
/// g_k·R(θ_k)·diag(w_k, 1) with the scalars g pushed to the output phases q.
struct MeshPlan {
  int layer = 0;
  int modes = 0;
  int count = 0;
  int param = 0; ///< Flat index of θ_0; φ at +count, ω at +2·count.
  std::vector<int> mode;
  std::vector<double> s, c, wr, wi; ///< sin(θ/2), cos(θ/2), w.
  std::vector<double> qr, qi;       ///< Output phase per mode.
  std::vector<Complex> pending;     ///< Scratch for prepare.

  void prepare(const Mesh &mesh) {
    std::fill(pending.begin(), pending.end(), Complex(1.0, 0.0));
    for (int k = 0; k < count; ++k) {
      const int m = mode[k];
      s[k] = std::sin(0.5 * mesh.theta[k]);
      c[k] = std::cos(0.5 * mesh.theta[k]);
      const Complex p0 = pending[m], p1 = pending[m + 1];
      const Complex w = std::polar(1.0, mesh.phi[k]) * p0 * std::conj(p1);
      Complex out = Complex(-s[k], c[k]) * p1; // g = i e^{iθ/2}
      out /= std::abs(out);
      pending[m] = pending[m + 1] = out;
      wr[k] = w.real();
      wi[k] = w.imag();
    }
    for (int m = 0; m < modes; ++m) {
      const Complex q = std::polar(1.0, mesh.outputPhases[m]) * pending[m];
      qr[m] = q.real();
      qi[m] = q.imag();
    }
  }
};

struct DiagonalPlan {
  int layer = 0;
  int inputs = 0, outputs = 0, count = 0;
  int param = 0; ///< Flat index of θ_0; β at +count.
  std::vector<double> t;   ///< cos(θ_i/2).
  std::vector<double> tb;  ///< β cos(θ_i/2).
  std::vector<double> dtb; ///< ∂(β cos(θ_i/2))/∂θ_i = −(β/2) sin(θ_i/2).

  void prepare(const Diagonal &d) {
    for (int i = 0; i < count; ++i) {
      t[i] = std::cos(0.5 * d.theta[i]);
      tb[i] = d.gain * t[i];
      dtb[i] = -0.5 * d.gain * std::sin(0.5 * d.theta[i]);
    }
  }
};

/// An adapter y = z + B A x (Program.h), entries split into re and im.
struct AdapterPlan {
  int layer = 0;
  int source = -1;   ///< Program layer whose output is x (-1: the input).
  int width = 0;     ///< N, the width of x.
  int outputs = 0;   ///< M.
  int rank = 0;      ///< k.
  int param = 0;     ///< Flat index of Re A_00; B starts at +2·k·N.
  size_t sourceField = 0; ///< Offset of x in the fields.
  size_t extra = 0;       ///< Offset of G_x in Workspace::extra.
  std::vector<double> ar, ai, br, bi; ///< Row-major A (k x N), B (M x k).

  void prepare(const Adapter &a) {
    for (int r = 0; r < rank; ++r)
      for (int c = 0; c < width; ++c) {
        ar[r * width + c] = a.a(r, c).real();
        ai[r * width + c] = a.a(r, c).imag();
      }
    for (int i = 0; i < outputs; ++i)
      for (int r = 0; r < rank; ++r) {
        br[i * rank + r] = a.b(i, r).real();
        bi[i * rank + r] = a.b(i, r).imag();
      }
  }
};

/// One layer of the program as the engine runs it.
struct Step {
  LayerKind kind;
  int inputs, outputs;
  size_t in, out; ///< Offsets of the input and output fields.
  int plan;       ///< Index into meshes, diagonals or adapters.
  Activation activation;
  size_t side; ///< Offset of an activation's (or adapter's) saved values.
  bool startsBlock = false, endsBlock = false; ///< Linear blocks.
  int block = -1; ///< At a block end: index into Impl::blockScale.
  /// Adapters whose source is this layer (their G_x joins this output's).
  std::vector<int> feeds;
};

/// Per-thread buffers for one block.
struct Workspace {
  std::vector<double> fields; ///< The field after every layer.
  std::vector<double> side;   ///< Activation coefficients (2 per element).
  std::vector<double> gradA, gradB, work;
  std::vector<double> extra;  ///< Adapters' gradients at their sources.
  std::vector<Random> laneRandom; ///< Forward noise, one stream per lane.
  double blockNorm[GradientEngine::kGradientLanes];
};

uint64_t mixSeed(uint64_t z) {
  z += 0x9e3779b97f4a7c15ULL;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

//===----------------------------------------------------------------------===//
// Block kernels
//===----------------------------------------------------------------------===//

void meshForward(const MeshPlan &p, double *__restrict f) {
  for (int k = 0; k < p.count; ++k) {
    double *__restrict r0 = f + 2 * L * p.mode[k];
    double *__restrict i0 = r0 + L;
    double *__restrict r1 = r0 + 2 * L;
    double *__restrict i1 = r0 + 3 * L;
    const double s = p.s[k], c = p.c[k], wr = p.wr[k], wi = p.wi[k];
    for (int l = 0; l < L; ++l) {
      const double ur = wr * r0[l] - wi * i0[l];
      const double ui = wr * i0[l] + wi * r0[l];
      const double vr = r1[l], vi = i1[l];
      r0[l] = s * ur + c * vr;
      i0[l] = s * ui + c * vi;
      r1[l] = c * ur - s * vr;
      i1[l] = c * ui - s * vi;
    }
  }
  for (int m = 0; m < p.modes; ++m) {
    double *__restrict re = f + 2 * L * m;
    double *__restrict im = re + L;
    const double qr = p.qr[m], qi = p.qi[m];
    for (int l = 0; l < L; ++l) {
      const double a = re[l], b = im[l];
      re[l] = qr * a - qi * b;
      im[l] = qr * b + qi * a;
    }
  }
}

/// `y` is the mesh output (true frame), `t` scratch of the same size, `g`
/// the gradient at the output, replaced by the gradient at the input.
void meshBackward(const MeshPlan &p, const double *__restrict y,
                  double *__restrict t, double *__restrict g,
                  double *__restrict grad) {
  double acc[L];
  // Output screen: ∂L/∂ω = Re(conj(G)·i·y) = Gi·yr − Gr·yi; then move y and G
  // into the tracked frame (multiply by conj(q)).
  for (int m = 0; m < p.modes; ++m) {
    const double *__restrict yr = y + 2 * L * m, *__restrict yi = yr + L;
    double *__restrict tr = t + 2 * L * m, *__restrict ti = tr + L;
    double *__restrict gr = g + 2 * L * m, *__restrict gi = gr + L;
    const double qr = p.qr[m], qi = p.qi[m];
    for (int l = 0; l < L; ++l) {
      acc[l] = gi[l] * yr[l] - gr[l] * yi[l];
      tr[l] = qr * yr[l] + qi * yi[l];
      ti[l] = qr * yi[l] - qi * yr[l];
      const double a = gr[l], b = gi[l];
      gr[l] = qr * a + qi * b;
      gi[l] = qr * b - qi * a;
    }
    grad[p.param + 2 * p.count + m] = laneSum(acc);
  }
  double dTheta[L], dPhi[L];
  for (int k = p.count - 1; k >= 0; --k) {
    const int m = p.mode[k];
    double *__restrict r0 = t + 2 * L * m, *__restrict i0 = r0 + L;
    double *__restrict r1 = r0 + 2 * L, *__restrict i1 = r0 + 3 * L;
    double *__restrict gr0 = g + 2 * L * m, *__restrict gi0 = gr0 + L;
    double *__restrict gr1 = gr0 + 2 * L, *__restrict gi1 = gr0 + 3 * L;
    const double s = p.s[k], c = p.c[k], wr = p.wr[k], wi = p.wi[k];
    for (int l = 0; l < L; ++l) {
      const double or0 = r0[l], oi0 = i0[l], or1 = r1[l], oi1 = i1[l];
      const double Gr0 = gr0[l], Gi0 = gi0[l], Gr1 = gr1[l], Gi1 = gi1[l];
      // 2·∂L/∂θ = Re(conj(G0)(i o0 + o1) + conj(G1)(i o1 − o0)).
      dTheta[l] = (Gr0 + Gi1) * (or1 - oi0) + (Gi0 - Gr1) * (or0 + oi1);
      // a = R o and G_a = R G (R = [[s, c], [c, −s]] is its own inverse).
      const double ar0 = s * or0 + c * or1, ai0 = s * oi0 + c * oi1;
      const double ar1 = c * or0 - s * or1, ai1 = c * oi0 - s * oi1;
      const double hr0 = s * Gr0 + c * Gr1, hi0 = s * Gi0 + c * Gi1;
      const double hr1 = c * Gr0 - s * Gr1, hi1 = c * Gi0 - s * Gi1;
      // ∂L/∂φ = Re(conj(G_a0)·i·a0).
      dPhi[l] = hi0 * ar0 - hr0 * ai0;
      // z0 = conj(w)·a0, G_z0 = conj(w)·G_a0.
      r0[l] = wr * ar0 + wi * ai0;
      i0[l] = wr * ai0 - wi * ar0;
      r1[l] = ar1;
      i1[l] = ai1;
      gr0[l] = wr * hr0 + wi * hi0;
      gi0[l] = wr * hi0 - wi * hr0;
      gr1[l] = hr1;
      gi1[l] = hi1;
    }
    grad[p.param + k] = 0.5 * laneSum(dTheta);
    grad[p.param + p.count + k] = laneSum(dPhi);
  }
}

void diagonalForward(const DiagonalPlan &p, const double *__restrict in,
                     double *__restrict out) {
  for (int i = 0; i < p.count; ++i) {
    const double tb = p.tb[i];
    for (int l = 0; l < 2 * L; ++l)
      out[2 * L * i + l] = tb * in[2 * L * i + l];
  }
  std::fill(out + 2 * L * p.count, out + 2 * L * p.outputs, 0.0);
}

void diagonalBackward(const DiagonalPlan &p, const double *__restrict x,
                      const double *__restrict gOut, double *__restrict gIn,
                      double *__restrict grad) {
  double acc[L];
  double gain = 0.0;
  for (int i = 0; i < p.count; ++i) {
    const double *__restrict xr = x + 2 * L * i, *__restrict xi = xr + L;
    const double *__restrict gr = gOut + 2 * L * i, *__restrict gi = gr + L;
    for (int l = 0; l < L; ++l)
      acc[l] = gr[l] * xr[l] + gi[l] * xi[l]; // Re(conj(G)·x)
    const double dot = laneSum(acc);
    grad[p.param + i] = p.dtb[i] * dot;
    gain += p.t[i] * dot;
    const double tb = p.tb[i];
    for (int l = 0; l < 2 * L; ++l)
      gIn[2 * L * i + l] = tb * gOut[2 * L * i + l];
  }
  grad[p.param + p.count] = gain;
  std::fill(gIn + 2 * L * p.count, gIn + 2 * L * p.inputs, 0.0);
}

/// ln(1 + e^r) for r >= 0 and its derivative sigmoid(r).
inline void softplus(double r, double &value, double &slope) {
  const double e = std::exp(-r);
  value = r + std::log1p(e);
  slope = 1.0 / (1.0 + e);
}

/// Applies the activation to `width` modes from `in` into `out` and saves
/// the backward coefficients into `side` (2 per element).
void activationForward(Activation a, int width, const double *__restrict in,
                       double *__restrict out, double *__restrict side) {
  const int n = width * L;
  for (int m = 0; m < width; ++m) {
    const double *__restrict xr = in + 2 * L * m, *__restrict xi = xr + L;
    double *__restrict yr = out + 2 * L * m, *__restrict yi = yr + L;
    double *__restrict sa = side + L * m, *__restrict sb = side + n + L * m;
    switch (a) {
    case Activation::Identity:
      for (int l = 0; l < L; ++l) {
        yr[l] = xr[l];
        yi[l] = xi[l];
      }
      break;
    case Activation::Softplus:
      // f = s(r)·x/r; backward G_x = x·(a·Re(x̄G) + i·b·Im(x̄G)) with
      // a = s'(r)/r², b = s(r)/r³ (both 0 at the singular point).
      for (int l = 0; l < L; ++l) {
        const double r2 = xr[l] * xr[l] + xi[l] * xi[l];
        const double r = std::sqrt(r2);
        double value, slope;
        softplus(r, value, slope);
        if (r < kSingularModulus) {
          yr[l] = r == 0.0 ? value : xr[l] * (value / r);
          yi[l] = r == 0.0 ? 0.0 : xi[l] * (value / r);
          sa[l] = sb[l] = 0.0;
          continue;
        }
        const double h = value / r;
        yr[l] = xr[l] * h;
        yi[l] = xi[l] * h;
        sa[l] = slope / r2;
        sb[l] = h / r2;
      }
      break;
    case Activation::Modulus:
      // f = r; backward G_x = x·Re(G)/r.
      for (int l = 0; l < L; ++l) {
        const double r = std::sqrt(xr[l] * xr[l] + xi[l] * xi[l]);
        yr[l] = r;
        yi[l] = 0.0;
        sa[l] = r < kSingularModulus ? 0.0 : 1.0 / r;
      }
      break;
    }
  }
}

/// An O-E-O boundary or readout on `width` modes: y = f(Re(x) + bias),
/// Im(y) = 0. Saves f'(pre) (element-wise) or the softmax p (softmax,
/// log_softmax) into `side` (1 per element).
void boundaryForward(const Boundary &b, int width, const double *__restrict in,
                     double *__restrict out, double *__restrict side) {
  for (int m = 0; m < width; ++m) {
    const double *__restrict xr = in + 2 * L * m;
    double *__restrict yr = out + 2 * L * m, *__restrict yi = yr + L;
    const double bias = b.bias.empty() ? 0.0 : b.bias[m];
    for (int l = 0; l < L; ++l) {
      const double pre = xr[l] + bias;
      yr[l] = isElementwise(b.function) ? applyElementwise(b.function, pre)
                                        : pre;
      side[L * m + l] =
          isElementwise(b.function) ? elementwiseDerivative(b.function, pre)
                                    : 0.0;
      yi[l] = 0.0;
    }
  }
  if (isElementwise(b.function))
    return;
  for (int l = 0; l < L; ++l) {
    double top = out[l];
    for (int m = 1; m < width; ++m)
      top = std::max(top, out[2 * L * m + l]);
    double sum = 0.0;
    for (int m = 0; m < width; ++m)
      sum += std::exp(out[2 * L * m + l] - top);
    const double logSum = top + std::log(sum);
    for (int m = 0; m < width; ++m) {
      double &y = out[2 * L * m + l];
      side[L * m + l] = std::exp(y - logSum);
      y = b.function == ElectricalFunction::Softmax ? side[L * m + l]
                                                     : y - logSum;
    }
  }
}

/// In place: the gradient at the boundary's output becomes the gradient at
/// its input (zero imaginary part: the output depends on Re(x) only).
void boundaryBackward(const Boundary &b, int width,
                      const double *__restrict side, double *__restrict g) {
  for (int l = 0; l < L; ++l) {
    if (b.function == ElectricalFunction::LogSoftmax) {
      // G_x = G - p Σ G.
      double total = 0.0;
      for (int m = 0; m < width; ++m)
        total += g[2 * L * m + l];
      for (int m = 0; m < width; ++m)
        g[2 * L * m + l] -= side[L * m + l] * total;
    } else if (b.function == ElectricalFunction::Softmax) {
      // G_x = p ⊙ (G - Σ p G).
      double dot = 0.0;
      for (int m = 0; m < width; ++m)
        dot += side[L * m + l] * g[2 * L * m + l];
      for (int m = 0; m < width; ++m)
        g[2 * L * m + l] = side[L * m + l] * (g[2 * L * m + l] - dot);
    } else {
      for (int m = 0; m < width; ++m)
        g[2 * L * m + l] *= side[L * m + l];
    }
    for (int m = 0; m < width; ++m)
      g[2 * L * m + L + l] = 0.0;
  }
}

/// In place: `g` (gradient at the output) becomes the gradient at the input.
void activationBackward(Activation a, int width, const double *__restrict x,
                        const double *__restrict side, double *__restrict g) {
  const int n = width * L;
  for (int m = 0; m < width; ++m) {
    const double *__restrict xr = x + 2 * L * m, *__restrict xi = xr + L;
    double *__restrict gr = g + 2 * L * m, *__restrict gi = gr + L;
    const double *__restrict sa = side + L * m, *__restrict sb = side + n + L * m;
    switch (a) {
    case Activation::Identity:
      break;
    case Activation::Softplus:
      for (int l = 0; l < L; ++l) {
        const double p = sa[l] * (xr[l] * gr[l] + xi[l] * gi[l]);
        const double q = sb[l] * (xr[l] * gi[l] - xi[l] * gr[l]);
        gr[l] = xr[l] * p - xi[l] * q;
        gi[l] = xr[l] * q + xi[l] * p;
      }
      break;
    case Activation::Modulus:
      for (int l = 0; l < L; ++l) {
        const double p = sa[l] * gr[l];
        gr[l] = xr[l] * p;
        gi[l] = xi[l] * p;
      }
      break;
    }
  }
}

/// Per lane with s = max_i |z_i| over `width` modes: Re and Im of every
/// z_i through quantizeSigned(·, s, bits) (quantizeComplexColumns).
void quantizeLanes(double *__restrict f, int width, int bits) {
  double scale[L];
  for (int l = 0; l < L; ++l)
    scale[l] = 0.0;
  for (int m = 0; m < width; ++m) {
    const double *re = f + 2 * L * m, *im = re + L;
    for (int l = 0; l < L; ++l)
      scale[l] = std::max(scale[l], std::sqrt(re[l] * re[l] + im[l] * im[l]));
  }
  for (int m = 0; m < width; ++m) {
    double *re = f + 2 * L * m, *im = re + L;
    for (int l = 0; l < L; ++l) {
      re[l] = quantizeSigned(re[l], scale[l], bits);
      im[l] = quantizeSigned(im[l], scale[l], bits);
    }
  }
}

/// y = M v per lane, M a rows x cols complex matrix (row-major re, im).
void laneMatVec(int rows, int cols, const double *re, const double *im,
                const double *__restrict v, double *__restrict y) {
  for (int i = 0; i < rows; ++i) {
    double *__restrict yr = y + 2 * L * i, *__restrict yi = yr + L;
    for (int l = 0; l < L; ++l)
      yr[l] = yi[l] = 0.0;
    for (int c = 0; c < cols; ++c) {
      const double mre = re[i * cols + c], mim = im[i * cols + c];
      const double *__restrict vr = v + 2 * L * c, *__restrict vi = vr + L;
      for (int l = 0; l < L; ++l) {
        yr[l] += mre * vr[l] - mim * vi[l];
        yi[l] += mre * vi[l] + mim * vr[l];
      }
    }
  }
}

/// The backward pass of y = M v (laneMatVec) given G_y: writes ∂L/∂M_ic =
/// Σ_lanes G_y,i conj(v_c) as (re, im) pairs into grad[2(i·cols + c)] and,
/// when `gv` is set, G_v = M† G_y.
void laneMatVecBackward(int rows, int cols, const double *re,
                        const double *im, const double *__restrict v,
                        const double *__restrict gy, double *__restrict gv,
                        double *__restrict grad) {
  double accR[L], accI[L];
  if (gv)
    std::fill(gv, gv + 2 * L * cols, 0.0);
  for (int i = 0; i < rows; ++i) {
    const double *__restrict gr = gy + 2 * L * i, *__restrict gi = gr + L;
    for (int c = 0; c < cols; ++c) {
      const double *__restrict vr = v + 2 * L * c, *__restrict vi = vr + L;
      for (int l = 0; l < L; ++l) {
        accR[l] = gr[l] * vr[l] + gi[l] * vi[l];
        accI[l] = gi[l] * vr[l] - gr[l] * vi[l];
      }
      grad[2 * (i * cols + c)] = laneSum(accR);
      grad[2 * (i * cols + c) + 1] = laneSum(accI);
      if (!gv)
        continue;
      const double mre = re[i * cols + c], mim = im[i * cols + c];
      double *__restrict gvr = gv + 2 * L * c, *__restrict gvi = gvr + L;
      for (int l = 0; l < L; ++l) { // conj(M_ic) · G_y,i
        gvr[l] += mre * gr[l] + mim * gi[l];
        gvi[l] += mre * gi[l] - mim * gr[l];
      }
    }
  }
}

/// out = in + B (A x) with x the source field. Saves the x used (after the
/// optional input converter) and h = A x into `side` (2·L·(N + k)).
void adapterForward(const AdapterPlan &p, const double *__restrict in,
                    const double *__restrict x, double *__restrict out,
                    double *__restrict side, const ForwardNoise &noise) {
  double *__restrict xs = side;
  double *__restrict h = side + 2 * L * p.width;
  std::copy(x, x + 2 * L * p.width, xs);
  if (noise.inputBits > 0)
    quantizeLanes(xs, p.width, noise.inputBits);
  laneMatVec(p.rank, p.width, p.ar.data(), p.ai.data(), xs, h);
  laneMatVec(p.outputs, p.rank, p.br.data(), p.bi.data(), h, out);
  if (noise.outputBits > 0)
    quantizeLanes(out, p.outputs, noise.outputBits);
  for (int l = 0; l < 2 * L * p.outputs; ++l)
    out[l] += in[l];
}

/// The adapter's parameter gradients and G_x (into `gx` when not null);
/// `g` (the gradient at the output, also the gradient at the input z) is
/// not changed. `gh` is scratch of 2·L·k.
void adapterBackward(const AdapterPlan &p, const double *__restrict side,
                     const double *__restrict g, double *__restrict gh,
                     double *__restrict gx, double *__restrict grad) {
  const double *__restrict xs = side;
  const double *__restrict h = side + 2 * L * p.width;
  // ∂L/∂B_ir = Σ G_i conj(h_r); G_h = B† G.
  laneMatVecBackward(p.outputs, p.rank, p.br.data(), p.bi.data(), h, g, gh,
                     grad + p.param + 2 * p.rank * p.width);
  // ∂L/∂A_rc = Σ G_h,r conj(x_c); G_x = A† G_h.
  laneMatVecBackward(p.rank, p.width, p.ar.data(), p.ai.data(), xs, gh, gx,
                     grad + p.param);
}

} // namespace

//===----------------------------------------------------------------------===//
// ProgramGradient
//===----------------------------------------------------------------------===//

ProgramGradient ProgramGradient::zerosLike(const Program &program) {
  ProgramGradient g;
  g.layers.resize(program.layers.size());
  for (size_t i = 0; i < program.layers.size(); ++i) {
    const Layer &layer = program.layers[i];
    LayerGradient &lg = g.layers[i];
    if (layer.kind == LayerKind::Mesh) {
      lg.theta.assign(layer.mesh.theta.size(), 0.0);
      lg.phi.assign(layer.mesh.phi.size(), 0.0);
      lg.outputPhases.assign(layer.mesh.outputPhases.size(), 0.0);
    } else if (layer.kind == LayerKind::Diagonal) {
      lg.theta.assign(layer.diagonal.theta.size(), 0.0);
    } else if (layer.kind == LayerKind::Adapter) {
      lg.adapterA = Eigen::MatrixXcd::Zero(layer.adapter.a.rows(),
                                           layer.adapter.a.cols());
      lg.adapterB = Eigen::MatrixXcd::Zero(layer.adapter.b.rows(),
                                           layer.adapter.b.cols());
    }
  }
  return g;
}

void ProgramGradient::setZero() {
  for (LayerGradient &lg : layers) {
    std::fill(lg.theta.begin(), lg.theta.end(), 0.0);
    std::fill(lg.phi.begin(), lg.phi.end(), 0.0);
    std::fill(lg.outputPhases.begin(), lg.outputPhases.end(), 0.0);
    lg.gain = 0.0;
    lg.adapterA.setZero();
    lg.adapterB.setZero();
  }
}

int phaseParameterCount(const Program &program) {
  int count = 0;
  for (const Layer &layer : program.layers) {
    if (layer.kind == LayerKind::Mesh)
      count += layer.mesh.shifterCount();
    else if (layer.kind == LayerKind::Diagonal)
      count += static_cast<int>(layer.diagonal.theta.size()) + 1;
  }
  return count;
}

int adapterParameterCount(const Program &program) {
  int count = 0;
  for (const Layer &layer : program.layers)
    if (layer.kind == LayerKind::Adapter)
      count += layer.adapter.parameterCount();
  return count;
}

int parameterCount(const Program &program) {
  return phaseParameterCount(program) + adapterParameterCount(program);
}

llvm::Error checkTrainable(const Program &program) {
  if (llvm::Error e = verifyProgram(program))
    return e;
  if (!program.electricalOutputs())
    return makeError("the program does not end with a detect or readout "
                     "layer; training needs electrical outputs as logits");
  return llvm::Error::success();
}

llvm::Error checkDataset(const Program &program,
                         const Eigen::MatrixXcd &inputs,
                         llvm::ArrayRef<int> labels) {
  if (inputs.rows() != program.inputs)
    return makeError(llvm::formatv(
        "the inputs have {0} rows, expected {1} (the program's 'inputs')",
        inputs.rows(), program.inputs));
  if (static_cast<size_t>(inputs.cols()) != labels.size())
    return makeError(llvm::formatv("there are {0} samples but {1} labels",
                                   inputs.cols(), labels.size()));
  for (size_t i = 0; i < labels.size(); ++i)
    if (labels[i] < 0 || labels[i] >= program.outputs)
      return makeError(llvm::formatv(
          "label {0} of sample {1} is not a class in [0, {2})", labels[i], i,
          program.outputs));
  return llvm::Error::success();
}

//===----------------------------------------------------------------------===//
// GradientEngine
//===----------------------------------------------------------------------===//

struct GradientEngine::Impl {
  int threads = 1;
  int parameters = 0;
  int inputs = 0, outputs = 0, maxWidth = 0;
  std::vector<Step> steps;
  std::vector<MeshPlan> meshes;
  std::vector<DiagonalPlan> diagonals;
  std::vector<AdapterPlan> adapters;
  std::vector<Boundary> boundaries;
  /// Linear blocks [first, last] (step indices) and their full scales
  /// max|W_ij| for the weight error.
  std::vector<std::pair<int, int>> blocks;
  std::vector<double> blockScale;
  ForwardNoise noise;
  size_t extraSize = 0;
  std::vector<uint8_t> live; ///< Per flat parameter: 0 when masked.
  size_t fieldSize = 0, sideSize = 0;
  std::vector<Workspace> workspaces;
  /// Per block of the current batch: its gradient, loss and correct count.
  std::vector<double> blockGradients;
  std::vector<double> blockLoss;
  std::vector<int> blockCorrect;
  std::vector<double> total;
  WorkerPool pool;

  Impl(const Program &program, int threads);
  void setParameters(const Program &program);
  void addWeightNoise(Workspace &ws, const Step &step, double *out, int lanes);
  /// Forward (and backward when `grad` is set) of one block.
  void block(Workspace &ws, const Eigen::MatrixXcd &x,
             llvm::ArrayRef<int> labels, const int *indices, int lanes,
             double scale, double *grad, double &loss, int &correct);
  BatchStats run(const Eigen::MatrixXcd &x, llvm::ArrayRef<int> labels,
                 llvm::ArrayRef<int> indices, ProgramGradient *gradient);
};

GradientEngine::Impl::Impl(const Program &program, int threadCount)
    : threads(std::max(1, threadCount)),
      pool(std::max(1, threadCount), /*adaptive=*/true) {
  inputs = program.inputs;
  outputs = program.outputs;
  size_t offset = 2 * L * static_cast<size_t>(inputs);
  size_t field = 0;
  maxWidth = inputs;
  int param = 0;
  for (size_t i = 0; i < program.layers.size(); ++i) {
    const Layer &layer = program.layers[i];
    Step step;
    step.kind = layer.kind;
    step.inputs = layer.inputs;
    step.outputs = layer.outputs;
    step.in = field;
    step.out = offset;
    step.plan = -1;
    step.activation = layer.activation;
    step.side = sideSize;
    maxWidth = std::max(maxWidth, layer.outputs);
    if (layer.kind == LayerKind::Mesh) {
      MeshPlan p;
      p.layer = static_cast<int>(i);
      p.modes = layer.mesh.modes;
      p.count = layer.mesh.mziCount();
      p.param = param;
      for (const MziSite &site : meshLayout(layer.mesh.topology, p.modes))
        p.mode.push_back(site.mode);
      assert(static_cast<int>(p.mode.size()) == p.count);
      p.s.resize(p.count);
      p.c.resize(p.count);
      p.wr.resize(p.count);
      p.wi.resize(p.count);
      p.qr.resize(p.modes);
      p.qi.resize(p.modes);
      p.pending.resize(p.modes);
      step.plan = static_cast<int>(meshes.size());
      meshes.push_back(std::move(p));
      param += layer.mesh.shifterCount();
    } else if (layer.kind == LayerKind::Diagonal) {
      DiagonalPlan p;
      p.layer = static_cast<int>(i);
      p.inputs = layer.inputs;
      p.outputs = layer.outputs;
      p.count = static_cast<int>(layer.diagonal.theta.size());
      p.param = param;
      p.t.resize(p.count);
      p.tb.resize(p.count);
      p.dtb.resize(p.count);
      step.plan = static_cast<int>(diagonals.size());
      param += p.count + 1;
      diagonals.push_back(std::move(p));
    } else if (layer.kind == LayerKind::Activation) {
      sideSize += 2 * L * static_cast<size_t>(layer.outputs);
    } else if (layer.kind == LayerKind::Oeo ||
               layer.kind == LayerKind::Readout) {
      step.plan = static_cast<int>(boundaries.size());
      boundaries.push_back(layer.boundary);
      sideSize += L * static_cast<size_t>(layer.outputs);
    } else if (layer.kind == LayerKind::Adapter) {
      AdapterPlan p;
      p.layer = static_cast<int>(i);
      p.source = layer.adapter.source;
      p.width = static_cast<int>(layer.adapter.a.cols());
      p.outputs = layer.outputs;
      p.rank = layer.adapter.rank();
      p.param = param;
      p.sourceField = p.source < 0 ? 0 : steps[p.source].out;
      p.extra = extraSize;
      extraSize += 2 * L * static_cast<size_t>(p.width);
      p.ar.resize(p.rank * p.width);
      p.ai.resize(p.rank * p.width);
      p.br.resize(p.outputs * p.rank);
      p.bi.resize(p.outputs * p.rank);
      sideSize += 2 * L * static_cast<size_t>(p.width + p.rank);
      step.plan = static_cast<int>(adapters.size());
      if (p.source >= 0)
        steps[p.source].feeds.push_back(step.plan);
      param += layer.adapter.parameterCount();
      adapters.push_back(std::move(p));
    }
    steps.push_back(step);
    field = offset;
    offset += 2 * L * static_cast<size_t>(layer.outputs);
  }
  fieldSize = offset;
  parameters = param;
  // Linear blocks: maximal runs of Mesh and Diagonal layers.
  auto linear = [&](size_t i) {
    return steps[i].kind == LayerKind::Mesh ||
           steps[i].kind == LayerKind::Diagonal;
  };
  for (size_t i = 0; i < steps.size(); ++i) {
    if (!linear(i) || (i > 0 && linear(i - 1)))
      continue;
    size_t last = i;
    while (last + 1 < steps.size() && linear(last + 1))
      ++last;
    steps[i].startsBlock = true;
    steps[last].endsBlock = true;
    steps[last].block = static_cast<int>(blocks.size());
    blocks.emplace_back(static_cast<int>(i), static_cast<int>(last));
  }
  blockScale.assign(blocks.size(), 0.0);
  live.assign(parameters, 1);
  workspaces.resize(threads);
  for (Workspace &ws : workspaces) {
    ws.fields.assign(fieldSize, 0.0);
    ws.side.assign(std::max<size_t>(sideSize, 1), 0.0);
    ws.gradA.assign(2 * L * maxWidth, 0.0);
    ws.gradB.assign(2 * L * maxWidth, 0.0);
    ws.work.assign(2 * L * maxWidth, 0.0);
    ws.extra.assign(std::max<size_t>(extraSize, 1), 0.0);
    ws.laneRandom.assign(L, Random(0));
  }
  total.assign(parameters, 0.0);
  setParameters(program);
}

void GradientEngine::Impl::setParameters(const Program &program) {
  assert(program.layers.size() == steps.size());
  for (MeshPlan &p : meshes) {
    const Mesh &mesh = program.layers[p.layer].mesh;
    assert(mesh.mziCount() == p.count && mesh.modes == p.modes);
    p.prepare(mesh);
    const int shifters = 2 * p.count + p.modes;
    for (int j = 0; j < shifters; ++j)
      live[p.param + j] = mesh.mask.empty() || mesh.mask[j] != 0;
  }
  for (DiagonalPlan &p : diagonals) {
    const Diagonal &d = program.layers[p.layer].diagonal;
    assert(static_cast<int>(d.theta.size()) == p.count);
    p.prepare(d);
    for (int j = 0; j < p.count; ++j)
      live[p.param + j] = d.mask.empty() || d.mask[j] != 0;
    live[p.param + p.count] = 1;
  }
  for (AdapterPlan &p : adapters) {
    const Adapter &a = program.layers[p.layer].adapter;
    assert(a.rank() == p.rank && a.a.cols() == p.width);
    p.prepare(a);
  }
  if (noise.weightSigma > 0.0) {
    // max|W_ij| of each block: the block applied to the identity.
    for (size_t b = 0; b < blocks.size(); ++b) {
      const auto [first, last] = blocks[b];
      Program sub;
      sub.inputs = program.layers[first].inputs;
      sub.outputs = program.layers[last].outputs;
      sub.layers.assign(program.layers.begin() + first,
                        program.layers.begin() + last + 1);
      const Eigen::MatrixXcd w =
          simulate(sub, Eigen::MatrixXcd(Eigen::MatrixXcd::Identity(
                            sub.inputs, sub.inputs)));
      blockScale[b] = w.size() ? w.cwiseAbs().maxCoeff() : 0.0;
    }
  }
}

void GradientEngine::Impl::addWeightNoise(Workspace &ws, const Step &step,
                                          double *out, int lanes) {
  // (W + δW) x = W x + n: n_i circular complex Gaussian with
  // E|n_i|² = (σ_W · max|W| · ‖x‖)², σ/√2 per real component.
  const double scale =
      noise.weightSigma * blockScale[step.block] / std::sqrt(2.0);
  for (int l = 0; l < lanes; ++l) {
    const double s = scale * ws.blockNorm[l];
    Random &random = ws.laneRandom[l];
    for (int m = 0; m < step.outputs; ++m) {
      out[2 * L * m + l] += s * random.normal();
      out[2 * L * m + L + l] += s * random.normal();
    }
  }
}

void GradientEngine::Impl::block(Workspace &ws, const Eigen::MatrixXcd &x,
                                 llvm::ArrayRef<int> labels,
                                 const int *indices, int lanes, double scale,
                                 double *grad, double &loss, int &correct) {
  double *fields = ws.fields.data();
  // Gather the inputs; padding lanes are 0 and get no loss or gradient.
  for (int m = 0; m < inputs; ++m) {
    double *re = fields + 2 * L * m, *im = re + L;
    for (int l = 0; l < lanes; ++l) {
      const Complex z = x(m, indices[l]);
      re[l] = z.real();
      im[l] = z.imag();
    }
    for (int l = lanes; l < L; ++l)
      re[l] = im[l] = 0.0;
  }
  if (noise.enabled())
    for (int l = 0; l < lanes; ++l)
      ws.laneRandom[l] =
          Random(mixSeed(noise.seed ^ mixSeed(static_cast<uint64_t>(
                                         indices[l]) + 0x5851f42d4c957f2dULL)));
  if (noise.inputBits > 0)
    quantizeLanes(fields, inputs, noise.inputBits);
  // Forward.
  for (const Step &step : steps) {
    const double *in = fields + step.in;
    double *out = fields + step.out;
    if (noise.weightSigma > 0.0 && step.startsBlock)
      for (int l = 0; l < L; ++l) {
        double sum = 0.0;
        for (int m = 0; m < step.inputs; ++m)
          sum += in[2 * L * m + l] * in[2 * L * m + l] +
                 in[2 * L * m + L + l] * in[2 * L * m + L + l];
        ws.blockNorm[l] = std::sqrt(sum);
      }
    switch (step.kind) {
    case LayerKind::Encode:
      std::copy(in, in + 2 * L * step.inputs, out);
      break;
    case LayerKind::Mesh:
      std::copy(in, in + 2 * L * step.inputs, out);
      meshForward(meshes[step.plan], out);
      break;
    case LayerKind::Diagonal:
      diagonalForward(diagonals[step.plan], in, out);
      break;
    case LayerKind::Activation:
      activationForward(step.activation, step.outputs, in, out,
                        ws.side.data() + step.side);
      break;
    case LayerKind::Detect:
      for (int m = 0; m < step.outputs; ++m) {
        const double *xr = in + 2 * L * m, *xi = xr + L;
        double *yr = out + 2 * L * m, *yi = yr + L;
        for (int l = 0; l < L; ++l) {
          yr[l] = xr[l] * xr[l] + xi[l] * xi[l];
          yi[l] = 0.0;
        }
      }
      if (noise.outputBits > 0) {
        // Output ADC: per lane, 2^n levels up to the brightest detector.
        for (int l = 0; l < L; ++l) {
          double top = 0.0;
          for (int m = 0; m < step.outputs; ++m)
            top = std::max(top, out[2 * L * m + l]);
          for (int m = 0; m < step.outputs; ++m)
            out[2 * L * m + l] =
                quantizeUnsigned(out[2 * L * m + l], top, noise.outputBits);
        }
      }
      break;
    case LayerKind::Oeo:
    case LayerKind::Readout:
      boundaryForward(boundaries[step.plan], step.outputs, in, out,
                      ws.side.data() + step.side);
      break;
    case LayerKind::Adapter: {
      const AdapterPlan &p = adapters[step.plan];
      adapterForward(p, in, fields + p.sourceField, out,
                     ws.side.data() + step.side, noise);
      break;
    }
    }
    if (noise.weightSigma > 0.0 && step.endsBlock)
      addWeightNoise(ws, step, out, lanes);
  }
  // Loss: LogSoftmax cross-entropy over the detected intensities; the seed
  // of the backward pass is ∂L/∂y_j = (softmax_j − [j = label]) · scale.
  const double *logits = fields + steps.back().out;
  double *g = ws.gradA.data();
  double laneLoss[L];
  for (int l = 0; l < L; ++l) {
    laneLoss[l] = 0.0;
    if (l >= lanes) {
      for (int j = 0; j < outputs; ++j)
        g[2 * L * j + l] = g[2 * L * j + L + l] = 0.0;
      continue;
    }
    const int label = labels[indices[l]];
    double top = logits[l];
    int best = 0;
    for (int j = 1; j < outputs; ++j)
      if (logits[2 * L * j + l] > top) {
        top = logits[2 * L * j + l];
        best = j;
      }
    double sum = 0.0;
    for (int j = 0; j < outputs; ++j)
      sum += std::exp(logits[2 * L * j + l] - top);
    const double logSum = top + std::log(sum);
    laneLoss[l] = logSum - logits[2 * L * label + l];
    correct += best == label;
    if (grad)
      for (int j = 0; j < outputs; ++j) {
        const double p = std::exp(logits[2 * L * j + l] - logSum);
        g[2 * L * j + l] = (p - (j == label ? 1.0 : 0.0)) * scale;
        g[2 * L * j + L + l] = 0.0;
      }
  }
  loss += laneSum(laneLoss);
  if (!grad)
    return;
  // Backward.
  double *other = ws.gradB.data();
  for (size_t s = steps.size(); s-- > 0;) {
    const Step &step = steps[s];
    const double *in = fields + step.in;
    // Adapters reading this layer's output add their gradient at x.
    for (int a : step.feeds) {
      const double *gx = ws.extra.data() + adapters[a].extra;
      for (int j = 0; j < 2 * L * step.outputs; ++j)
        g[j] += gx[j];
    }
    switch (step.kind) {
    case LayerKind::Encode:
      break;
    case LayerKind::Oeo:
    case LayerKind::Readout:
      boundaryBackward(boundaries[step.plan], step.inputs,
                       ws.side.data() + step.side, g);
      break;
    case LayerKind::Adapter: {
      const AdapterPlan &p = adapters[step.plan];
      adapterBackward(p, ws.side.data() + step.side, g, ws.work.data(),
                      p.source >= 0 ? ws.extra.data() + p.extra : nullptr,
                      grad);
      break;
    }
    case LayerKind::Mesh:
      meshBackward(meshes[step.plan], fields + step.out, ws.work.data(), g,
                   grad);
      break;
    case LayerKind::Diagonal:
      diagonalBackward(diagonals[step.plan], in, g, other, grad);
      std::swap(g, other);
      break;
    case LayerKind::Activation:
      activationBackward(step.activation, step.inputs, in,
                         ws.side.data() + step.side, g);
      break;
    case LayerKind::Detect:
      // y = |x|²: G_x = 2·(∂L/∂y)·x.
      for (int m = 0; m < step.inputs; ++m) {
        const double *xr = in + 2 * L * m, *xi = xr + L;
        double *gr = g + 2 * L * m, *gi = gr + L;
        for (int l = 0; l < L; ++l) {
          const double d = 2.0 * gr[l];
          gr[l] = d * xr[l];
          gi[l] = d * xi[l];
        }
      }
      break;
    }
  }
}

BatchStats GradientEngine::Impl::run(const Eigen::MatrixXcd &x,
                                     llvm::ArrayRef<int> labels,
                                     llvm::ArrayRef<int> indices,
                                     ProgramGradient *gradient) {
  assert(x.rows() == inputs);
  const int count = static_cast<int>(indices.size());
  const int blocks = (count + L - 1) / L;
  BatchStats stats;
  stats.count = count;
  if (blockLoss.size() < static_cast<size_t>(blocks)) {
    blockLoss.resize(blocks);
    blockCorrect.resize(blocks);
  }
  if (gradient && blockGradients.size() < static_cast<size_t>(blocks) * parameters)
    blockGradients.resize(static_cast<size_t>(blocks) * parameters);
  const double scale = count > 0 ? 1.0 / count : 0.0;
  // The pool hands out blocks one at a time (WorkerPool.h). Every block
  // writes its own partials: which thread ran it never matters.
  pool.run(blocks, [&](int b, int t) {
    const int lanes = std::min(L, count - b * L);
    double loss = 0.0;
    int correct = 0;
    double *grad = gradient ? blockGradients.data() +
                                  static_cast<size_t>(b) * parameters
                            : nullptr;
    block(workspaces[t], x, labels, indices.data() + b * L, lanes, scale,
          grad, loss, correct);
    blockLoss[b] = loss;
    blockCorrect[b] = correct;
  });
  // Reduce in block order: independent of the thread count.
  double loss = 0.0;
  for (int b = 0; b < blocks; ++b) {
    loss += blockLoss[b];
    stats.correct += blockCorrect[b];
  }
  stats.loss = count > 0 ? loss / count : 0.0;
  if (!gradient)
    return stats;
  std::fill(total.begin(), total.end(), 0.0);
  for (int b = 0; b < blocks; ++b) {
    const double *grad = blockGradients.data() + static_cast<size_t>(b) * parameters;
    for (int j = 0; j < parameters; ++j)
      total[j] += grad[j];
  }
  for (int j = 0; j < parameters; ++j)
    if (!live[j])
      total[j] = 0.0;
  // Scatter into the per-layer gradient.
  if (gradient->layers.size() != steps.size())
    gradient->layers.resize(steps.size());
  for (const MeshPlan &p : meshes) {
    LayerGradient &lg = gradient->layers[p.layer];
    lg.theta.assign(total.begin() + p.param, total.begin() + p.param + p.count);
    lg.phi.assign(total.begin() + p.param + p.count,
                  total.begin() + p.param + 2 * p.count);
    lg.outputPhases.assign(total.begin() + p.param + 2 * p.count,
                           total.begin() + p.param + 2 * p.count + p.modes);
  }
  for (const DiagonalPlan &p : diagonals) {
    LayerGradient &lg = gradient->layers[p.layer];
    lg.theta.assign(total.begin() + p.param, total.begin() + p.param + p.count);
    lg.gain = total[p.param + p.count];
  }
  for (const AdapterPlan &p : adapters) {
    LayerGradient &lg = gradient->layers[p.layer];
    lg.adapterA.resize(p.rank, p.width);
    lg.adapterB.resize(p.outputs, p.rank);
    const double *t = total.data() + p.param;
    for (int r = 0; r < p.rank; ++r)
      for (int c = 0; c < p.width; ++c, t += 2)
        lg.adapterA(r, c) = {t[0], t[1]};
    for (int i = 0; i < p.outputs; ++i)
      for (int r = 0; r < p.rank; ++r, t += 2)
        lg.adapterB(i, r) = {t[0], t[1]};
  }
  return stats;
}

GradientEngine::GradientEngine(const Program &program, int threads)
    : impl(std::make_unique<Impl>(program, threads)) {}
GradientEngine::~GradientEngine() = default;

void GradientEngine::setParameters(const Program &program) {
  impl->setParameters(program);
}

void GradientEngine::setForwardNoise(const ForwardNoise &noise) {
  impl->noise = noise;
}

int GradientEngine::threads() const { return impl->threads; }

namespace {
/// 0, 1, …, n−1 in a buffer reused across calls of one thread.
llvm::ArrayRef<int> allColumns(Eigen::Index n) {
  thread_local std::vector<int> indices;
  if (indices.size() != static_cast<size_t>(n)) {
    indices.resize(n);
    for (Eigen::Index i = 0; i < n; ++i)
      indices[i] = static_cast<int>(i);
  }
  return indices;
}
} // namespace

BatchStats GradientEngine::lossAndGradient(const Eigen::MatrixXcd &inputs,
                                           llvm::ArrayRef<int> labels,
                                           llvm::ArrayRef<int> indices,
                                           ProgramGradient &gradient) {
  return impl->run(inputs, labels, indices, &gradient);
}

BatchStats GradientEngine::lossAndGradient(const Eigen::MatrixXcd &inputs,
                                           llvm::ArrayRef<int> labels,
                                           ProgramGradient &gradient) {
  return impl->run(inputs, labels, allColumns(inputs.cols()), &gradient);
}

BatchStats GradientEngine::evaluate(const Eigen::MatrixXcd &inputs,
                                    llvm::ArrayRef<int> labels,
                                    llvm::ArrayRef<int> indices) {
  return impl->run(inputs, labels, indices, nullptr);
}

BatchStats GradientEngine::evaluate(const Eigen::MatrixXcd &inputs,
                                    llvm::ArrayRef<int> labels) {
  return impl->run(inputs, labels, allColumns(inputs.cols()), nullptr);
}

llvm::Expected<double> computeLossAndGradient(const Program &program,
                                              const Eigen::MatrixXcd &inputs,
                                              llvm::ArrayRef<int> labels,
                                              ProgramGradient &gradient,
                                              int threads) {
  if (llvm::Error e = checkTrainable(program))
    return std::move(e);
  if (llvm::Error e = checkDataset(program, inputs, labels))
    return std::move(e);
  GradientEngine engine(program, threads);
  return engine.lossAndGradient(inputs, labels, gradient).loss;
}

double crossEntropyLoss(const Program &program, const Eigen::MatrixXcd &inputs,
                        llvm::ArrayRef<int> labels) {
  const Eigen::MatrixXcd y = simulate(program, inputs);
  double loss = 0.0;
  for (Eigen::Index b = 0; b < y.cols(); ++b) {
    double top = y(0, b).real();
    for (Eigen::Index j = 1; j < y.rows(); ++j)
      top = std::max(top, y(j, b).real());
    double sum = 0.0;
    for (Eigen::Index j = 0; j < y.rows(); ++j)
      sum += std::exp(y(j, b).real() - top);
    loss += top + std::log(sum) - y(labels[b], b).real();
  }
  return y.cols() > 0 ? loss / y.cols() : 0.0;
}

} // namespace photon::runtime
