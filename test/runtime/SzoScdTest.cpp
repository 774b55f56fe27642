//===- SzoScdTest.cpp - SZO-SCD and the zeroth-order baseline -------------===//
#include "photon/Runtime/SzoScd.h"
#include "photon/Runtime/Convention.h"
#include "photon/Runtime/Metrics.h"
#include "photon/Runtime/Pruning.h"
#include "photon/Runtime/Random.h"
#include "photon/Runtime/RandomNetwork.h"
#include "photon/Runtime/Simulator.h"
#include "photon/Runtime/ZerothOrder.h"

#include "OnChipTestUtil.h"
#include "TestUtil.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>

using namespace photon::runtime;

namespace {

std::string errorText(llvm::Error error) {
  return llvm::toString(std::move(error));
}

template <typename T> std::string errorText(llvm::Expected<T> value) {
  if (value)
    return "";
  return llvm::toString(value.takeError());
}

bool sameBits(double a, double b) { return std::memcmp(&a, &b, 8) == 0; }

/// Bit-exact equality of every phase, gain and mask of two programs of the
/// same structure.
bool sameProgram(const Program &a, const Program &b) {
  if (a.layers.size() != b.layers.size())
    return false;
  auto same = [](const std::vector<double> &x, const std::vector<double> &y) {
    if (x.size() != y.size())
      return false;
    for (size_t i = 0; i < x.size(); ++i)
      if (!sameBits(x[i], y[i]))
        return false;
    return true;
  };
  for (size_t l = 0; l < a.layers.size(); ++l) {
    const Layer &x = a.layers[l], &y = b.layers[l];
    if (x.kind != y.kind)
      return false;
    if (!same(x.mesh.theta, y.mesh.theta) || !same(x.mesh.phi, y.mesh.phi) ||
        !same(x.mesh.outputPhases, y.mesh.outputPhases) ||
        x.mesh.mask != y.mesh.mask)
      return false;
    if (!same(x.diagonal.theta, y.diagonal.theta) ||
        !sameBits(x.diagonal.gain, y.diagonal.gain) ||
        x.diagonal.mask != y.diagonal.mask)
      return false;
  }
  return true;
}

/// The tiny task: a 4-mode one-layer network (V mesh, Σ, U mesh, detect)
/// learns the detected intensities of another random network of the same
/// shape on 64 fixed random inputs. Loss: the batch mean of the squared
/// error of the intensities, Σ_i (|y_i|² − t_i)².
struct Task {
  Program student;
  Program teacher;
  Eigen::MatrixXcd inputs;
  Eigen::MatrixXd targets;
  int samples = 64;

  Task() {
    Random a(11), b(12);
    teacher =
        randomNetwork({4, 4}, Topology::Clements, Activation::Identity, a);
    student =
        randomNetwork({4, 4}, Topology::Clements, Activation::Identity, b);
    inputs = test::randomComplex(4, samples, 13) * 0.5;
    targets = simulate(teacher, inputs).real();
  }

  double loss(const Program &program, const std::vector<int> &batch) const {
    Eigen::MatrixXcd x(4, static_cast<Eigen::Index>(batch.size()));
    for (size_t j = 0; j < batch.size(); ++j)
      x.col(static_cast<Eigen::Index>(j)) = inputs.col(batch[j]);
    const Eigen::MatrixXd y = simulate(program, x).real();
    double sum = 0.0;
    for (size_t j = 0; j < batch.size(); ++j)
      sum += (y.col(static_cast<Eigen::Index>(j)) - targets.col(batch[j]))
                 .squaredNorm();
    return sum / static_cast<double>(batch.size());
  }

  double fullLoss(const Program &program) const {
    std::vector<int> all(samples);
    for (int i = 0; i < samples; ++i)
      all[i] = i;
    return loss(program, all);
  }
};

/// A QueryLoss that counts its calls and samples.
struct CountingLoss {
  const Task *task = nullptr;
  int64_t calls = 0;
  int64_t samples = 0;
  QueryLoss fn() {
    return [this](const Program &p, const std::vector<int> &batch) {
      ++calls;
      samples += static_cast<int64_t>(batch.size());
      return task->loss(p, batch);
    };
  }
};

/// encode → one 2-mode mesh → detect: a single MZI (θ index 0, φ index 1).
Program twoModeProgram(double theta, double phi) {
  Program p;
  p.inputs = p.outputs = 2;
  Layer encode;
  encode.kind = LayerKind::Encode;
  encode.inputs = encode.outputs = 2;
  Layer mesh;
  mesh.kind = LayerKind::Mesh;
  mesh.inputs = mesh.outputs = 2;
  mesh.mesh = makeZeroMesh(Topology::Clements, 2);
  mesh.mesh.theta[0] = theta;
  mesh.mesh.phi[0] = phi;
  mesh.mesh.outputPhases = {0.3, 0.4};
  Layer detect;
  detect.kind = LayerKind::Detect;
  detect.inputs = detect.outputs = 2;
  p.layers = {encode, mesh, detect};
  return p;
}

/// Active set of twoModeProgram with the given shifters active.
ActiveShifters twoModeActive(bool theta, bool phi) {
  ActiveShifters a;
  a.meshLayers = {1};
  a.flags = {{static_cast<uint8_t>(theta), static_cast<uint8_t>(phi), 0, 0}};
  return a;
}

const QueryLoss constantLoss = [](const Program &, const std::vector<int> &) {
  return 1.0;
};

//===----------------------------------------------------------------------===//
// The power-aware skip rule
//===----------------------------------------------------------------------===//

TEST(SzoScd, StepBackRaisesPowerOnlyWhenItWrapsAroundZero) {
  EXPECT_TRUE(stepBackRaisesPower(0.01, 0.01 - 0.02)); // wraps to ~2π
  EXPECT_FALSE(stepBackRaisesPower(1.0, 0.98));
  EXPECT_FALSE(stepBackRaisesPower(0.02, 0.0));
  // Unwrapped inputs are wrapped first: 2π + 1 is 1.
  EXPECT_FALSE(stepBackRaisesPower(kTwoPi + 1.0, kTwoPi + 0.98));
  // 2π wraps to 0, so stepping back from 0 to 2π is no raise.
  EXPECT_FALSE(stepBackRaisesPower(0.0, kTwoPi));
}

TEST(SzoScd, SkipRule) {
  const double cur = 0.01, back = cur - 0.02; // raises the power
  // p = 1: every draw in [0, 1) skips.
  EXPECT_TRUE(skipStepBack(cur, back, 1.0, 0.0));
  EXPECT_TRUE(skipStepBack(cur, back, 1.0, 0.5));
  EXPECT_TRUE(skipStepBack(cur, back, 1.0, std::nextafter(1.0, 0.0)));
  // p = 0: never skipped, the step back is evaluated / taken.
  EXPECT_FALSE(skipStepBack(cur, back, 0.0, 0.0));
  EXPECT_FALSE(skipStepBack(cur, back, 0.0, 0.999));
  // Intermediate p: skip iff draw < p.
  EXPECT_TRUE(skipStepBack(cur, back, 0.4, 0.39));
  EXPECT_FALSE(skipStepBack(cur, back, 0.4, 0.4));
  // A step back that lowers the power is never skipped.
  EXPECT_FALSE(skipStepBack(1.0, 0.98, 1.0, 0.0));
}

TEST(SzoScd, SparseCount) {
  EXPECT_EQ(sparseCount(0.1, 30), 3); // 0.1 · 30 is 3.0000000000000004
  EXPECT_EQ(sparseCount(0.15, 21), 4);
  EXPECT_EQ(sparseCount(0.6, 10), 6);
  EXPECT_EQ(sparseCount(0.01, 5), 1);
  EXPECT_EQ(sparseCount(1.0, 7), 7);
  EXPECT_EQ(sparseCount(0.5, 0), 0);
}

//===----------------------------------------------------------------------===//
// Active shifters
//===----------------------------------------------------------------------===//

TEST(ActiveShifters, OnlyUnmaskedThetaPhiCanBeActive) {
  Random random(3);
  Program p =
      randomNetwork({4, 4, 4}, Topology::Clements, Activation::Modulus, random);
  const std::vector<int> meshes = meshLayerIndices(p);
  ASSERT_EQ(meshes.size(), 4u);
  // Prune some θ and φ shifters.
  pruneShifter(p.layers[meshes[0]].mesh, 0);
  pruneShifter(p.layers[meshes[0]].mesh, 7);
  pruneShifter(p.layers[meshes[2]].mesh, 3);

  llvm::Expected<ActiveShifters> all = selectActiveShifters(p, 1.0, 5);
  ASSERT_TRUE(bool(all)) << errorText(all.takeError());
  EXPECT_EQ(all->meshLayers, meshes);
  int expected = 0;
  for (size_t m = 0; m < meshes.size(); ++m) {
    const Mesh &mesh = p.layers[meshes[m]].mesh;
    ASSERT_EQ(static_cast<int>(all->flags[m].size()), mesh.shifterCount());
    for (int i = 0; i < mesh.shifterCount(); ++i) {
      const bool masked = !mesh.mask.empty() && mesh.mask[i] == 0;
      const bool candidate = i < 2 * mesh.mziCount() && !masked;
      EXPECT_EQ(all->flags[m][i] != 0, candidate) << "mesh " << m << " " << i;
      expected += candidate;
    }
  }
  EXPECT_EQ(all->count(), expected);
  EXPECT_EQ(expected, 4 * 12 - 3);
  EXPECT_FALSE(checkActiveShifters(p, *all));

  // α = 0.5: floor(0.5 n + 1/2) per mesh, never a masked one.
  llvm::Expected<ActiveShifters> half = selectActiveShifters(p, 0.5, 5);
  ASSERT_TRUE(bool(half));
  const int perMesh[] = {5, 6, 6, 6}; // n = 10, 12, 11, 12
  for (size_t m = 0; m < meshes.size(); ++m) {
    int n = 0;
    for (size_t i = 0; i < half->flags[m].size(); ++i)
      if (half->flags[m][i]) {
        ++n;
        EXPECT_LT(static_cast<int>(i), 12);
        const Mesh &mesh = p.layers[meshes[m]].mesh;
        EXPECT_TRUE(mesh.mask.empty() || mesh.mask[i] != 0);
      }
    EXPECT_EQ(n, perMesh[m]) << "mesh " << m;
  }
  // Seeded: same seed, same set; another seed, another set.
  llvm::Expected<ActiveShifters> again = selectActiveShifters(p, 0.5, 5);
  llvm::Expected<ActiveShifters> other = selectActiveShifters(p, 0.5, 6);
  ASSERT_TRUE(again && other);
  EXPECT_EQ(half->flags, again->flags);
  EXPECT_NE(half->flags, other->flags);

  llvm::Expected<ActiveShifters> none = selectActiveShifters(p, 0.0, 5);
  ASSERT_TRUE(bool(none));
  EXPECT_EQ(none->count(), 0);

  EXPECT_NE(errorText(selectActiveShifters(p, 1.5, 0)).find("alpha"),
            std::string::npos);
  EXPECT_NE(errorText(selectActiveShifters(
                          p, std::numeric_limits<double>::quiet_NaN(), 0))
                .find("alpha"),
            std::string::npos);
}

TEST(ActiveShifters, CheckRejectsMaskedOutputsAndShapes) {
  Random random(3);
  Program p =
      randomNetwork({4, 4}, Topology::Clements, Activation::Identity, random);
  const std::vector<int> meshes = meshLayerIndices(p);
  pruneShifter(p.layers[meshes[1]].mesh, 2);
  llvm::Expected<ActiveShifters> active = selectActiveShifters(p, 1.0, 0);
  ASSERT_TRUE(bool(active));

  ActiveShifters masked = *active;
  masked.flags[1][2] = 1;
  EXPECT_NE(errorText(checkActiveShifters(p, masked)).find("masked"),
            std::string::npos);
  ActiveShifters output = *active;
  output.flags[0][12] = 1; // the first output phase
  EXPECT_NE(errorText(checkActiveShifters(p, output)).find("output"),
            std::string::npos);
  ActiveShifters shape = *active;
  shape.flags[0].pop_back();
  EXPECT_FALSE(errorText(checkActiveShifters(p, shape)).empty());
  ActiveShifters layers = *active;
  layers.meshLayers.pop_back();
  EXPECT_FALSE(errorText(checkActiveShifters(p, layers)).empty());

  // The optimizers refuse them, and a masked shifter never moves.
  EXPECT_FALSE(errorText(runSzoScd(p, masked, 4, constantLoss, {})).empty());
  EXPECT_FALSE(
      errorText(runZerothOrder(p, output, 4, constantLoss, {})).empty());
  Task task;
  task.student = p;
  SzoScdOptions o;
  o.alpha = 1.0;
  o.s = 1.0;
  o.epochs = 2;
  llvm::Expected<OnChipResult> r = runSzoScd(
      p, task.samples,
      [&](const Program &q, const std::vector<int> &b) {
        return task.loss(q, b);
      },
      o);
  ASSERT_TRUE(bool(r)) << errorText(r.takeError());
  EXPECT_GT(r->totals.accepted + r->totals.stepBacks, 0);
  EXPECT_TRUE(sameBits(r->program.layers[meshes[1]].mesh.theta[2], 0.0));
  EXPECT_EQ(r->program.layers[meshes[1]].mesh.mask,
            p.layers[meshes[1]].mesh.mask);
}

//===----------------------------------------------------------------------===//
// SZO-SCD rule ordering and query accounting on hand-made losses
//===----------------------------------------------------------------------===//

TEST(SzoScd, PowerAwareStepBack) {
  // +δ never lowers a constant loss, so Algorithm 1 steps back. From 0.01 the
  // step back wraps to 2π − 0.01, a power raise.
  const Program p = twoModeProgram(0.01, 2.0);
  const ActiveShifters a = twoModeActive(true, false);
  SzoScdOptions o = test::unitSzoOptions();

  o.p = 1.0; // fully power-aware: skipped, phase kept bit-exactly
  llvm::Expected<OnChipResult> aware = runSzoScd(p, a, 4, constantLoss, o);
  ASSERT_TRUE(bool(aware)) << errorText(aware.takeError());
  EXPECT_TRUE(sameBits(aware->program.layers[1].mesh.theta[0], 0.01));
  EXPECT_EQ(aware->totals.skippedStepBacks, 1);
  EXPECT_EQ(aware->totals.stepBacks, 0);
  EXPECT_EQ(aware->totals.queries, 2); // L(φ) and L(φ + δ)

  o.p = 0.0; // power-unaware: taken
  llvm::Expected<OnChipResult> unaware = runSzoScd(p, a, 4, constantLoss, o);
  ASSERT_TRUE(bool(unaware));
  EXPECT_TRUE(sameBits(unaware->program.layers[1].mesh.theta[0],
                       wrapPhase(0.01 - 0.02)));
  EXPECT_EQ(unaware->totals.skippedStepBacks, 0);
  EXPECT_EQ(unaware->totals.stepBacks, 1);
  EXPECT_EQ(unaware->totals.queries, 2);
  EXPECT_GT(unaware->trace.back().activePowerMw,
            aware->trace.back().activePowerMw);

  // p = 0 with the evaluated rule: the step back is measured (3 queries),
  // is no better and is undone.
  o.stepBack = StepBackRule::Evaluated;
  llvm::Expected<OnChipResult> evaluated = runSzoScd(p, a, 4, constantLoss, o);
  ASSERT_TRUE(bool(evaluated));
  EXPECT_EQ(evaluated->totals.queries, 3);
  EXPECT_EQ(evaluated->totals.restored, 1);
  EXPECT_TRUE(sameBits(evaluated->program.layers[1].mesh.theta[0], 0.01));
  // p = 1 with the evaluated rule skips before measuring.
  o.p = 1.0;
  evaluated = runSzoScd(p, a, 4, constantLoss, o);
  ASSERT_TRUE(bool(evaluated));
  EXPECT_EQ(evaluated->totals.queries, 2);
  EXPECT_EQ(evaluated->totals.skippedStepBacks, 1);
}

TEST(SzoScd, BlindStepBackLowersThePhaseAndPower) {
  // Away from 0 the step back lowers the power and is never skipped, even
  // with p = 1; three iterations step back three times, two queries each
  // (a new batch needs a new reference).
  const Program p = twoModeProgram(1.0, 2.0);
  const ActiveShifters a = twoModeActive(true, false);
  SzoScdOptions o = test::unitSzoOptions();
  o.p = 1.0;
  llvm::Expected<OnChipResult> r = runSzoScd(p, a, 12, constantLoss, o);
  ASSERT_TRUE(bool(r));
  EXPECT_EQ(r->totals.iterations, 3);
  EXPECT_EQ(r->totals.stepBacks, 3);
  EXPECT_EQ(r->totals.skippedStepBacks, 0);
  EXPECT_EQ(r->totals.queries, 6);
  EXPECT_EQ(r->totals.samples, 24);
  EXPECT_NEAR(r->program.layers[1].mesh.theta[0], 0.94, 1e-12);
  // φ, the output phases and the other programs fields are untouched.
  Program expected = p;
  expected.layers[1].mesh.theta[0] = r->program.layers[1].mesh.theta[0];
  EXPECT_TRUE(sameProgram(r->program, expected));
}

TEST(SzoScd, AcceptedStepsReuseTheReference) {
  // L = −(θ + φ) on small phases: every +δ is accepted. One iteration on
  // two coordinates: L(Φ), L(θ + δ), L(φ + δ) = 3 queries.
  const Program p = twoModeProgram(0.5, 0.7);
  const ActiveShifters a = twoModeActive(true, true);
  int64_t calls = 0;
  const QueryLoss loss = [&](const Program &q, const std::vector<int> &) {
    ++calls;
    return -(q.layers[1].mesh.theta[0] + q.layers[1].mesh.phi[0]);
  };
  SzoScdOptions o = test::unitSzoOptions();
  llvm::Expected<OnChipResult> r = runSzoScd(p, a, 4, loss, o);
  ASSERT_TRUE(bool(r));
  EXPECT_EQ(r->totals.queries, 3);
  EXPECT_EQ(calls, 3);
  EXPECT_EQ(r->totals.accepted, 2);
  EXPECT_EQ(r->totals.updates, 2);
  EXPECT_NEAR(r->program.layers[1].mesh.theta[0], 0.52, 1e-12);
  EXPECT_NEAR(r->program.layers[1].mesh.phi[0], 0.72, 1e-12);
  EXPECT_EQ(r->trace.size(), 2u);
  EXPECT_DOUBLE_EQ(r->trace[1].batchLoss, -1.2);
}

TEST(SzoScd, PhasesWrapAndStepDecaysPerEpoch) {
  // L = θ. Epoch 1 (δ = 0.02): θ + δ wraps from 2π − 0.01 to 0.01, a lower
  // loss, accepted. Epochs 2 and 3 (δ = 0.005, 0.00125): +δ is worse, the
  // step back lowers θ.
  const Program p = twoModeProgram(kTwoPi - 0.01, 2.0);
  const ActiveShifters a = twoModeActive(true, false);
  const QueryLoss loss = [](const Program &q, const std::vector<int> &) {
    return q.layers[1].mesh.theta[0];
  };
  SzoScdOptions o = test::unitSzoOptions();
  o.decay = 0.25;
  o.epochs = 3;
  llvm::Expected<OnChipResult> r = runSzoScd(p, a, 4, loss, o);
  ASSERT_TRUE(bool(r));
  ASSERT_EQ(r->trace.size(), 4u);
  EXPECT_DOUBLE_EQ(r->trace[1].step, 0.02);
  EXPECT_DOUBLE_EQ(r->trace[2].step, 0.005);
  EXPECT_DOUBLE_EQ(r->trace[3].step, 0.00125);
  EXPECT_DOUBLE_EQ(r->finalStep, 0.0003125);
  EXPECT_EQ(r->totals.accepted, 1);
  EXPECT_EQ(r->totals.stepBacks, 2);
  EXPECT_NEAR(r->program.layers[1].mesh.theta[0], 0.01 - 0.00625, 1e-12);
  // The trace's batch loss is the loss before each epoch's update.
  EXPECT_DOUBLE_EQ(r->trace[1].batchLoss, kTwoPi - 0.01);
  EXPECT_NEAR(r->trace[2].batchLoss, 0.01, 1e-12);
}

//===----------------------------------------------------------------------===//
// The tiny task
//===----------------------------------------------------------------------===//

SzoScdOptions taskSzoOptions() {
  SzoScdOptions o;
  o.alpha = 0.5;
  o.s = 0.6;
  o.delta = 0.05;
  o.decay = 0.985;
  o.epochs = 40;
  o.batchSize = 16;
  o.seed = 7;
  return o;
}

ZerothOrderOptions taskZoOptions() {
  ZerothOrderOptions o;
  o.alpha = 0.5;
  o.directions = 10;
  o.mu = 1e-3;
  o.learningRate = 0.05;
  o.epochs = 40;
  o.batchSize = 16;
  o.seed = 7;
  return o;
}

TEST(SzoScd, ReducesTheLossOfTheTinyTask) {
  Task task;
  CountingLoss counter{&task};
  const double before = task.fullLoss(task.student);
  SzoScdOptions o = taskSzoOptions();
  o.evaluate = [&](const Program &q) { return task.fullLoss(q); };
  llvm::Expected<OnChipResult> r =
      runSzoScd(task.student, task.samples, counter.fn(), o);
  ASSERT_TRUE(bool(r)) << errorText(r.takeError());
  const double after = task.fullLoss(r->program);
  EXPECT_LT(after, 0.5 * before) << before << " -> " << after;
  EXPECT_EQ(r->totals.queries, counter.calls);
  EXPECT_EQ(r->totals.samples, counter.samples);
  EXPECT_EQ(r->trace.size(), 41u);
  EXPECT_DOUBLE_EQ(r->trace.front().evalLoss, before);
  EXPECT_DOUBLE_EQ(r->trace.back().evalLoss, after);
  EXPECT_EQ(r->totals.iterations, 40 * 4);
  EXPECT_FALSE(r->budgetExhausted);
}

TEST(ZerothOrder, ReducesTheLossOfTheTinyTask) {
  Task task;
  CountingLoss counter{&task};
  const double before = task.fullLoss(task.student);
  for (ZoDirection direction :
       {ZoDirection::Gaussian, ZoDirection::Rademacher}) {
    ZerothOrderOptions o = taskZoOptions();
    o.direction = direction;
    counter.calls = counter.samples = 0;
    llvm::Expected<OnChipResult> r =
        runZerothOrder(task.student, task.samples, counter.fn(), o);
    ASSERT_TRUE(bool(r)) << errorText(r.takeError());
    const double after = task.fullLoss(r->program);
    EXPECT_LT(after, 0.5 * before)
        << zoDirectionName(direction) << ": " << before << " -> " << after;
    EXPECT_EQ(r->totals.queries, counter.calls);
    EXPECT_EQ(r->totals.samples, counter.samples);
    // Q + 1 queries per iteration, 4 iterations per epoch.
    EXPECT_EQ(r->totals.iterations, 40 * 4);
    EXPECT_EQ(r->totals.queries, 40 * 4 * 11);
    EXPECT_EQ(r->totals.samples, 40 * 4 * 11 * 16);
  }
}

TEST(OnChip, PassiveShiftersAreBitIdentical) {
  Task task;
  const QueryLoss loss = [&](const Program &q, const std::vector<int> &b) {
    return task.loss(q, b);
  };
  llvm::Expected<ActiveShifters> active =
      selectActiveShifters(task.student, 0.3, 21);
  ASSERT_TRUE(bool(active));
  SzoScdOptions so = taskSzoOptions();
  so.epochs = 5;
  ZerothOrderOptions zo = taskZoOptions();
  zo.epochs = 5;
  llvm::Expected<OnChipResult> szo =
      runSzoScd(task.student, *active, task.samples, loss, so);
  llvm::Expected<OnChipResult> zoth =
      runZerothOrder(task.student, *active, task.samples, loss, zo);
  ASSERT_TRUE(szo && zoth);
  for (const OnChipResult *r : {&*szo, &*zoth}) {
    EXPECT_EQ(r->active.flags, active->flags);
    // Put the active phases back: the rest must be the input, bit for bit.
    Program restored = r->program;
    int moved = 0;
    for (const ShifterRef &c : active->coordinates()) {
      double &phase = shifterPhaseRef(restored, c);
      const double initial =
          shifterPhase(task.student.layers[c.layer].mesh, c.index);
      moved += !sameBits(phase, initial);
      EXPECT_GE(phase, 0.0);
      EXPECT_LT(phase, kTwoPi);
      phase = initial;
    }
    EXPECT_GT(moved, 0);
    EXPECT_TRUE(sameProgram(restored, task.student));
  }
}

TEST(OnChip, QueryBudgetIsSpentExactly) {
  Task task;
  for (int64_t budget : {1, 2, 97, 1000}) {
    CountingLoss counter{&task};
    SzoScdOptions so = taskSzoOptions();
    so.epochs = 1000;
    so.maxQueries = budget;
    llvm::Expected<OnChipResult> r =
        runSzoScd(task.student, task.samples, counter.fn(), so);
    ASSERT_TRUE(bool(r));
    EXPECT_EQ(r->totals.queries, budget);
    EXPECT_EQ(counter.calls, budget);
    EXPECT_EQ(r->totals.samples, counter.samples);
    EXPECT_TRUE(r->budgetExhausted);
    EXPECT_EQ(r->trace.back().totals.queries, budget);

    for (StepBackRule rule : {StepBackRule::Evaluated}) {
      counter.calls = counter.samples = 0;
      so.stepBack = rule;
      r = runSzoScd(task.student, task.samples, counter.fn(), so);
      ASSERT_TRUE(bool(r));
      EXPECT_EQ(r->totals.queries, budget);
      EXPECT_EQ(counter.calls, budget);
    }

    counter.calls = counter.samples = 0;
    ZerothOrderOptions zo = taskZoOptions();
    zo.epochs = 1000;
    zo.maxQueries = budget;
    r = runZerothOrder(task.student, task.samples, counter.fn(), zo);
    ASSERT_TRUE(bool(r));
    EXPECT_EQ(r->totals.queries, budget);
    EXPECT_EQ(counter.calls, budget);
    EXPECT_EQ(r->totals.samples, counter.samples);
    EXPECT_TRUE(r->budgetExhausted);
    // Q + 1 = 11 per full iteration; a last partial one with at least one
    // direction still updates.
    EXPECT_EQ(r->totals.updates, budget / 11 + (budget % 11 >= 2 ? 1 : 0));
  }
  // A budget larger than the run needs is not reached.
  CountingLoss counter{&task};
  ZerothOrderOptions zo = taskZoOptions();
  zo.epochs = 1;
  zo.maxQueries = 1000;
  llvm::Expected<OnChipResult> r =
      runZerothOrder(task.student, task.samples, counter.fn(), zo);
  ASSERT_TRUE(bool(r));
  EXPECT_EQ(r->totals.queries, 44);
  EXPECT_FALSE(r->budgetExhausted);
}

TEST(OnChip, SeededRunsAreBitReproducible) {
  Task task;
  const QueryLoss loss = [&](const Program &q, const std::vector<int> &b) {
    return task.loss(q, b);
  };
  SzoScdOptions so = taskSzoOptions();
  so.epochs = 4;
  so.p = 0.5;
  ZerothOrderOptions zo = taskZoOptions();
  zo.epochs = 4;
  llvm::Expected<OnChipResult> a = runSzoScd(task.student, 64, loss, so);
  llvm::Expected<OnChipResult> b = runSzoScd(task.student, 64, loss, so);
  so.seed = 8;
  llvm::Expected<OnChipResult> c = runSzoScd(task.student, 64, loss, so);
  llvm::Expected<OnChipResult> d = runZerothOrder(task.student, 64, loss, zo);
  llvm::Expected<OnChipResult> e = runZerothOrder(task.student, 64, loss, zo);
  zo.seed = 8;
  llvm::Expected<OnChipResult> f = runZerothOrder(task.student, 64, loss, zo);
  ASSERT_TRUE(a && b && c && d && e && f);
  EXPECT_TRUE(sameProgram(a->program, b->program));
  EXPECT_FALSE(sameProgram(a->program, c->program));
  EXPECT_TRUE(sameProgram(d->program, e->program));
  EXPECT_FALSE(sameProgram(d->program, f->program));
  for (auto [x, y] : {std::pair{&*a, &*b}, std::pair{&*d, &*e}}) {
    ASSERT_EQ(x->trace.size(), y->trace.size());
    for (size_t i = 0; i < x->trace.size(); ++i) {
      EXPECT_TRUE(sameBits(x->trace[i].batchLoss, y->trace[i].batchLoss));
      EXPECT_TRUE(
          sameBits(x->trace[i].activePowerMw, y->trace[i].activePowerMw));
      EXPECT_EQ(x->trace[i].totals.queries, y->trace[i].totals.queries);
      EXPECT_EQ(x->trace[i].totals.accepted, y->trace[i].totals.accepted);
      EXPECT_EQ(x->trace[i].totals.skippedStepBacks,
                y->trace[i].totals.skippedStepBacks);
    }
  }
}

TEST(SzoScd, PowerAwarenessOnTheTinyTask) {
  // Same batches and coordinates (independent random streams); p = 1 skips
  // power-raising step backs, p = 0 never does.
  Task task;
  const QueryLoss loss = [&](const Program &q, const std::vector<int> &b) {
    return task.loss(q, b);
  };
  SzoScdOptions o = taskSzoOptions();
  o.alpha = 1.0;
  o.epochs = 20;
  o.p = 0.0;
  llvm::Expected<OnChipResult> unaware = runSzoScd(task.student, 64, loss, o);
  o.p = 1.0;
  llvm::Expected<OnChipResult> aware = runSzoScd(task.student, 64, loss, o);
  ASSERT_TRUE(unaware && aware);
  EXPECT_EQ(unaware->totals.skippedStepBacks, 0);
  EXPECT_GT(aware->totals.skippedStepBacks, 0);
  // The trace's power figures agree with a direct computation.
  EXPECT_DOUBLE_EQ(aware->trace.back().activePowerMw,
                   activePowerMw(aware->program, aware->active));
  EXPECT_GT(aware->trace.front().totalPowerMw,
            aware->trace.front().activePowerMw);
}

TEST(OnChip, BadOptions) {
  const Program p = twoModeProgram(1.0, 2.0);
  const ActiveShifters a = twoModeActive(true, true);
  auto szo = [&](auto change) {
    SzoScdOptions o = test::unitSzoOptions();
    change(o);
    return errorText(runSzoScd(p, a, 4, constantLoss, o));
  };
  EXPECT_NE(szo([](SzoScdOptions &o) { o.s = 0.0; }).find("sparsity"),
            std::string::npos);
  EXPECT_NE(szo([](SzoScdOptions &o) { o.delta = -1.0; }).find("delta"),
            std::string::npos);
  EXPECT_NE(szo([](SzoScdOptions &o) { o.p = 1.5; }).find("power"),
            std::string::npos);
  EXPECT_NE(szo([](SzoScdOptions &o) { o.decay = 0.0; }).find("decay"),
            std::string::npos);
  EXPECT_NE(szo([](SzoScdOptions &o) { o.batchSize = 0; }).find("batch"),
            std::string::npos);
  EXPECT_NE(szo([](SzoScdOptions &o) { o.maxQueries = -1; }).find("maxQueries"),
            std::string::npos);
  EXPECT_NE(errorText(runSzoScd(p, a, 0, constantLoss, test::unitSzoOptions()))
                .find("numSamples"),
            std::string::npos);
  EXPECT_NE(errorText(runSzoScd(p, a, 4, QueryLoss(), test::unitSzoOptions()))
                .find("queryLoss"),
            std::string::npos);
  ZerothOrderOptions zo;
  zo.directions = 0;
  EXPECT_NE(
      errorText(runZerothOrder(p, a, 4, constantLoss, zo)).find("directions"),
      std::string::npos);
  zo = ZerothOrderOptions();
  zo.mu = 0.0;
  EXPECT_NE(errorText(runZerothOrder(p, a, 4, constantLoss, zo)).find("mu"),
            std::string::npos);
  // A non-finite loss is an error, not a corrupted program.
  const QueryLoss nan = [](const Program &, const std::vector<int> &) {
    return std::numeric_limits<double>::quiet_NaN();
  };
  EXPECT_NE(errorText(runSzoScd(p, a, 4, nan, test::unitSzoOptions())).find("finite"),
            std::string::npos);
  EXPECT_NE(errorText(runZerothOrder(p, a, 4, nan, ZerothOrderOptions()))
                .find("finite"),
            std::string::npos);
}

TEST(OnChip, NoActiveShiftersMeansNoQueries) {
  const Program p = twoModeProgram(1.0, 2.0);
  const ActiveShifters a = twoModeActive(false, false);
  int64_t calls = 0;
  const QueryLoss loss = [&](const Program &, const std::vector<int> &) {
    ++calls;
    return 1.0;
  };
  llvm::Expected<OnChipResult> r = runSzoScd(p, a, 4, loss, test::unitSzoOptions());
  llvm::Expected<OnChipResult> z =
      runZerothOrder(p, a, 4, loss, ZerothOrderOptions());
  ASSERT_TRUE(r && z);
  EXPECT_EQ(calls, 0);
  EXPECT_TRUE(sameProgram(r->program, p));
  EXPECT_TRUE(sameProgram(z->program, p));
  EXPECT_EQ(r->trace.size(), 1u);
}

} // namespace
