//===- DeadShiftersTest.cpp - Eliminating shifters at phase 0 -------------===//
#include "TestUtil.h"

#include "photon/Runtime/Convention.h"
#include "photon/Runtime/DeadShifters.h"
#include "photon/Runtime/Decomposition.h"

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
