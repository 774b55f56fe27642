//===- MeshLayout.h - Where the MZIs of a mesh sit --------------*- C++ -*-===//
//
// A mesh of N modes has N(N-1)/2 MZIs. The layout lists them in canonical
// order: by column (optical depth), then by top mode. This order is the order
// of θ and φ in the IR, in runtime programs and in phase tables, and it is a
// valid order of application (MZIs in one column touch disjoint modes).
//
//  - Clements (rectangular): column c in [0, N) holds the MZIs on modes
//    (m, m+1) for m = c mod 2, c mod 2 + 2, ... while m + 1 < N. Depth N
//    (for N = 2 the second column is empty; N = 1 has no MZI).
//  - Reck (triangular): column c in [0, 2N-3) holds the MZIs on (m, m+1) with
//    m ≡ c (mod 2), m <= c and m <= 2N-4-c. Depth 2N-3 (0 for N = 1, 1 for
//    N = 2). Diagonal d = 0..N-2 of the triangle is the chain of MZIs
//    (column 2d + t, mode t) for t = 0..N-2-d: mode pair (0, 1) is used
//    N-1 times, (N-2, N-1) once.
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_RUNTIME_MESHLAYOUT_H
#define PHOTON_RUNTIME_MESHLAYOUT_H

#include <optional>
#include <string_view>
#include <vector>

namespace photon::runtime {

enum class Topology { Clements, Reck };

/// "clements" or "reck".
const char *topologyName(Topology topology);
std::optional<Topology> parseTopology(std::string_view name);

/// One MZI of a mesh: it acts on modes (mode, mode + 1) in `column`.
struct MziSite {
  int column;
  int mode;
};

/// N(N-1)/2.
int mziCount(int modes);
/// Number of MZI columns: N for Clements, max(2N-3, 0) for Reck
/// (1 for N = 2).
int meshDepth(Topology topology, int modes);
/// The MZIs in canonical order (see file comment).
std::vector<MziSite> meshLayout(Topology topology, int modes);

/// The phase shifters of a mesh: the internal (θ) or external (φ) shifter of
/// an MZI, or an output shifter of the phase screen.
enum class Arm { Theta, Phi, Output };

/// "theta", "phi" or "output".
const char *armName(Arm arm);

/// The physical address of one phase shifter: (column, mode pair, arm).
/// For an MZI shifter `mode` is the top mode of the pair (mode, mode + 1);
/// for an output shifter it is the mode and `column` is meshDepth (the
/// screen sits after the last MZI column).
struct ShifterSite {
  Arm arm;
  int column;
  int mode;
};

/// Every shifter of a mesh in the order of per-shifter arrays and masks:
/// θ of each MZI in layout order, then φ in layout order, then the outputs
/// by mode. Size 2·mziCount(modes) + modes.
std::vector<ShifterSite> shifterLayout(Topology topology, int modes);

} // namespace photon::runtime

#endif // PHOTON_RUNTIME_MESHLAYOUT_H
