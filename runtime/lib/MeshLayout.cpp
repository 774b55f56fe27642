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

int mziCount(int modes) { return modes < 2 ? 0 : modes * (modes - 1) / 2; }

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

} // namespace photon::runtime
