//===- LotteryTicketTest.cpp - Reset to initial and the LTH driver --------===//
//
// The lottery-ticket driver ([LTH] Fig. 4) on hand-made programs with a
// fake trainer: the rate schedule, the stop rules, selection on the
// evaluate callback, and the reset of the survivors to their initial
// phases.
//
//===----------------------------------------------------------------------===//

#include "photon/Runtime/LotteryTicket.h"
#include "photon/Runtime/Convention.h"
#include "photon/Runtime/Metrics.h"
#include "photon/Runtime/Pruning.h"

#include "PruningTestUtil.h"

#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <limits>

using namespace photon::runtime;
using namespace photon::runtime::test;

namespace {

//===----------------------------------------------------------------------===//
// Reset to initial
//===----------------------------------------------------------------------===//

TEST(ResetToInitial, BitExactSurvivorsAndZeroPruned) {
  Program initial = randomProgram({4, 4}, 7);
  Program p = initial;
  // "Train": move every value, then prune some shifters.
  for (Layer &layer : p.layers) {
    for (double &t : layer.mesh.theta)
      t = wrapPhase(t + 0.123456789);
    for (double &f : layer.mesh.phi)
      f = wrapPhase(f - 0.3);
    for (double &o : layer.mesh.outputPhases)
      o = wrapPhase(o * 1.1);
    for (double &t : layer.diagonal.theta)
      t *= 0.5;
    layer.diagonal.gain *= 1.7;
  }
  ASSERT_TRUE(
      static_cast<bool>(pruneBottomPercentile(p, 0.3, PruneScope::Global)));
  p.layers[1].diagonal.mask = {1, 1, 0, 1};
  p.layers[1].diagonal.theta[2] = 0.0;
  std::vector<std::vector<uint8_t>> masks;
  for (const Layer &layer : p.layers)
    masks.push_back(layer.mesh.mask);

  ASSERT_FALSE(static_cast<bool>(resetToInitial(p, initial)));
  for (size_t l = 0; l < p.layers.size(); ++l) {
    const Layer &layer = p.layers[l];
    const Layer &init = initial.layers[l];
    EXPECT_EQ(layer.mesh.mask, masks[l]); // the ticket's masks are kept
    if (layer.kind == LayerKind::Mesh) {
      for (int i = 0; i < layer.mesh.shifterCount(); ++i) {
        double got = shifterPhase(layer.mesh, i);
        if (masked(layer.mesh, i))
          EXPECT_TRUE(sameBits(got, 0.0)) << l << ":" << i;
        else
          EXPECT_TRUE(sameBits(got, shifterPhase(init.mesh, i)))
              << l << ":" << i;
      }
    } else {
      for (size_t i = 0; i < layer.diagonal.theta.size(); ++i) {
        bool off = !layer.diagonal.mask.empty() && !layer.diagonal.mask[i];
        EXPECT_TRUE(sameBits(layer.diagonal.theta[i],
                             off ? 0.0 : init.diagonal.theta[i]));
      }
      EXPECT_TRUE(sameBits(layer.diagonal.gain, init.diagonal.gain));
    }
  }
  EXPECT_TRUE(masksHold(p));
}

TEST(ResetToInitial, StructureMismatch) {
  Program p = randomProgram({4, 4}, 1);
  Program other = randomProgram({3, 3}, 1);
  Program copy = p;
  EXPECT_EQ(errorText(resetToInitial(p, other)),
            "initial program layers[0] (mesh) differs in width");
  Program fewer = p;
  fewer.layers.pop_back();
  EXPECT_EQ(errorText(resetToInitial(p, fewer)),
            "initial program has 3 layers, expected 4");
  Program reck = p;
  reck.layers[2].mesh.topology = Topology::Reck;
  EXPECT_NE(errorText(resetToInitial(p, reck)), "");
  // Nothing changed.
  EXPECT_EQ(p.layers[0].mesh.theta, copy.layers[0].mesh.theta);
}

//===----------------------------------------------------------------------===//
// Lottery-ticket driver
//===----------------------------------------------------------------------===//

/// A deterministic fake trainer: shifts every live phase by 0.01 (never onto
/// 0 for these phases) and records the phases it was handed.
struct FakeTraining {
  const Program *initial = nullptr;
  int trainCalls = 0;
  int finalCalls = 0;
  bool handedInitial = true; // every call after round 0 saw the reset ticket
  std::function<double(double)> accuracyOfSparsity = [](double) { return 0.9; };

  void checkReset(const Program &p) {
    for (size_t l = 0; l < p.layers.size(); ++l) {
      if (p.layers[l].kind != LayerKind::Mesh)
        continue;
      const Mesh &mesh = p.layers[l].mesh;
      for (int i = 0; i < mesh.shifterCount(); ++i) {
        double expected =
            masked(mesh, i) ? 0.0 : shifterPhase(initial->layers[l].mesh, i);
        if (!sameBits(shifterPhase(mesh, i), expected))
          handedInitial = false;
      }
    }
  }

  LthCallbacks callbacks() {
    LthCallbacks c;
    c.train = [this](Program &p) {
      checkReset(p);
      ++trainCalls;
      for (Layer &layer : p.layers)
        if (layer.kind == LayerKind::Mesh) {
          for (double &t : layer.mesh.theta)
            t = t == 0.0 ? t : t + 0.01;
          for (double &f : layer.mesh.phi)
            f = f == 0.0 ? f : f + 0.01;
        }
    };
    c.evaluate = [this](const Program &p) {
      return accuracyOfSparsity(computeMetrics(p).prunable.sparsity());
    };
    return c;
  }
};

TEST(LotteryTicket, FollowsTheRateSchedule) {
  // One 11-mode mesh: 110 prunable shifters, none at 0.
  Program initial = randomProgram({11}, 3);
  Program p = initial;
  FakeTraining fake;
  fake.initial = &initial;
  LthOptions options;
  options.rates = {0.1, 0.1, 0.25};
  options.maxRounds = 4;
  options.maxAccuracyLoss = 1.0;
  llvm::Expected<LthResult> result =
      runLotteryTicket(p, initial, options, fake.callbacks());
  ASSERT_TRUE(static_cast<bool>(result)) << errorText(result.takeError());
  EXPECT_EQ(result->stop, LthStop::MaxRounds);
  ASSERT_EQ(result->rounds.size(), 5u);
  // 110 → 99 → 89 → 67 (22.25 → 22) → 50 (16.75 → 17): the last rate repeats.
  const int pruned[] = {0, 11, 10, 22, 17};
  const double rates[] = {0.0, 0.1, 0.1, 0.25, 0.25};
  int total = 0;
  for (int r = 0; r < 5; ++r) {
    const LthRound &round = result->rounds[r];
    total += pruned[r];
    EXPECT_EQ(round.round, r);
    EXPECT_EQ(round.rate, rates[r]);
    EXPECT_EQ(round.pruned, pruned[r]);
    EXPECT_EQ(round.masked, total);
    EXPECT_EQ(round.prunable, 110);
    EXPECT_DOUBLE_EQ(round.sparsity, total / 110.0);
    EXPECT_TRUE(round.acceptable);
    ASSERT_EQ(round.meshSparsity.size(), 1u);
    EXPECT_DOUBLE_EQ(round.meshSparsity[0], total / 110.0);
  }
  // Mean phase and power fall as shifters go.
  EXPECT_LT(result->rounds[4].meanPhase, result->rounds[0].meanPhase);
  EXPECT_LT(result->rounds[4].prunablePowerMw,
            result->rounds[0].prunablePowerMw);
  EXPECT_EQ(fake.trainCalls, 5);
  EXPECT_TRUE(fake.handedInitial);
  EXPECT_EQ(result->bestRound, 4);
  EXPECT_FALSE(result->finalAccuracy.has_value());
  EXPECT_EQ(computeMetrics(p).prunable.masked, 60);
  EXPECT_TRUE(masksHold(p));
}

TEST(LotteryTicket, StopsOnAccuracyLossAndReturnsTheBestTicket) {
  Program initial = randomProgram({11}, 4);
  Program p = initial;
  FakeTraining fake;
  fake.initial = &initial;
  // Sparsity after r rounds of 10 %: 0.1, 0.19, 0.27, 0.34.
  fake.accuracyOfSparsity = [](double s) { return s < 0.3 ? 0.9 : 0.8; };
  LthOptions options;
  options.rates = {0.1};
  options.maxAccuracyLoss = 0.05;
  Program bestSeen;
  LthCallbacks callbacks = fake.callbacks();
  int reported = 0;
  callbacks.onRound = [&](const LthRound &round) {
    EXPECT_EQ(round.round, reported++);
  };
  llvm::Expected<LthResult> result =
      runLotteryTicket(p, initial, options, callbacks);
  ASSERT_TRUE(static_cast<bool>(result));
  EXPECT_EQ(result->stop, LthStop::AccuracyLoss);
  ASSERT_EQ(result->rounds.size(), 5u);
  EXPECT_EQ(reported, 5);
  EXPECT_FALSE(result->rounds[4].acceptable);
  EXPECT_NEAR(result->rounds[4].accuracyLoss, 0.1, 1e-12);
  EXPECT_EQ(result->bestRound, 3);
  // The returned program is round 3's trained ticket.
  EXPECT_EQ(computeMetrics(p).prunable.masked, result->rounds[3].masked);
  EXPECT_TRUE(masksHold(p));
}

TEST(LotteryTicket, ChoosesTheTicketOnEvaluateNeverOnReport) {
  // Validation (evaluate) stays within the budget for three pruning rounds
  // and then drops; the test split (report) would pick round 1, where its
  // accuracy peaks. The ticket is chosen on validation: round 3.
  Program initial = randomProgram({11}, 5);
  Program p = initial;
  FakeTraining fake;
  fake.initial = &initial;
  // Sparsity after r rounds of 10 %: 0.1, 0.19, 0.27, 0.34.
  fake.accuracyOfSparsity = [](double s) { return s < 0.3 ? 0.9 : 0.8; };
  LthCallbacks callbacks = fake.callbacks();
  callbacks.report = [](const Program &ticket) {
    double s = computeMetrics(ticket).prunable.sparsity();
    return s > 0.05 && s < 0.15 ? 0.95 : 0.7;
  };
  LthOptions options;
  options.rates = {0.1};
  options.maxAccuracyLoss = 0.05;
  llvm::Expected<LthResult> result =
      runLotteryTicket(p, initial, options, callbacks);
  ASSERT_TRUE(static_cast<bool>(result));
  ASSERT_EQ(result->rounds.size(), 5u);
  int testBest = 0;
  for (const LthRound &round : result->rounds) {
    EXPECT_FALSE(std::isnan(round.testAccuracy));
    if (round.testAccuracy > result->rounds[testBest].testAccuracy)
      testBest = round.round;
  }
  EXPECT_EQ(testBest, 1);
  EXPECT_EQ(result->bestRound, 3);
  EXPECT_EQ(result->rounds[1].testAccuracy, 0.95);
  EXPECT_EQ(result->rounds[3].testAccuracy, 0.7);
  EXPECT_EQ(computeMetrics(p).prunable.masked, result->rounds[3].masked);
  // The JSON report carries both accuracies.
  llvm::json::Value json = toJson(result->rounds[1]);
  EXPECT_EQ(json.getAsObject()->getNumber("test_accuracy"), 0.95);
  EXPECT_EQ(json.getAsObject()->getNumber("accuracy"), 0.9);
}

TEST(LotteryTicket, WithoutReportTheTestAccuracyIsNull) {
  Program initial = randomProgram({5}, 6);
  Program p = initial;
  FakeTraining fake;
  fake.initial = &initial;
  LthOptions options;
  options.maxRounds = 1;
  llvm::Expected<LthResult> result =
      runLotteryTicket(p, initial, options, fake.callbacks());
  ASSERT_TRUE(static_cast<bool>(result));
  EXPECT_TRUE(std::isnan(result->rounds[0].testAccuracy));
  std::string json;
  llvm::raw_string_ostream os(json);
  os << toJson(result->rounds[0]);
  EXPECT_NE(json.find("\"test_accuracy\":null"), std::string::npos) << json;
}

TEST(LotteryTicket, DefaultsAreThePapers) {
  LthOptions options;
  // [LTH] 4.1: "the bottom k percentile of each layer", a layer being one
  // linear layer (its V† and U meshes): docs/pruning.md.
  EXPECT_EQ(options.scope, PruneScope::Tier);
  EXPECT_EQ(options.criterion, PhaseCriterion::Wrapped);
  EXPECT_EQ(options.maxRounds, 16);
  ASSERT_EQ(options.rates.size(), 11u);
  for (int r = 0; r < 10; ++r)
    EXPECT_EQ(options.rates[r], 0.10);
  EXPECT_EQ(options.rates[10], 0.25);
}

TEST(LotteryTicket, ChecksSparsityFirst) {
  Program initial = randomProgram({11}, 5);
  Program p = initial;
  FakeTraining fake;
  fake.initial = &initial;
  LthOptions options;
  options.rates = {0.1};
  options.minSparsity = 0.25;
  llvm::Expected<LthResult> result =
      runLotteryTicket(p, initial, options, fake.callbacks());
  ASSERT_TRUE(static_cast<bool>(result));
  // Round 3 starts at 27 % ≥ 25 %: it trains (the final retraining of
  // Fig. 4), is recorded, and the run ends without pruning again.
  EXPECT_EQ(result->stop, LthStop::MinSparsity);
  ASSERT_EQ(result->rounds.size(), 4u);
  EXPECT_GE(result->rounds[3].sparsity, 0.25);
  EXPECT_LT(result->rounds[2].sparsity, 0.25);
  EXPECT_EQ(fake.trainCalls, 4);
  EXPECT_EQ(result->bestRound, 3);

  // A dense program that already meets the target: one round, no pruning.
  Program q = initial;
  options.minSparsity = 0.0;
  result = runLotteryTicket(q, initial, options, fake.callbacks());
  ASSERT_TRUE(static_cast<bool>(result));
  EXPECT_EQ(result->stop, LthStop::MinSparsity);
  EXPECT_EQ(result->rounds.size(), 1u);
  EXPECT_TRUE(q.layers[0].mesh.mask.empty());
}

TEST(LotteryTicket, MaxRoundsZeroTrainsOnce) {
  Program initial = randomProgram({4}, 6);
  Program p = initial;
  FakeTraining fake;
  fake.initial = &initial;
  LthOptions options;
  options.maxRounds = 0;
  llvm::Expected<LthResult> result =
      runLotteryTicket(p, initial, options, fake.callbacks());
  ASSERT_TRUE(static_cast<bool>(result));
  EXPECT_EQ(result->stop, LthStop::MaxRounds);
  EXPECT_EQ(result->rounds.size(), 1u);
}

TEST(LotteryTicket, Exhausted) {
  // A 2-mode mesh has 2 prunable shifters; k = 0.1 rounds to 0 of them.
  Program initial = randomProgram({2}, 8);
  Program p = initial;
  FakeTraining fake;
  fake.initial = &initial;
  LthOptions options;
  options.rates = {0.1};
  llvm::Expected<LthResult> result =
      runLotteryTicket(p, initial, options, fake.callbacks());
  ASSERT_TRUE(static_cast<bool>(result));
  EXPECT_EQ(result->stop, LthStop::Exhausted);
  EXPECT_EQ(result->rounds.size(), 1u);
}

TEST(LotteryTicket, GlobalScopeAndFinalRetraining) {
  Program initial = randomProgram({6, 6}, 9);
  Program p = initial;
  FakeTraining fake;
  fake.initial = &initial;
  LthOptions options;
  options.rates = {0.2};
  options.scope = PruneScope::Global;
  options.maxRounds = 3;
  LthCallbacks callbacks = fake.callbacks();
  bool finalHandedInitial = false;
  callbacks.finalTrain = [&](Program &program) {
    ++fake.finalCalls;
    fake.handedInitial = true;
    fake.checkReset(program);
    finalHandedInitial = fake.handedInitial;
  };
  llvm::Expected<LthResult> result =
      runLotteryTicket(p, initial, options, callbacks);
  ASSERT_TRUE(static_cast<bool>(result));
  EXPECT_EQ(result->stop, LthStop::MaxRounds);
  EXPECT_EQ(fake.finalCalls, 1);
  EXPECT_TRUE(finalHandedInitial);
  ASSERT_TRUE(result->finalAccuracy.has_value());
  EXPECT_EQ(*result->finalAccuracy, 0.9);
  // 60 candidates over both meshes: 12, then 10 (9.6), then 8 (7.6).
  EXPECT_EQ(result->rounds[1].pruned, 12);
  EXPECT_EQ(result->rounds[2].pruned, 10);
  EXPECT_EQ(result->rounds[3].pruned, 8);
  EXPECT_EQ(result->rounds[3].meshSparsity.size(), 2u);
  EXPECT_TRUE(masksHold(p));

  // The report writers.
  llvm::json::Value json = toJson(*result);
  const llvm::json::Object *root = json.getAsObject();
  ASSERT_TRUE(root);
  EXPECT_EQ(root->getString("stop"), "max-rounds");
  EXPECT_EQ(root->getInteger("best_round"), 3);
  EXPECT_EQ(root->getArray("rounds")->size(), 4u);
  std::string table;
  llvm::raw_string_ostream os(table);
  printLthTable(*result, os);
  EXPECT_NE(table.find("*best"), std::string::npos);
  EXPECT_NE(table.find("stop: max-rounds"), std::string::npos);
}

TEST(LotteryTicket, BadOptions) {
  Program initial = randomProgram({4}, 10);
  Program p = initial;
  FakeTraining fake;
  fake.initial = &initial;
  LthCallbacks callbacks = fake.callbacks();
  auto run = [&](const LthOptions &options) {
    return errorText(runLotteryTicket(p, initial, options, callbacks));
  };
  LthOptions options;
  options.rates = {};
  EXPECT_EQ(run(options), "lottery-ticket pruning needs at least one rate");
  options.rates = {0.1, 1.0};
  EXPECT_EQ(run(options),
            "lottery-ticket rate[1] is 1, expected a value in (0, 1)");
  options.rates = {0.0};
  EXPECT_NE(run(options), "");
  options.rates = {0.1};
  options.maxRounds = -1;
  EXPECT_NE(run(options), "");
  options.maxRounds = 3;
  options.maxAccuracyLoss = -0.01;
  EXPECT_NE(run(options), "");
  options.maxAccuracyLoss = 0.05;
  callbacks.evaluate = nullptr;
  EXPECT_EQ(run(options),
            "lottery-ticket pruning needs a train and an evaluate callback");
  callbacks = fake.callbacks();
  Program other = randomProgram({3}, 10);
  EXPECT_NE(errorText(runLotteryTicket(p, other, options, callbacks)), "");
  EXPECT_EQ(fake.trainCalls, 0);
}

} // namespace
