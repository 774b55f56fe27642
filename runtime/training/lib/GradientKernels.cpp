//===- GradientKernels.cpp - Block kernels of the gradient engine ---------===//
//
// The forward and backward kernels of one layer on one block of samples
// (GradientKernels.h); the formulas are in Gradient.h.
//
//===----------------------------------------------------------------------===//

#include "GradientKernels.h"

#include "photon/Runtime/MeshLayout.h"

#include <cassert>

namespace photon::runtime::gradient {

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
static void laneMatVec(int rows, int cols, const double *re, const double *im,
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
static void laneMatVecBackward(int rows, int cols, const double *re,
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


} // namespace photon::runtime::gradient
