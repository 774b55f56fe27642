//===- PhaseInit.cpp - Initial phases of a mesh ---------------------------===//
#include "photon/Runtime/PhaseInit.h"

#include "photon/Runtime/Random.h"

#include <cmath>

namespace photon::runtime {

const char *phaseInitName(PhaseInit init) {
  switch (init) {
  case PhaseInit::Auto:
    return "auto";
  case PhaseInit::Uniform:
    return "uniform";
  case PhaseInit::Decompose:
    return "decompose";
  }
  return "auto";
}

std::optional<PhaseInit> parsePhaseInit(llvm::StringRef name) {
  if (name == "auto")
    return PhaseInit::Auto;
  if (name == "uniform")
    return PhaseInit::Uniform;
  if (name == "decompose")
    return PhaseInit::Decompose;
  return std::nullopt;
}

Mesh uniformPhaseMesh(Topology topology, int modes, uint64_t seed) {
  Mesh mesh = makeZeroMesh(topology, modes);
  Random random(seed);
  const double twoPi = 2.0 * M_PI;
  // uniform() is in [0, 1); the product can round up to 2π only for
  // uniform() within an ulp of 1, so wrap that case to 0 explicitly.
  auto draw = [&] {
    double phase = twoPi * random.uniform();
    return phase < twoPi ? phase : 0.0;
  };
  for (double &theta : mesh.theta)
    theta = draw();
  for (double &phi : mesh.phi)
    phi = draw();
  for (double &output : mesh.outputPhases)
    output = draw();
  return mesh;
}

uint64_t mixSeeds(std::initializer_list<uint64_t> parts) {
  uint64_t h = 0x9E3779B97F4A7C15ull;
  for (uint64_t part : parts) {
    h ^= part + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
    // splitmix64 finaliser.
    h ^= h >> 30;
    h *= 0xBF58476D1CE4E5B9ull;
    h ^= h >> 27;
    h *= 0x94D049BB133111EBull;
    h ^= h >> 31;
  }
  return h;
}

} // namespace photon::runtime
