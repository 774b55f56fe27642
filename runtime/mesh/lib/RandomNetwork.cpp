//===- RandomNetwork.cpp - Seeded random photonic networks ----------------===//
#include "photon/Runtime/RandomNetwork.h"

#include "photon/Runtime/Decomposition.h"
#include "photon/Runtime/Diagonal.h"

#include <algorithm>
#include <cassert>

namespace photon::runtime {

namespace {

Layer plainLayer(LayerKind kind, int n) {
  Layer l;
  l.kind = kind;
  l.inputs = l.outputs = n;
  return l;
}

Layer haarMeshLayer(Topology topology, int n, Random &random) {
  Layer l = plainLayer(LayerKind::Mesh, n);
  const Eigen::MatrixXcd u = haarUnitary(n, random);
  l.mesh = topology == Topology::Clements ? decomposeClements(u)
                                          : decomposeReck(u);
  return l;
}

Layer sigmaLayer(int inputs, int outputs, Random &random) {
  Layer l;
  l.kind = LayerKind::Diagonal;
  l.inputs = inputs;
  l.outputs = outputs;
  Eigen::VectorXd s(std::min(inputs, outputs));
  for (Eigen::Index i = 0; i < s.size(); ++i)
    s[i] = 0.5 + random.uniform();
  l.diagonal = diagonalFromSingularValues(s, inputs, outputs);
  return l;
}

} // namespace

Program randomNetwork(const std::vector<int> &widths, Topology topology,
                      Activation activation, Random &random) {
  assert(widths.size() >= 2 && "a network needs an input and an output");
  Program p;
  p.inputs = widths.front();
  p.outputs = widths.back();
  p.layers.push_back(plainLayer(LayerKind::Encode, widths.front()));
  for (size_t i = 1; i < widths.size(); ++i) {
    const int in = widths[i - 1], out = widths[i];
    p.layers.push_back(haarMeshLayer(topology, in, random));
    p.layers.push_back(sigmaLayer(in, out, random));
    p.layers.push_back(haarMeshLayer(topology, out, random));
    if (i + 1 < widths.size()) {
      Layer act = plainLayer(LayerKind::Activation, out);
      act.activation = activation;
      p.layers.push_back(act);
    }
  }
  p.layers.push_back(plainLayer(LayerKind::Detect, widths.back()));
  return p;
}

} // namespace photon::runtime
