//===- LotteryTicket.cpp - Lottery-ticket pruning of phase shifters -------===//
//
// See LotteryTicket.h and docs/pruning.md.
//
//===----------------------------------------------------------------------===//
#include "photon/Runtime/LotteryTicket.h"

#include "photon/Runtime/Metrics.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"

#include <algorithm>
#include <cmath>

namespace photon::runtime {

static llvm::Error makeError(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message.str());
}

//===----------------------------------------------------------------------===//
// Reset
//===----------------------------------------------------------------------===//

llvm::Error checkSameStructure(const Program &program, const Program &initial) {
  if (program.layers.size() != initial.layers.size())
    return makeError(
        llvm::formatv("initial program has {0} layers, expected {1}",
                      initial.layers.size(), program.layers.size()));
  for (size_t i = 0; i < program.layers.size(); ++i) {
    const Layer &a = program.layers[i];
    const Layer &b = initial.layers[i];
    auto mismatch = [&](llvm::StringRef what) {
      return makeError(
          llvm::formatv("initial program layers[{0}] ({1}) differs in {2}", i,
                        layerKindName(a.kind), what));
    };
    if (a.kind != b.kind)
      return mismatch("kind");
    if (a.inputs != b.inputs || a.outputs != b.outputs)
      return mismatch("width");
    if (a.kind == LayerKind::Mesh) {
      const Mesh &m = a.mesh, &n = b.mesh;
      if (m.topology != n.topology)
        return mismatch("topology");
      if (m.modes != n.modes || m.theta.size() != n.theta.size() ||
          m.phi.size() != n.phi.size() ||
          m.outputPhases.size() != n.outputPhases.size())
        return mismatch("size");
      if (!m.mask.empty() &&
          m.mask.size() != static_cast<size_t>(m.shifterCount()))
        return mismatch("mask size");
    } else if (a.kind == LayerKind::Diagonal) {
      const Diagonal &d = a.diagonal, &e = b.diagonal;
      if (d.theta.size() != e.theta.size())
        return mismatch("size");
      if (!d.mask.empty() && d.mask.size() != d.theta.size())
        return mismatch("mask size");
    }
  }
  return llvm::Error::success();
}

llvm::Error resetToInitial(Program &program, const Program &initial) {
  if (llvm::Error e = checkSameStructure(program, initial))
    return e;
  for (size_t l = 0; l < program.layers.size(); ++l) {
    Layer &layer = program.layers[l];
    const Layer &init = initial.layers[l];
    if (layer.kind == LayerKind::Mesh) {
      Mesh &mesh = layer.mesh;
      const Mesh &from = init.mesh;
      const int mzis = mesh.mziCount();
      auto live = [&](int index) {
        return mesh.mask.empty() || mesh.mask[index] != 0;
      };
      for (int k = 0; k < mzis; ++k) {
        mesh.theta[k] = live(k) ? from.theta[k] : 0.0;
        mesh.phi[k] = live(mzis + k) ? from.phi[k] : 0.0;
      }
      for (int i = 0; i < mesh.modes; ++i)
        mesh.outputPhases[i] = live(2 * mzis + i) ? from.outputPhases[i] : 0.0;
    } else if (layer.kind == LayerKind::Diagonal) {
      Diagonal &d = layer.diagonal;
      for (size_t i = 0; i < d.theta.size(); ++i)
        d.theta[i] =
            (d.mask.empty() || d.mask[i] != 0) ? init.diagonal.theta[i] : 0.0;
      d.gain = init.diagonal.gain;
    }
  }
  return llvm::Error::success();
}

//===----------------------------------------------------------------------===//
// The driver
//===----------------------------------------------------------------------===//

const char *lthStopName(LthStop stop) {
  switch (stop) {
  case LthStop::MinSparsity:
    return "min-sparsity";
  case LthStop::AccuracyLoss:
    return "accuracy-loss";
  case LthStop::MaxRounds:
    return "max-rounds";
  case LthStop::Exhausted:
    return "exhausted";
  }
  return "unknown";
}

static llvm::Error checkOptions(const LthOptions &options,
                                const LthCallbacks &callbacks) {
  if (options.rates.empty())
    return makeError("lottery-ticket pruning needs at least one rate");
  for (size_t i = 0; i < options.rates.size(); ++i)
    if (!(options.rates[i] > 0.0 && options.rates[i] < 1.0))
      return makeError(llvm::formatv(
          "lottery-ticket rate[{0}] is {1}, expected a value in (0, 1)", i,
          llvm::format("%g", options.rates[i])));
  if (options.maxRounds < 0)
    return makeError(
        llvm::formatv("lottery-ticket max rounds is {0}, expected a value >= 0",
                      options.maxRounds));
  if (!(options.maxAccuracyLoss >= 0.0))
    return makeError(llvm::formatv(
        "lottery-ticket max accuracy loss is {0}, expected a value >= 0",
        llvm::format("%g", options.maxAccuracyLoss)));
  if (std::isnan(options.minSparsity))
    return makeError("lottery-ticket min sparsity is NaN");
  if (options.retrainAttempts < 0)
    return makeError(llvm::formatv(
        "lottery-ticket retrain attempts is {0}, expected a value >= 0",
        options.retrainAttempts));
  if (!callbacks.train || !callbacks.evaluate)
    return makeError(
        "lottery-ticket pruning needs a train and an evaluate callback");
  if (options.retrainAttempts > 0 && !callbacks.retrain)
    return makeError("lottery-ticket retrain attempts need a retrain callback");
  return llvm::Error::success();
}

static void fillMetrics(LthRound &record, const Program &program,
                        const PowerModel &power) {
  NetworkMetrics m = computeMetrics(program, power);
  record.sparsity = m.prunable.sparsity();
  record.thetaSparsity = m.theta.sparsity();
  record.phiSparsity = m.phi.sparsity();
  for (const MeshMetrics &mesh : m.meshes)
    record.meshSparsity.push_back(mesh.prunable.sparsity());
  record.masked = m.prunable.masked;
  record.prunable = m.prunable.count;
  record.meanPhase = m.prunable.meanPhase();
  record.prunablePowerMw = m.prunable.powerMw;
  record.totalPowerMw = m.totalPowerMw();
}

llvm::Expected<LthResult> runLotteryTicket(Program &program,
                                           const Program &initial,
                                           const LthOptions &options,
                                           const LthCallbacks &callbacks) {
  if (llvm::Error e = checkOptions(options, callbacks))
    return std::move(e);
  if (llvm::Error e = checkSameStructure(program, initial))
    return std::move(e);

  LthResult result;
  Program best;
  double baseline = 0.0;
  double rate = 0.0;
  int pruned = 0;
  for (int r = 0;; ++r) {
    // Fig. 4 checks the sparsity of the ticket before entering the round;
    // a ticket that is sparse enough gets its final training (this round)
    // and ends the run.
    const bool sparseEnough =
        computeMetrics(program, options.power).prunable.sparsity() >=
        options.minSparsity;
    callbacks.train(program);
    applyMasks(program);
    LthRound record;
    record.round = r;
    record.rate = rate;
    record.pruned = pruned;
    record.accuracy = callbacks.evaluate(program);
    record.attemptAccuracies.push_back(record.accuracy);
    if (r == 0)
      baseline = record.accuracy;
    // NaN losses are not acceptable; round 0 always is.
    auto acceptable = [&] {
      return r == 0 || baseline - record.accuracy <= options.maxAccuracyLoss;
    };
    // [LTH] 3.2.2: adjust the training until the round is within the loss.
    for (int attempt = 1; !acceptable() && attempt <= options.retrainAttempts;
         ++attempt) {
      if (llvm::Error e = resetToInitial(program, initial))
        return std::move(e);
      callbacks.retrain(program, attempt);
      applyMasks(program);
      record.accuracy = callbacks.evaluate(program);
      record.attemptAccuracies.push_back(record.accuracy);
    }
    if (callbacks.report)
      record.testAccuracy = callbacks.report(program);
    record.accuracyLoss = baseline - record.accuracy;
    record.acceptable = acceptable();
    fillMetrics(record, program, options.power);
    result.rounds.push_back(record);
    if (callbacks.onRound)
      callbacks.onRound(record);
    if (record.acceptable) {
      best = program;
      result.bestRound = r;
    }
    if (!record.acceptable) {
      result.stop = LthStop::AccuracyLoss;
      break;
    }
    if (sparseEnough) {
      result.stop = LthStop::MinSparsity;
      break;
    }
    if (r == options.maxRounds) {
      result.stop = LthStop::MaxRounds;
      break;
    }
    rate = options.rates[std::min<size_t>(r, options.rates.size() - 1)];
    llvm::Expected<int> count =
        pruneBottomPercentile(program, rate, options.scope, options.criterion);
    if (!count)
      return count.takeError();
    pruned = *count;
    if (pruned == 0) {
      result.stop = LthStop::Exhausted;
      break;
    }
    if (llvm::Error e = resetToInitial(program, initial))
      return std::move(e);
  }

  program = std::move(best);
  if (callbacks.finalTrain) {
    if (llvm::Error e = resetToInitial(program, initial))
      return std::move(e);
    callbacks.finalTrain(program);
    applyMasks(program);
    result.finalAccuracy = callbacks.evaluate(program);
    if (callbacks.report)
      result.finalTestAccuracy = callbacks.report(program);
  }
  return result;
}

//===----------------------------------------------------------------------===//
// Reports
//===----------------------------------------------------------------------===//

/// A finite number, or null.
static llvm::json::Value optionalNumber(double value) {
  if (std::isfinite(value))
    return value;
  return nullptr;
}

llvm::json::Value toJson(const LthRound &r) {
  llvm::json::Array meshSparsity;
  for (double s : r.meshSparsity)
    meshSparsity.push_back(s);
  llvm::json::Array attempts;
  for (double a : r.attemptAccuracies)
    attempts.push_back(optionalNumber(a));
  return llvm::json::Object{{"round", r.round},
                            {"rate", r.rate},
                            {"pruned", r.pruned},
                            {"sparsity", r.sparsity},
                            {"theta_sparsity", r.thetaSparsity},
                            {"phi_sparsity", r.phiSparsity},
                            {"mesh_sparsity", std::move(meshSparsity)},
                            {"masked", r.masked},
                            {"prunable", r.prunable},
                            {"accuracy", r.accuracy},
                            {"accuracy_loss", r.accuracyLoss},
                            {"test_accuracy", optionalNumber(r.testAccuracy)},
                            {"mean_phase_rad", r.meanPhase},
                            {"prunable_power_mw", r.prunablePowerMw},
                            {"total_power_mw", r.totalPowerMw},
                            {"acceptable", r.acceptable},
                            {"attempt_accuracies", std::move(attempts)}};
}

llvm::json::Value toJson(const LthResult &result) {
  llvm::json::Array rounds;
  for (const LthRound &r : result.rounds)
    rounds.push_back(toJson(r));
  auto optional = [](const std::optional<double> &value) {
    return value ? optionalNumber(*value) : llvm::json::Value(nullptr);
  };
  return llvm::json::Object{
      {"rounds", std::move(rounds)},
      {"stop", lthStopName(result.stop)},
      {"best_round", result.bestRound},
      {"final_accuracy", optional(result.finalAccuracy)},
      {"final_test_accuracy", optional(result.finalTestAccuracy)}};
}

void printLthTable(const LthResult &result, llvm::raw_ostream &os) {
  os << "round  rate  pruned  sparsity  theta    phi      val_acc   loss     "
        "test_acc  mean_phase  power_mw  trainings\n";
  for (const LthRound &r : result.rounds)
    os << llvm::format(
        "%5d  %4.2f  %6d  %7.2f%%  %6.2f%%  %6.2f%%  %8.4f  "
        "%7.4f  %8.4f  %10.4f  %8.1f  %9zu%s\n",
        r.round, r.rate, r.pruned, 100.0 * r.sparsity, 100.0 * r.thetaSparsity,
        100.0 * r.phiSparsity, r.accuracy, r.accuracyLoss, r.testAccuracy,
        r.meanPhase, r.prunablePowerMw, r.attemptAccuracies.size(),
        r.round == result.bestRound ? "  *best" : "");
  os << "stop: " << lthStopName(result.stop)
     << ", best round: " << result.bestRound;
  if (result.finalAccuracy)
    os << llvm::format(", final accuracy: %.4f", *result.finalAccuracy);
  if (result.finalTestAccuracy)
    os << llvm::format(", final test accuracy: %.4f",
                       *result.finalTestAccuracy);
  os << "\n";
}

} // namespace photon::runtime
