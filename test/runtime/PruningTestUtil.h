//===- PruningTestUtil.h - Programs for the pruning tests -------*- C++ -*-===//
#ifndef PHOTON_TEST_RUNTIME_PRUNINGTESTUTIL_H
#define PHOTON_TEST_RUNTIME_PRUNINGTESTUTIL_H

#include "photon/Runtime/Convention.h"
#include "photon/Runtime/Metrics.h"
#include "photon/Runtime/Program.h"
#include "photon/Runtime/Random.h"

#include "llvm/Support/Error.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace photon::runtime::test {

inline Layer meshLayer(int modes) {
  Layer layer;
  layer.kind = LayerKind::Mesh;
  layer.inputs = layer.outputs = modes;
  layer.mesh = makeZeroMesh(Topology::Clements, modes);
  return layer;
}

inline Layer diagonalLayer(int modes, double theta, double gain) {
  Layer layer;
  layer.kind = LayerKind::Diagonal;
  layer.inputs = layer.outputs = modes;
  layer.diagonal.inputs = layer.diagonal.outputs = modes;
  layer.diagonal.theta.assign(modes, theta);
  layer.diagonal.gain = gain;
  return layer;
}

/// A chain of meshes (with a Σ between each pair of the same width) and
/// seeded phases in (0.05, 2π − 0.05): no prunable shifter starts at 0.
inline Program randomProgram(const std::vector<int> &modes, uint64_t seed) {
  Random random(seed);
  Program p;
  p.inputs = modes.front();
  p.outputs = modes.back();
  for (size_t i = 0; i < modes.size(); ++i) {
    if (i > 0 && modes[i] != modes[i - 1])
      return Program(); // keep the helper simple: equal widths only
    Layer layer = meshLayer(modes[i]);
    layer.sourceLayer = static_cast<int>(i);
    auto draw = [&] { return 0.05 + (kTwoPi - 0.1) * random.uniform(); };
    for (double &t : layer.mesh.theta)
      t = draw();
    for (double &f : layer.mesh.phi)
      f = draw();
    for (double &o : layer.mesh.outputPhases)
      o = draw();
    p.layers.push_back(layer);
    Layer sigma = diagonalLayer(modes[i], 0.0, 1.0);
    for (double &t : sigma.diagonal.theta)
      t = kPi * random.uniform();
    sigma.diagonal.gain = 1.0 + random.uniform();
    p.layers.push_back(sigma);
  }
  return p;
}

inline std::string errorText(llvm::Error error) {
  return llvm::toString(std::move(error));
}

template <typename T> std::string errorText(llvm::Expected<T> value) {
  if (value)
    return "";
  return llvm::toString(value.takeError());
}

/// True when every masked phase (mesh and attenuator) is exactly +0.0 and
/// the program verifies.
inline ::testing::AssertionResult masksHold(const Program &p) {
  if (llvm::Error e = verifyProgram(p))
    return ::testing::AssertionFailure() << llvm::toString(std::move(e));
  for (const Layer &layer : p.layers) {
    if (layer.kind != LayerKind::Mesh || layer.mesh.mask.empty())
      continue;
    for (int i = 0; i < layer.mesh.shifterCount(); ++i)
      if (!layer.mesh.mask[i]) {
        double phase = shifterPhase(layer.mesh, i);
        if (phase != 0.0 || std::signbit(phase))
          return ::testing::AssertionFailure()
                 << "masked shifter " << i << " has phase " << phase;
      }
  }
  return ::testing::AssertionSuccess();
}

/// Bit-for-bit equality (distinguishes -0.0 from 0.0).
inline bool sameBits(double a, double b) {
  return std::memcmp(&a, &b, sizeof(double)) == 0;
}

inline bool masked(const Mesh &mesh, int index) {
  return !mesh.mask.empty() && mesh.mask[index] == 0;
}

/// Two 3-mode meshes: A has small phases 0.1..0.6, B large ones 1.1..1.6.
inline Program twoMeshes() {
  Program p;
  p.inputs = p.outputs = 3;
  p.layers = {meshLayer(3), meshLayer(3)};
  p.layers[0].mesh.theta = {0.1, 0.2, 0.3};
  p.layers[0].mesh.phi = {0.4, 0.5, 0.6};
  p.layers[1].mesh.theta = {1.4, 1.5, 1.6};
  p.layers[1].mesh.phi = {1.1, 1.2, 1.3};
  return p;
}

} // namespace photon::runtime::test

#endif // PHOTON_TEST_RUNTIME_PRUNINGTESTUTIL_H
