//===- PruningTestUtil.h - Programs for the pruning tests -------*- C++ -*-===//
#ifndef PHOTON_TEST_RUNTIME_PRUNINGTESTUTIL_H
#define PHOTON_TEST_RUNTIME_PRUNINGTESTUTIL_H

#include "photon/Runtime/Convention.h"
#include "photon/Runtime/Program.h"
#include "photon/Runtime/Random.h"

#include <cstdint>
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

} // namespace photon::runtime::test

#endif // PHOTON_TEST_RUNTIME_PRUNINGTESTUTIL_H
