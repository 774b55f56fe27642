//===- LowRankAdapt.cpp - ALoRA: low-rank adapters on a frozen network ----===//
//
// Inserts a `photonic.adapter` after every linear block (one lowered dense
// layer) and trains only the adapters, with noise- and quantization-aware
// forward passes; see the pass description in Passes.td and docs/noise.md.
//
//===----------------------------------------------------------------------===//
#include "TrainingSession.h"

#include "photon/Transforms/PassLocation.h"
#include "photon/Bridge/RuntimeBridge.h"
#include "photon/Dialect/PhotonicOps.h"
#include "photon/Transforms/Passes.h"

#include "photon/Runtime/Gradient.h"
#include "photon/Runtime/NoiseModel.h"
#include "photon/Runtime/Random.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>

namespace photon {
#define GEN_PASS_DEF_LOWRANKADAPT
#include "photon/Transforms/Passes.h.inc"
} // namespace photon

using namespace mlir;
using namespace photon;

namespace {

/// A linear block of the chain: its first and last op (meshes and Σ).
struct Block {
  Operation *first = nullptr;
  Operation *last = nullptr;
  /// The adapter already following the block, if any.
  AdapterOp adapter;
  int64_t layer = 0;
};

bool isLinear(Operation &op) { return llvm::isa<MeshOp, DiagonalOp>(op); }

std::optional<int64_t> layerAttr(Operation *op) {
  if (auto mesh = llvm::dyn_cast<MeshOp>(op))
    return mesh.getLayer();
  if (auto diagonal = llvm::dyn_cast<DiagonalOp>(op))
    return diagonal.getLayer();
  return std::nullopt;
}

std::vector<Block> findBlocks(func::FuncOp func) {
  std::vector<Block> blocks;
  Operation *previous = nullptr;
  for (Operation &op : func.getBody().front()) {
    const bool linear = isLinear(op);
    if (linear && !(previous && isLinear(*previous))) {
      Block block;
      block.first = &op;
      block.layer = layerAttr(&op).value_or(
          static_cast<int64_t>(blocks.size()));
      blocks.push_back(block);
    }
    if (linear)
      blocks.back().last = &op;
    if (auto adapter = llvm::dyn_cast<AdapterOp>(op))
      if (previous && isLinear(*previous) && !blocks.empty() &&
          blocks.back().last == previous &&
          adapter.getBase() == previous->getResult(0))
        blocks.back().adapter = adapter;
    previous = &op;
  }
  return blocks;
}

int64_t widthOf(Value value) {
  return llvm::cast<FieldType>(value.getType()).getModes();
}

struct LowRankAdaptPass
    : public photon::impl::LowRankAdaptBase<LowRankAdaptPass> {
  using LowRankAdaptBase::LowRankAdaptBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    auto fail = [&](const llvm::Twine &message) {
      mlir::emitError(networkLocation(module))
          << "photonic-lowrank-adapt: " << message;
      signalPassFailure();
    };
    llvm::Expected<runtime::NoiseModel> model =
        runtime::parseNoiseModel(noise);
    if (!model)
      return fail("bad 'noise': " + llvm::toString(model.takeError()));
    if (rank < 1)
      return fail("'rank' must be >= 1, got " + llvm::Twine(rank.getValue()));
    if (evalTrials < 1 || evalTrials > runtime::kMaxTrials)
      return fail("'eval-trials' must be in 1.." +
                  llvm::Twine(runtime::kMaxTrials) + ", got " +
                  llvm::Twine(evalTrials.getValue()));

    FailureOr<TrainingSession> session = TrainingSession::open(
        module, "photonic-lowrank-adapt", PHOTON_TRAINING_KNOBS(),
        /*allowZeroEpochs=*/true);
    if (failed(session))
      return signalPassFailure();
    func::FuncOp func = session->function();
    std::vector<Block> blocks = findBlocks(func);
    if (blocks.empty())
      return fail("the network has no dense layer (mesh or diagonal ops) to "
                  "adapt");
    for (const Block &block : blocks) {
      if (block.adapter)
        continue;
      const int64_t n = widthOf(block.first->getOperand(0));
      const int64_t m = widthOf(block.last->getResult(0));
      if (rank > std::min(m, n))
        return fail("'rank' is " + llvm::Twine(rank.getValue()) +
                    " but dense layer " + llvm::Twine(block.layer) + " is " +
                    llvm::Twine(m) + "x" + llvm::Twine(n) +
                    " (the rank must be <= min(M, N))");
    }

    // Before: the network as deployed (with any adapters it already has).
    const uint64_t seed = static_cast<uint64_t>(noiseSeed.getValue());
    auto before = session->noisyTestAccuracy(session->program(), *model,
                                             evalTrials, seed);
    if (!before)
      return fail(llvm::toString(before.takeError()));
    const int phaseParameters =
        runtime::phaseParameterCount(session->program());

    // Insert the missing adapters: A ~ CN(0, 1/N) per entry, B = 0.
    runtime::Random random(runtime::trialSeed(
        static_cast<uint64_t>(this->seed.getValue()), 0x616c6f7261ULL));
    int added = 0;
    for (const Block &block : blocks) {
      if (block.adapter)
        continue;
      Value x = block.first->getOperand(0), y = block.last->getResult(0);
      const int64_t n = widthOf(x), m = widthOf(y);
      runtime::Adapter adapter;
      adapter.a.resize(rank, n);
      const double scale = 1.0 / std::sqrt(2.0 * static_cast<double>(n));
      for (Eigen::Index j = 0; j < adapter.a.size(); ++j)
        adapter.a(j) = {scale * random.normal(), scale * random.normal()};
      adapter.b = Eigen::MatrixXcd::Zero(m, rank);
      OpBuilder builder(block.last->getContext());
      builder.setInsertionPointAfter(block.last);
      AdapterOp op = createAdapter(builder, block.last->getLoc(), x, y,
                                   adapter, builder.getI64IntegerAttr(block.layer));
      y.replaceAllUsesExcept(op.getResult(), op);
      ++added;
    }
    FailureOr<runtime::Program> adapted = buildProgram(func);
    if (failed(adapted))
      return signalPassFailure();
    runtime::Program &program = session->program();
    program = std::move(*adapted);
    const int adapterParameters = runtime::adapterParameterCount(program);
    const double fraction =
        static_cast<double>(adapterParameters) /
        static_cast<double>(adapterParameters + phaseParameters);

    // Train the adapters only (frozen phases), with the dynamic components
    // of the noise in each forward pass and, for its static phase
    // components, a fresh chip per mini-batch (as photonic-noise-aware-train).
    const runtime::NoiseModel noiseModel = *model;
    auto adapterOnly = [&](runtime::TrainOptions &o) {
      o.freezePhases = true;
      o.forwardNoise.inputBits = noiseModel.inputBits;
      o.forwardNoise.outputBits = noiseModel.outputBits;
      o.forwardNoise.weightSigma = noiseModel.weightSigma;
      o.forwardNoise.seed = runtime::trialSeed(seed, 0x6164617074ULL);
      o.perturb = runtime::phaseNoiseHook(noiseModel, seed ^ 0x6e6f697365ULL);
    };
    if (llvm::Error error = session->train(program, adapterOnly))
      return fail(llvm::toString(std::move(error)));
    if (failed(session->write(program)))
      return signalPassFailure();

    auto after = session->noisyTestAccuracy(program, *model, evalTrials, seed);
    if (!after)
      return fail(llvm::toString(after.takeError()));
    llvm::errs() << llvm::format(
                        "photonic-lowrank-adapt: rank %d adapters on %d dense "
                        "layers (%d new), %d epochs on %s under %s\n"
                        "  trainable: %d adapter parameters, %.2f %% of %d "
                        "(%d phase parameters frozen)\n",
                        rank.getValue(), static_cast<int>(blocks.size()),
                        added, epochs.getValue(),
                        session->describeData().c_str(),
                        runtime::formatNoiseModel(*model).c_str(),
                        adapterParameters, 100.0 * fraction,
                        adapterParameters + phaseParameters, phaseParameters)
                 << TrainingSession::describeBeforeAfter(*before, *after);
    llvm::json::Object report{
        {"epochs", epochs.getValue()},
        {"rank", rank.getValue()},
        {"dense_layers", static_cast<int64_t>(blocks.size())},
        {"adapters_added", added},
        {"noise", runtime::formatNoiseModel(*model)},
        {"adapter_parameters", adapterParameters},
        {"phase_parameters", phaseParameters},
        {"trainable_fraction", fraction}};
    TrainingSession::addBeforeAfter(report, *before, *after);
    if (failed(session->writeReport(std::move(report))))
      return signalPassFailure();
  }

};

} // namespace
