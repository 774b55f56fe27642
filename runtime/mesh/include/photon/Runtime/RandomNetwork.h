//===- RandomNetwork.h - Seeded random photonic networks --------*- C++ -*-===//
//
// A whole program drawn at random, for tests, benchmarks and examples that
// need a trainable network without going through the compiler:
//   encode → per layer [V mesh, Σ, U mesh, activation] → detect
// with Haar-random unitaries decomposed onto the chosen topology and singular
// values uniform in [0.5, 1.5). The last layer has no activation.
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_RUNTIME_RANDOMNETWORK_H
#define PHOTON_RUNTIME_RANDOMNETWORK_H

#include "photon/Runtime/Program.h"
#include "photon/Runtime/Random.h"

#include <vector>

namespace photon::runtime {

/// `widths` lists the mode counts from input to output (at least two).
Program randomNetwork(const std::vector<int> &widths, Topology topology,
                      Activation activation, Random &random);

} // namespace photon::runtime

#endif // PHOTON_RUNTIME_RANDOMNETWORK_H
