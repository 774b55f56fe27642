//===- GradientKernels.h - Block kernels of the gradient engine -*- C++ -*-===//
//
// Private to runtime/training: the per-layer plans (precomputed
// coefficients) and the forward and backward kernels that Gradient.cpp's
// engine runs on one block of kGradientLanes samples. A block is held per
// mode as [re × L, im × L] doubles (structure of arrays), so that every
// lane loop vectorises. Formulas: Gradient.h.
//
//===----------------------------------------------------------------------===//

#ifndef PHOTON_RUNTIME_TRAINING_GRADIENTKERNELS_H
#define PHOTON_RUNTIME_TRAINING_GRADIENTKERNELS_H

#include "photon/Runtime/Convention.h"
#include "photon/Runtime/Gradient.h"
#include "photon/Runtime/NoiseModel.h"
#include "photon/Runtime/Simulator.h"

#include <algorithm>
#include <cmath>
#include <complex>
#include <vector>

namespace photon::runtime::gradient {

constexpr int L = GradientEngine::kGradientLanes;
/// Below this modulus the softplus and modulus activations pass no gradient.
constexpr double kSingularModulus = 1e-30;

/// Sum of the L lanes in a fixed order (a balanced tree).
inline double laneSum(const double *t) {
  static_assert(L == 8, "laneSum is written for 8 lanes");
  return ((t[0] + t[1]) + (t[2] + t[3])) + ((t[4] + t[5]) + (t[6] + t[7]));
}

//===----------------------------------------------------------------------===//
// Plans: the precomputed coefficients of each layer
//===----------------------------------------------------------------------===//

/// A mesh in phase-tracked form: MZI k is g_k·R(θ_k)·diag(w_k, 1), with
/// R real, w_k = e^{iφ_k} times the ratio of the unit-modulus phases its two
/// inputs carry, and the scalars g pushed to the output phases q. (The
/// inference kernel, PreparedMesh in Mesh.h, goes further and also folds
/// moduli into per-mode scalars; this form keeps the unit-modulus phases
/// the backward pass relies on.)
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

//===----------------------------------------------------------------------===//
// Block kernels (GradientKernels.cpp)
//===----------------------------------------------------------------------===//

void meshForward(const MeshPlan &p, double *__restrict f);

/// `y` is the mesh output (true frame), `t` scratch of the same size, `g`
/// the gradient at the output, replaced by the gradient at the input.
void meshBackward(const MeshPlan &p, const double *__restrict y,
                  double *__restrict t, double *__restrict g,
                  double *__restrict grad);

void diagonalForward(const DiagonalPlan &p, const double *__restrict in,
                     double *__restrict out);

void diagonalBackward(const DiagonalPlan &p, const double *__restrict x,
                      const double *__restrict gOut, double *__restrict gIn,
                      double *__restrict grad);

/// Applies the activation to `width` modes from `in` into `out` and saves
/// the backward coefficients into `side` (2 per element).
void activationForward(Activation a, int width, const double *__restrict in,
                       double *__restrict out, double *__restrict side);

/// An O-E-O boundary or readout on `width` modes: y = f(Re(x) + bias),
/// Im(y) = 0. Saves f'(pre) (element-wise) or the softmax p (softmax,
/// log_softmax) into `side` (1 per element).
void boundaryForward(const Boundary &b, int width, const double *__restrict in,
                     double *__restrict out, double *__restrict side);

/// In place: the gradient at the boundary's output becomes the gradient at
/// its input (zero imaginary part: the output depends on Re(x) only).
void boundaryBackward(const Boundary &b, int width,
                      const double *__restrict side, double *__restrict g);

/// In place: `g` (gradient at the output) becomes the gradient at the input.
void activationBackward(Activation a, int width, const double *__restrict x,
                        const double *__restrict side, double *__restrict g);

/// Per lane with s = max_i |z_i| over `width` modes: Re and Im of every
/// z_i through quantizeSigned(·, s, bits) (quantizeComplexColumns).
void quantizeLanes(double *__restrict f, int width, int bits);

/// out = in + B (A x) with x the source field. Saves the x used (after the
/// optional input converter) and h = A x into `side` (2·L·(N + k)).
void adapterForward(const AdapterPlan &p, const double *__restrict in,
                    const double *__restrict x, double *__restrict out,
                    double *__restrict side, const ForwardNoise &noise);

/// The adapter's parameter gradients and G_x (into `gx` when not null);
/// `g` (the gradient at the output, also the gradient at the input z) is
/// not changed. `gh` is scratch of 2·L·k.
void adapterBackward(const AdapterPlan &p, const double *__restrict side,
                     const double *__restrict g, double *__restrict gh,
                     double *__restrict gx, double *__restrict grad);

} // namespace photon::runtime::gradient

#endif // PHOTON_RUNTIME_TRAINING_GRADIENTKERNELS_H
