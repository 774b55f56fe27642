//===- PhaseInit.h - Initial phases of a mesh -------------------*- C++ -*-===//
//
// How the phases of a mesh are initialised before training:
//  - Decompose: the phases of a given unitary (Clements or Reck). Every
//    internal phase θ then lies in [0, π] (θ = 2·atan|r|), while φ and the
//    output phases spread over [0, 2π).
//  - Uniform: θ, φ and the output phases drawn independently and uniformly
//    in [0, 2π), as the LTH paper's networks trained from scratch are
//    initialised. The mesh realises some random unitary (not Haar).
// See docs/pruning.md ("Initial phases") for why the default for a network
// trained from scratch is Uniform.
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_RUNTIME_PHASEINIT_H
#define PHOTON_RUNTIME_PHASEINIT_H

#include "photon/Runtime/Mesh.h"

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <initializer_list>
#include <optional>

namespace photon::runtime {

enum class PhaseInit {
  /// Uniform for randomly initialised layers, Decompose for given weights.
  Auto,
  Uniform,
  Decompose,
};

/// "auto", "uniform" or "decompose".
const char *phaseInitName(PhaseInit init);
std::optional<PhaseInit> parsePhaseInit(llvm::StringRef name);

/// A mesh of `modes` modes whose θ, φ and output phases are i.i.d. uniform
/// in [0, 2π), drawn in that order (all θ, then all φ, then the outputs)
/// from runtime::Random(seed).
Mesh uniformPhaseMesh(Topology topology, int modes, uint64_t seed);

/// One 64-bit seed from the parts that identify a mesh (a layer's
/// initializer seed, a user seed, the layer index, the factor): the
/// splitmix64 finaliser applied to their running combination, so that
/// neighbouring values give unrelated streams.
uint64_t mixSeeds(std::initializer_list<uint64_t> parts);

} // namespace photon::runtime

#endif // PHOTON_RUNTIME_PHASEINIT_H
