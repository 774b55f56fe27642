//===- Gradient.cpp - Analytic phase gradients of a program ---------------===//
//
// See Gradient.h for the formulas and GradientKernels.h for the layout of a
// block of kGradientLanes samples and the per-layer kernels. The fields
// between layers are kept for the backward pass, except inside meshes,
// whose MZI inputs are rebuilt from their outputs (M⁻¹ = M†).
//
//===----------------------------------------------------------------------===//
#include "photon/Runtime/Gradient.h"

#include "GradientKernels.h"

#include "photon/Runtime/Convention.h"
#include "photon/Runtime/MeshLayout.h"
#include "photon/Runtime/NoiseModel.h"
#include "photon/Runtime/Random.h"
#include "photon/Runtime/Simulator.h"
#include "photon/Runtime/WorkerPool.h"


#include <algorithm>
#include <cassert>
#include <cmath>

namespace photon::runtime {

namespace {

using namespace gradient;

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

} // namespace

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
