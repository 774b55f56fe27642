//===- MeshLayout.cpp - Where the MZIs of a mesh sit ----------------------===//
#include "photon/Runtime/MeshLayout.h"

#include <algorithm>

namespace photon::runtime {

const char *topologyName(Topology topology) {
  switch (topology) {
  case Topology::Clements:
    return "clements";
  case Topology::Reck:
    return "reck";
  }
  return "clements";
}

std::optional<Topology> parseTopology(std::string_view name) {
  if (name == "clements")
    return Topology::Clements;
  if (name == "reck")
    return Topology::Reck;
  return std::nullopt;
}

int mziCount(int modes) {
  // In 64 bits: callers check modes <= kMaxModes (Limits.h), whose count
  // fits an int, but the product itself must not overflow first.
  const int64_t n = modes;
  return modes < 2 ? 0 : static_cast<int>(n * (n - 1) / 2);
}

int meshDepth(Topology topology, int modes) {
  if (modes < 1)
    return 0;
  if (topology == Topology::Clements)
    return modes;
  return std::max(2 * modes - 3, 0);
}

std::vector<MziSite> meshLayout(Topology topology, int modes) {
  std::vector<MziSite> sites;
  if (modes < 2)
    return sites;
  sites.reserve(mziCount(modes));
  const int depth = meshDepth(topology, modes);
  for (int column = 0; column < depth; ++column) {
    int last = modes - 2; // the highest top mode an MZI can have
    if (topology == Topology::Reck)
      last = std::min({last, column, 2 * modes - 4 - column});
    for (int mode = column % 2; mode <= last; mode += 2)
      sites.push_back({column, mode});
  }
  return sites;
}

const char *armName(Arm arm) {
  switch (arm) {
  case Arm::Theta:
    return "theta";
  case Arm::Phi:
    return "phi";
  case Arm::Output:
    return "output";
  }
  return "unknown";
}

std::vector<ShifterSite> shifterLayout(Topology topology, int modes) {
  std::vector<MziSite> mzis = meshLayout(topology, modes);
  std::vector<ShifterSite> shifters;
  shifters.reserve(2 * mzis.size() + static_cast<size_t>(modes));
  for (Arm arm : {Arm::Theta, Arm::Phi})
    for (const MziSite &site : mzis)
      shifters.push_back({arm, site.column, site.mode});
  int depth = meshDepth(topology, modes);
  for (int mode = 0; mode < modes; ++mode)
    shifters.push_back({Arm::Output, depth, mode});
  return shifters;
}

} // namespace photon::runtime
