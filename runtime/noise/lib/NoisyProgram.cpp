//===- NoisyProgram.cpp - Drawing a chip and running a program on it ------===//
//
// Static noise (sampleStaticNoise and realize: one chip's phases, couplers,
// crosstalk and losses, drawn once) and dynamic noise (simulateNoisy: per
// run weight, converter and detector terms) for the model of NoiseModel.h;
// formulas in docs/noise.md.
//
//===----------------------------------------------------------------------===//
#include "photon/Runtime/NoiseModel.h"

#include "photon/Runtime/MonteCarlo.h"

#include "photon/Runtime/Convention.h"
#include "photon/Runtime/Limits.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <utility>

namespace photon::runtime {

namespace {

//===----------------------------------------------------------------------===//
// Draws
//===----------------------------------------------------------------------===//

/// A standard normal truncated to [−3, 3] (rejection; accepts 99.73 %).
double truncatedNormal(Random &random) {
  for (;;) {
    const double z = random.normal();
    if (std::abs(z) <= 3.0)
      return z;
  }
}

/// Two independent standard normals by Marsaglia's polar method (one log
/// and one square root per pair, no trigonometry): the per-sample draws of
/// the dynamic components are the hot path of a Monte Carlo run.
std::pair<double, double> normalPair(Random &random) {
  for (;;) {
    const double u = 2.0 * random.uniform() - 1.0;
    const double v = 2.0 * random.uniform() - 1.0;
    const double s = u * u + v * v;
    if (s >= 1.0 || s == 0.0)
      continue;
    const double f = std::sqrt(-2.0 * std::log(s) / s);
    return {u * f, v * f};
  }
}

double couplerRatio(Random &random, double sigma) {
  return std::clamp(0.5 + sigma * truncatedNormal(random), 0.0, 1.0);
}

bool isLinear(LayerKind kind) {
  return kind == LayerKind::Mesh || kind == LayerKind::Diagonal;
}

/// Shifter count of a layer (mask order), 0 for layers without shifters.
int shifterCount(const Layer &layer) {
  if (layer.kind == LayerKind::Mesh)
    return layer.mesh.shifterCount();
  if (layer.kind == LayerKind::Diagonal)
    return static_cast<int>(layer.diagonal.theta.size());
  return 0;
}

/// Couplers pairs of a layer: one per MZI or attenuator.
int deviceCount(const Layer &layer) {
  if (layer.kind == LayerKind::Mesh)
    return layer.mesh.mziCount();
  if (layer.kind == LayerKind::Diagonal)
    return static_cast<int>(layer.diagonal.theta.size());
  return 0;
}

/// Pointers to the phases of a layer in mask order.
llvm::SmallVector<double *, 0> phasePointers(Layer &layer) {
  llvm::SmallVector<double *, 0> out;
  if (layer.kind == LayerKind::Mesh) {
    for (double &p : layer.mesh.theta)
      out.push_back(&p);
    for (double &p : layer.mesh.phi)
      out.push_back(&p);
    for (double &p : layer.mesh.outputPhases)
      out.push_back(&p);
  } else if (layer.kind == LayerKind::Diagonal) {
    for (double &p : layer.diagonal.theta)
      out.push_back(&p);
  }
  return out;
}

const std::vector<uint8_t> &layerMask(const Layer &layer) {
  return layer.kind == LayerKind::Mesh ? layer.mesh.mask
                                       : layer.diagonal.mask;
}

/// Neighbours i ± 1 of a row of n devices (the Σ attenuators).
std::vector<std::vector<int>> rowNeighbours(int n) {
  std::vector<std::vector<int>> adj(n);
  for (int i = 0; i < n; ++i) {
    if (i > 0)
      adj[i].push_back(i - 1);
    if (i + 1 < n)
      adj[i].push_back(i + 1);
  }
  return adj;
}

/// The phase pipeline on one layer's shifters (see applyPhaseNoise).
void perturbLayer(Layer &layer, const LayerNoiseSample &draws,
                  const NoiseModel &model) {
  llvm::SmallVector<double *, 0> phases = phasePointers(layer);
  const int n = static_cast<int>(phases.size());
  if (n == 0)
    return;
  const std::vector<uint8_t> &mask = layerMask(layer);
  auto live = [&](int i) { return mask.empty() || mask[i] != 0; };
  assert(draws.gamma.empty() || static_cast<int>(draws.gamma.size()) == n);
  assert(draws.phaseError.empty() ||
         static_cast<int>(draws.phaseError.size()) == n);

  // Programmed phase p (DAC), then the drifted phase v = γ·p.
  std::vector<double> programmed(n, 0.0), drifted(n, 0.0);
  for (int i = 0; i < n; ++i) {
    if (!live(i))
      continue;
    const double phase = *phases[i];
    programmed[i] = model.phaseBits > 0
                        ? quantizePhase(phase, model.phaseBits).phase
                        : wrapPhase(phase);
    drifted[i] = draws.gamma.empty() ? programmed[i]
                                     : draws.gamma[i] * programmed[i];
  }
  std::vector<std::vector<int>> adjacency;
  if (model.crosstalk > 0.0)
    adjacency = layer.kind == LayerKind::Mesh
                    ? crosstalkNeighbours(layer.mesh.topology, layer.mesh.modes)
                    : rowNeighbours(n);
  // Eq. 6 of the SZO-SCD paper: ω_ij = 0 when φ_j is passive. A mesh that
  // carries an active set (Mesh::active) heats only its active shifters;
  // the others are fixed, unheated devices and never aggressors. Without an
  // active set every live heated shifter is one (Σ attenuators always: the
  // paper keeps Σ active).
  const std::vector<uint8_t> *activeSet =
      layer.kind == LayerKind::Mesh && !layer.mesh.active.empty()
          ? &layer.mesh.active
          : nullptr;
  auto aggressor = [&](int j) {
    if (!live(j) || programmed[j] == 0.0)
      return false;
    return !activeSet ||
           (j < static_cast<int>(activeSet->size()) && (*activeSet)[j] != 0);
  };
  const bool keepPruned = model.keepPruned != 0.0;
  for (int i = 0; i < n; ++i) {
    if (!live(i) && !keepPruned) {
      *phases[i] = 0.0;
      continue;
    }
    // A kept pruned shifter: programmed 0, unheated (never an aggressor).
    double phase = drifted[i];
    if (!adjacency.empty()) {
      // Φ_c = Ω Φ_v: only active (live, heated, tunable) aggressors.
      double heat = 0.0;
      for (int j : adjacency[i])
        if (aggressor(j))
          heat += drifted[j];
      phase += model.crosstalk * heat;
    }
    if (!draws.phaseError.empty())
      phase += draws.phaseError[i];
    *phases[i] = phase;
  }
}

/// Applies layer `index` of `noisy` to the batch `x` in place (the same
/// kernels as simulate() when no transfer matrix is set).
void applyLayer(const NoisyProgram &noisy, size_t index, Eigen::MatrixXcd &x) {
  const Layer &layer = noisy.program.layers[index];
  switch (layer.kind) {
  case LayerKind::Encode:
    break;
  case LayerKind::Mesh:
    if (noisy.meshTransfer[index].size() != 0)
      x = noisy.meshTransfer[index] * x;
    else
      applyMesh(noisy.prepared[index], x);
    break;
  case LayerKind::Diagonal: {
    const Eigen::VectorXcd &d = noisy.diagonalTransfer[index];
    if (d.size() == 0) {
      applyDiagonal(layer.diagonal, x, x);
      break;
    }
    Eigen::MatrixXcd out = Eigen::MatrixXcd::Zero(layer.outputs, x.cols());
    for (Eigen::Index i = 0; i < d.size(); ++i)
      out.row(i) = d[i] * x.row(i);
    x.swap(out);
    break;
  }
  case LayerKind::Activation:
    if (layer.activation != Activation::Identity)
      x = x.unaryExpr([&](std::complex<double> z) {
        return applyActivation(layer.activation, z);
      });
    break;
  case LayerKind::Detect:
    x = x.cwiseAbs2().cast<std::complex<double>>();
    break;
  case LayerKind::Oeo:
  case LayerKind::Readout:
    // Ideal converters: the noise model has no ADC/DAC noise of its own yet.
    applyBoundary(layer.boundary, x);
    break;
  case LayerKind::Adapter:
    // Needs its source field: applied by simulateNoisy itself.
    assert(false && "adapters are applied by simulateNoisy");
    break;
  }
}

/// True when a later adapter reads the output of layer `index`.
bool feedsAdapter(const Program &program, size_t index) {
  for (size_t later = index + 1; later < program.layers.size(); ++later)
    if (program.layers[later].kind == LayerKind::Adapter &&
        program.layers[later].adapter.source == static_cast<int>(index))
      return true;
  return false;
}

bool endsBlock(const Program &program, size_t index) {
  return isLinear(program.layers[index].kind) &&
         (index + 1 == program.layers.size() ||
          !isLinear(program.layers[index + 1].kind));
}

/// The last layer of the linear block starting at `first`.
size_t blockEnd(const Program &program, size_t first) {
  size_t last = first;
  while (!endsBlock(program, last))
    ++last;
  return last;
}

/// Linear blocks up to this width are collapsed into one dense matrix per
/// noisy chip (wider ones without coupler error or loss keep the mesh
/// kernel, whose cost does not grow with a per-chip O(N³) set-up).
constexpr int kDenseWidth = 64;

bool startsBlock(const Program &program, size_t index) {
  return isLinear(program.layers[index].kind) &&
         (index == 0 || !isLinear(program.layers[index - 1].kind));
}

} // namespace

//===----------------------------------------------------------------------===//
// Devices
//===----------------------------------------------------------------------===//

Eigen::Matrix2cd couplerMatrix(double barRatio) {
  const double t = std::sqrt(barRatio), k = std::sqrt(1.0 - barRatio);
  Eigen::Matrix2cd b;
  b << Complex(t, 0.0), Complex(0.0, k), Complex(0.0, k), Complex(t, 0.0);
  return b;
}

Eigen::Matrix2cd noisyMziTransfer(double theta, double phi, double ratioIn,
                                  double ratioOut, double lossDb) {
  const double a = std::pow(10.0, -lossDb / 20.0);
  Eigen::Matrix2cd pTheta = Eigen::Matrix2cd::Identity();
  pTheta(0, 0) = std::polar(1.0, theta);
  Eigen::Matrix2cd pPhi = Eigen::Matrix2cd::Identity();
  pPhi(0, 0) = std::polar(1.0, phi);
  return a * (couplerMatrix(ratioOut) * pTheta * couplerMatrix(ratioIn) * pPhi);
}

std::complex<double> noisyAttenuatorTransmission(double theta, double ratioIn,
                                                 double ratioOut,
                                                 double lossDb) {
  const double a = std::pow(10.0, -lossDb / 20.0);
  const double up = std::sqrt(ratioIn * (1.0 - ratioOut));
  const double down = std::sqrt(ratioOut * (1.0 - ratioIn));
  return a * (up * std::polar(1.0, 0.5 * theta) +
              down * std::polar(1.0, -0.5 * theta));
}

std::vector<std::vector<int>> crosstalkNeighbours(Topology topology,
                                                  int modes) {
  // Layout order lists each column's MZIs by top mode, so the neighbours of
  // MZI k in its column, on modes m ± 2, are MZIs k − 1 and k + 1.
  const std::vector<MziSite> sites = meshLayout(topology, modes);
  const int k = static_cast<int>(sites.size());
  std::vector<std::vector<int>> adj(2 * k + modes);
  auto sameColumn = [&](int a, int b) {
    return sites[a].column == sites[b].column &&
           std::abs(sites[a].mode - sites[b].mode) == 2;
  };
  for (int j = 0; j < k; ++j)
    for (int other : {j - 1, j + 1})
      if (other >= 0 && other < k && sameColumn(j, other)) {
        adj[j].push_back(other);         // θ
        adj[k + j].push_back(k + other); // φ
      }
  for (int i = 0; i < modes; ++i) {
    if (i > 0)
      adj[2 * k + i].push_back(2 * k + i - 1);
    if (i + 1 < modes)
      adj[2 * k + i].push_back(2 * k + i + 1);
  }
  return adj;
}

//===----------------------------------------------------------------------===//
// Static noise
//===----------------------------------------------------------------------===//

StaticNoiseSample sampleStaticNoise(const Program &program,
                                    const NoiseModel &model, Random &random) {
  // One independent stream per component, always seeded in this order.
  Random gammaRandom(random.next());
  Random phaseRandom(random.next());
  Random couplerRandom(random.next());
  StaticNoiseSample sample;
  sample.layers.resize(program.layers.size());
  for (size_t l = 0; l < program.layers.size(); ++l) {
    const Layer &layer = program.layers[l];
    LayerNoiseSample &draws = sample.layers[l];
    const int shifters = shifterCount(layer);
    if (model.gammaSigma > 0.0) {
      draws.gamma.resize(shifters);
      for (double &g : draws.gamma)
        g = 1.0 + model.gammaSigma * truncatedNormal(gammaRandom);
    }
    if (model.phaseSigma > 0.0) {
      draws.phaseError.resize(shifters);
      for (double &e : draws.phaseError)
        e = model.phaseSigma * phaseRandom.normal();
    }
    if (model.couplerSigma > 0.0) {
      const int devices = deviceCount(layer);
      draws.ratioIn.resize(devices);
      draws.ratioOut.resize(devices);
      for (int k = 0; k < devices; ++k) {
        draws.ratioIn[k] = couplerRatio(couplerRandom, model.couplerSigma);
        draws.ratioOut[k] = couplerRatio(couplerRandom, model.couplerSigma);
      }
    }
  }
  return sample;
}

void applyPhaseNoise(Program &program, const StaticNoiseSample &sample,
                     const NoiseModel &model) {
  if (!model.hasPhaseNoise())
    return;
  assert(sample.layers.size() == program.layers.size());
  for (size_t l = 0; l < program.layers.size(); ++l)
    perturbLayer(program.layers[l], sample.layers[l], model);
}

std::function<void(Program &, int64_t)> phaseNoiseHook(const NoiseModel &model,
                                                      uint64_t seed) {
  if (!model.hasPhaseNoise())
    return nullptr;
  return [model, seed](Program &forward, int64_t step) {
    Random random(trialSeed(seed, static_cast<uint64_t>(step)));
    StaticNoiseSample sample = sampleStaticNoise(forward, model, random);
    applyPhaseNoise(forward, sample, model);
  };
}

NoisyProgram realize(const Program &program, const StaticNoiseSample &sample,
                     const NoiseModel &model) {
  NoisyProgram noisy;
  noisy.program = program;
  applyPhaseNoise(noisy.program, sample, model);
  const size_t count = program.layers.size();
  noisy.prepared.resize(count);
  noisy.meshTransfer.resize(count);
  noisy.diagonalTransfer.resize(count);
  noisy.blockFullScale.assign(count, 0.0);
  const bool explicitDevices = model.needsTransferMatrices();
  for (size_t l = 0; l < count; ++l) {
    const Layer &layer = noisy.program.layers[l];
    const LayerNoiseSample &draws = sample.layers[l];
    auto ratioIn = [&](int k) {
      return draws.ratioIn.empty() ? 0.5 : draws.ratioIn[k];
    };
    auto ratioOut = [&](int k) {
      return draws.ratioOut.empty() ? 0.5 : draws.ratioOut[k];
    };
    if (layer.kind == LayerKind::Mesh) {
      const Mesh &mesh = layer.mesh;
      if (!explicitDevices) {
        noisy.prepared[l] = prepareMesh(mesh);
        continue;
      }
      // U = D · T_K ⋯ T_1 with every T_k built from its own couplers.
      const int n = mesh.modes;
      Eigen::MatrixXcd u = Eigen::MatrixXcd::Identity(n, n);
      std::vector<MziSite> sites = meshLayout(mesh.topology, n);
      for (size_t k = 0; k < sites.size(); ++k) {
        const int m = sites[k].mode;
        const Eigen::Matrix2cd t =
            noisyMziTransfer(mesh.theta[k], mesh.phi[k], ratioIn(int(k)),
                             ratioOut(int(k)), model.lossDb);
        for (int col = 0; col < n; ++col) {
          const Complex a = u(m, col), b = u(m + 1, col);
          u(m, col) = t(0, 0) * a + t(0, 1) * b;
          u(m + 1, col) = t(1, 0) * a + t(1, 1) * b;
        }
      }
      for (int row = 0; row < n; ++row)
        u.row(row) *= std::polar(1.0, mesh.outputPhases[row]);
      noisy.meshTransfer[l] = std::move(u);
    } else if (layer.kind == LayerKind::Diagonal && explicitDevices) {
      const Diagonal &d = layer.diagonal;
      Eigen::VectorXcd t(static_cast<Eigen::Index>(d.theta.size()));
      for (size_t k = 0; k < d.theta.size(); ++k) {
        // An eliminated attenuator is a plain waveguide: no coupler, no loss.
        const bool live = d.mask.empty() || d.mask[k] != 0;
        t[k] = d.gain * (live ? noisyAttenuatorTransmission(
                                    d.theta[k], ratioIn(int(k)),
                                    ratioOut(int(k)), model.lossDb)
                              : Complex(1.0, 0.0));
      }
      noisy.diagonalTransfer[l] = std::move(t);
    }
  }
  // Linear blocks: collapsed into one dense matrix when the chip is noisy
  // (see NoisyProgram::blockTransfer); their full scale for the weight
  // error.
  const bool collapse = model.hasStaticNoise();
  noisy.blockTransfer.resize(count);
  for (size_t first = 0; first < count; ++first) {
    if (!startsBlock(noisy.program, first))
      continue;
    const size_t last = blockEnd(noisy.program, first);
    // An adapter reading a field inside the block needs the layer kernels.
    bool inner = false;
    for (size_t j = first; j < last; ++j)
      inner |= feedsAdapter(noisy.program, j);
    int width = 0;
    for (size_t j = first; j <= last; ++j)
      width = std::max({width, noisy.program.layers[j].inputs,
                        noisy.program.layers[j].outputs});
    const bool dense =
        collapse && !inner && (explicitDevices || width <= kDenseWidth);
    if (!dense && model.weightSigma <= 0.0)
      continue;
    // The block applied to the identity, column by column.
    const int inputs = noisy.program.layers[first].inputs;
    Eigen::MatrixXcd w = Eigen::MatrixXcd::Identity(inputs, inputs);
    for (size_t j = first; j <= last; ++j)
      applyLayer(noisy, j, w);
    noisy.blockFullScale[last] = w.size() ? w.cwiseAbs().maxCoeff() : 0.0;
    if (dense)
      noisy.blockTransfer[first] = std::move(w);
  }
  return noisy;
}

NoisyProgram sampleNoisyProgram(const Program &program,
                                const NoiseModel &model, Random &random) {
  return realize(program, sampleStaticNoise(program, model, random), model);
}

//===----------------------------------------------------------------------===//
// Dynamic noise
//===----------------------------------------------------------------------===//

Eigen::MatrixXcd simulateNoisy(const NoisyProgram &noisy,
                               const Eigen::MatrixXcd &inputs,
                               const NoiseModel &model, Random &random) {
  const Program &program = noisy.program;
  assert(inputs.rows() == program.inputs);
  assert(noisy.prepared.size() == program.layers.size() &&
         noisy.blockTransfer.size() == program.layers.size());
  // One independent stream per component, always seeded in this order.
  Random weightRandom(random.next());
  Random detectorRandom(random.next());
  Eigen::MatrixXcd x = inputs;
  if (model.inputBits > 0)
    quantizeComplexColumns(x, model.inputBits);
  // The fields adapters read (the program input for source -1).
  const bool adapters = program.hasAdapters();
  std::vector<Eigen::MatrixXcd> saved(adapters ? program.layers.size() : 0);
  const Eigen::MatrixXcd programInput = adapters ? x : Eigen::MatrixXcd();
  Eigen::VectorXd blockInputNorm;
  for (size_t l = 0; l < program.layers.size(); ++l) {
    const Layer &layer = program.layers[l];
    if (model.weightSigma > 0.0 && startsBlock(program, l))
      blockInputNorm = x.colwise().norm().transpose();
    if (noisy.blockTransfer[l].size() != 0) {
      // A collapsed linear block: one dense product, then its last layer.
      x = noisy.blockTransfer[l] * x;
      l = blockEnd(program, l);
    } else if (layer.kind == LayerKind::Adapter) {
      // The digital branch (docs/noise.md): x_source through the input
      // converter, B·A·x exactly, the correction through the output
      // converter, added to the field; no analog weight error.
      const Adapter &adapter = layer.adapter;
      Eigen::MatrixXcd source =
          adapter.source < 0 ? programInput : saved[adapter.source];
      if (model.inputBits > 0)
        quantizeComplexColumns(source, model.inputBits);
      Eigen::MatrixXcd correction = adapter.b * (adapter.a * source);
      if (model.outputBits > 0)
        quantizeComplexColumns(correction, model.outputBits);
      x += correction;
    } else {
      applyLayer(noisy, l, x);
    }
    if (layer.kind == LayerKind::Detect && model.detectorSigma > 0.0) {
      for (Eigen::Index c = 0; c < x.cols(); ++c) {
        const double scale =
            model.detectorSigma * (x.rows() ? x.col(c).real().maxCoeff() : 0);
        for (Eigen::Index r = 0; r < x.rows(); r += 2) {
          auto [z0, z1] = normalPair(detectorRandom);
          x(r, c) += scale * z0;
          if (r + 1 < x.rows())
            x(r + 1, c) += scale * z1;
        }
      }
    }
    if (model.weightSigma > 0.0 && endsBlock(program, l)) {
      // (W + δW) x = W x + n: n_i circular complex Gaussian with
      // E|n_i|² = (σ_W · max|W| · ‖x‖)², i.e. σ/√2 per real component.
      const double scale =
          model.weightSigma * noisy.blockFullScale[l] / std::sqrt(2.0);
      for (Eigen::Index c = 0; c < x.cols(); ++c) {
        const double s = scale * blockInputNorm[c];
        for (Eigen::Index r = 0; r < x.rows(); ++r) {
          auto [re, im] = normalPair(weightRandom);
          x(r, c) += std::complex<double>(s * re, s * im);
        }
      }
    }
    if (adapters && feedsAdapter(program, l))
      saved[l] = x;
  }
  if (model.outputBits > 0) {
    if (program.electricalOutputs())
      quantizeIntensityColumns(x, model.outputBits);
    else
      quantizeComplexColumns(x, model.outputBits);
  }
  return x;
}

} // namespace photon::runtime
