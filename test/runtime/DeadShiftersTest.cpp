//===- DeadShiftersTest.cpp - Eliminating shifters at phase 0 -------------===//
#include "TestUtil.h"

#include "photon/Runtime/Convention.h"
#include "photon/Runtime/DeadShifters.h"
#include "photon/Runtime/Decomposition.h"
#include "photon/Runtime/MeshLayout.h"
#include "photon/Runtime/Random.h"

#include <gtest/gtest.h>

using namespace photon::runtime;

TEST(DeadShifters, DistanceFromZeroIsOnTheCircle) {
  EXPECT_EQ(phaseDistanceFromZero(0.0), 0.0);
  EXPECT_NEAR(phaseDistanceFromZero(0.25), 0.25, 1e-15);
  EXPECT_NEAR(phaseDistanceFromZero(kTwoPi - 0.25), 0.25, 1e-14);
  EXPECT_NEAR(phaseDistanceFromZero(-0.25), 0.25, 1e-14);
  EXPECT_NEAR(phaseDistanceFromZero(kPi), kPi, 1e-15);
}

TEST(DeadShifters, MeshEliminationMasksZeroShiftersOnly) {
  // Three modes: MZIs 0, 1, 2; shifters [θ0 θ1 θ2 φ0 φ1 φ2 o0 o1 o2].
  Mesh mesh = makeZeroMesh(Topology::Clements, 3);
  mesh.theta = {0.0, 1.0, 1e-12};
  mesh.phi = {kTwoPi - 1e-12, 2.0, 0.5};
  mesh.outputPhases = {0.0, 3.0, 1e-3};
  PowerModel power;
  EliminationCounts counts = eliminateDeadShifters(mesh, 1e-9, power);
  EXPECT_EQ(counts.theta, 2);   // θ0, θ2
  EXPECT_EQ(counts.phi, 1);     // φ0 (2π − 1e-12 is 1e-12 from 0)
  EXPECT_EQ(counts.outputs, 1); // o0; 1e-3 is above the tolerance
  EXPECT_EQ(counts.fixedCrossings, 1); // MZI 0 lost both shifters
  EXPECT_EQ(mesh.mask, (std::vector<uint8_t>{0, 1, 0, 0, 1, 1, 0, 1, 1}));
  EXPECT_EQ(mesh.theta[2], 0.0);
  EXPECT_EQ(mesh.phi[0], 0.0);
  // The power of φ0 at 2π − 1e-12 is almost 2·P_π: it is saved.
  EXPECT_NEAR(counts.powerSavedMilliwatts, 2 * power.piPowerMilliwatts, 1e-6);
  // A second pass finds nothing new.
  EliminationCounts again = eliminateDeadShifters(mesh, 1e-9, power);
  EXPECT_EQ(again.shifters(), 0);
  EXPECT_EQ(again.fixedCrossings, 1);
}

TEST(DeadShifters, EliminationKeepsTheTransferMatrix) {
  Random random(3);
  Mesh mesh = decomposeClements(haarUnitary(6, random));
  // Push some phases to within the tolerance of 0.
  mesh.theta[1] = 5e-10;
  mesh.phi[4] = kTwoPi - 5e-10;
  mesh.outputPhases[2] = 0.0;
  Eigen::MatrixXcd before = meshMatrix(mesh);
  EliminationCounts counts = eliminateDeadShifters(mesh, 1e-9, PowerModel());
  EXPECT_GE(counts.shifters(), 3);
  EXPECT_LT((meshMatrix(mesh) - before).cwiseAbs().maxCoeff(), 1e-8);
}

TEST(DeadShifters, AttenuatorsAtFullTransmissionAreDropped) {
  Diagonal diagonal;
  diagonal.inputs = 3;
  diagonal.outputs = 2;
  diagonal.theta = {0.0, 1.0};
  diagonal.gain = 2.0;
  EliminationCounts counts =
      eliminateDeadAttenuators(diagonal, 1e-9, PowerModel());
  EXPECT_EQ(counts.attenuators, 1);
  EXPECT_EQ(diagonal.mask, (std::vector<uint8_t>{0, 1}));
  EXPECT_EQ(diagonalMatrix(diagonal)(0, 0), 2.0);
}

namespace {

/// A mesh of `modes` with seeded uniform phases everywhere.
Mesh randomPhaseMesh(Topology topology, int modes, uint64_t seed) {
  Mesh mesh = makeZeroMesh(topology, modes);
  Random random(seed);
  for (std::vector<double> *v : {&mesh.theta, &mesh.phi, &mesh.outputPhases})
    for (double &x : *v)
      x = kTwoPi * random.uniform();
  return mesh;
}

double &shifter(Mesh &mesh, int i) {
  const int k = mesh.mziCount();
  return i < k ? mesh.theta[i] : i < 2 * k ? mesh.phi[i - k]
                                           : mesh.outputPhases[i - 2 * k];
}

/// What the surroundings can observe of a mesh, computed from its full
/// transfer matrix T: the block of read rows and lit columns, or, when the
/// output phase is not read, each read row up to its phase (the products
/// conj(T_ij) T_ik, which fix |Σ_j T_ij x_j|² for every input x).
Eigen::MatrixXcd observed(const Mesh &mesh, const MeshSurroundings &s) {
  const Eigen::MatrixXcd block =
      meshMatrix(mesh).topLeftCorner(s.readOutputs, s.litInputs);
  if (s.outputPhaseRead)
    return block;
  Eigen::MatrixXcd gram(s.readOutputs * s.litInputs, s.litInputs);
  for (int i = 0; i < s.readOutputs; ++i)
    gram.middleRows(i * s.litInputs, s.litInputs) =
        block.row(i).adjoint() * block.row(i);
  return gram;
}

} // namespace

// The analysis against the transfer matrix, for both topologies and every
// kind of surroundings: changing any shifter reported unreachable leaves
// what is observed unchanged (it is sound), and, where output phases are
// read, changing any other shifter changes it (nothing live is reported).
TEST(DeadShifters, UnreachableShiftersCannotActAndTheOthersCan) {
  const MeshSurroundings cases[] = {
      MeshSurroundings::all(6), {6, 3, true}, {2, 6, true},
      {3, 4, true},             {6, 6, false}, {4, 2, false}};
  for (Topology topology : {Topology::Clements, Topology::Reck})
    for (const MeshSurroundings &s : cases) {
      SCOPED_TRACE(std::string(topologyName(topology)) + " lit " +
                   std::to_string(s.litInputs) + " read " +
                   std::to_string(s.readOutputs) +
                   (s.outputPhaseRead ? " with phase" : " intensity"));
      const Mesh mesh = randomPhaseMesh(topology, 6, 7);
      const std::vector<bool> dead = unreachableShifters(mesh, s);
      ASSERT_EQ(dead.size(), static_cast<size_t>(mesh.shifterCount()));
      const Eigen::MatrixXcd reference = observed(mesh, s);
      Mesh scrambled = mesh;
      for (int i = 0; i < mesh.shifterCount(); ++i)
        if (dead[i])
          shifter(scrambled, i) += 1.0 + 0.1 * i;
      EXPECT_LT((observed(scrambled, s) - reference).norm(), 1e-12);
      if (!s.outputPhaseRead)
        continue;
      for (int i = 0; i < mesh.shifterCount(); ++i) {
        if (dead[i])
          continue;
        Mesh moved = mesh;
        shifter(moved, i) += 1.0;
        EXPECT_GT((observed(moved, s) - reference).norm(), 1e-6)
            << "shifter " << i << " is live but does not act";
      }
    }
  // Everything lit and read (also the default): nothing is unreachable.
  const Mesh full = randomPhaseMesh(Topology::Clements, 5, 1);
  for (bool d : unreachableShifters(full, MeshSurroundings::all(5)))
    EXPECT_FALSE(d);
  for (bool d : unreachableShifters(full, MeshSurroundings{}))
    EXPECT_FALSE(d);
}

// The 16 → 10 output layer of the MNIST model: V† (16 modes) feeds a Σ that
// keeps 10 modes. In a Clements mesh 6 MZIs and the 6 discarded output
// phases cannot act (the MZIs in the corner whose light cone stays within
// modes 10-15: columns 12-15); in a Reck mesh no MZI, only the outputs.
TEST(DeadShifters, UnreachableShiftersOfTheMnistOutputLayer) {
  const MeshSurroundings s{16, 10, true};
  for (auto [topology, mzis] :
       {std::pair{Topology::Clements, 6}, std::pair{Topology::Reck, 0}}) {
    Mesh mesh = randomPhaseMesh(topology, 16, 3);
    const std::vector<bool> dead = unreachableShifters(mesh, s);
    const int k = mesh.mziCount();
    const std::vector<MziSite> sites = meshLayout(topology, 16);
    int deadTheta = 0;
    for (int i = 0; i < k; ++i) {
      EXPECT_EQ(dead[i], dead[k + i]) << i; // whole MZIs here
      if (dead[i]) {
        ++deadTheta;
        EXPECT_GE(sites[i].mode, 10);
        EXPECT_GE(sites[i].column, 12);
      }
    }
    EXPECT_EQ(deadTheta, mzis) << topologyName(topology);
    for (int m = 0; m < 16; ++m)
      EXPECT_EQ(dead[2 * k + m], m >= 10) << m;

    PowerModel power;
    double expectedPower = 0.0;
    for (int i = 0; i < mesh.shifterCount(); ++i)
      if (dead[i])
        expectedPower += power.heaterPower(shifter(mesh, i));
    EliminationCounts counts = eliminateUnreachableShifters(mesh, s, power);
    EXPECT_EQ(counts.theta, mzis);
    EXPECT_EQ(counts.phi, mzis);
    EXPECT_EQ(counts.outputs, 6);
    EXPECT_EQ(counts.unreachable, 2 * mzis + 6);
    EXPECT_EQ(counts.fixedCrossings, 0);
    EXPECT_NEAR(counts.powerSavedMilliwatts, expectedPower, 1e-9);
    for (int i = 0; i < mesh.shifterCount(); ++i) {
      EXPECT_EQ(mesh.mask[i], dead[i] ? 0 : 1) << i;
      if (dead[i])
        EXPECT_EQ(shifter(mesh, i), 0.0) << i;
    }
    // Already masked shifters are not counted again.
    EXPECT_EQ(eliminateUnreachableShifters(mesh, s, power).unreachable, 0);
  }
}

// Dark inputs: behind a Σ that widens 2 → 4 modes only modes 0 and 1 carry
// light. In a 4-mode Clements mesh (columns: (0,1) (2,3) | (1,2) | (0,1)
// (2,3) | (1,2)) the first MZI on modes (2, 3) is dark; the MZI on (1, 2)
// in column 1 has its top input (mode 1) lit, so its φ acts.
TEST(DeadShifters, DarkInputsAreFollowedThroughTheColumns) {
  const Mesh mesh = randomPhaseMesh(Topology::Clements, 4, 5);
  const std::vector<bool> dead = unreachableShifters(mesh, {2, 4, true});
  const std::vector<MziSite> sites = meshLayout(Topology::Clements, 4);
  ASSERT_EQ(sites.size(), 6u);
  const int k = 6;
  for (int i = 0; i < k; ++i) {
    const bool darkMzi = sites[i].column == 0 && sites[i].mode == 2;
    EXPECT_EQ(dead[i], darkMzi) << i;
    EXPECT_EQ(dead[k + i], darkMzi) << i;
  }
  for (int m = 0; m < 4; ++m)
    EXPECT_FALSE(dead[2 * k + m]) << m;
}
