//===- FastAtan2.h - atan2 for bulk phase extraction ------------*- C++ -*-===//
//
// The decompositions turn every MZI into two phases with atan2; at N = 256
// that is 65,280 calls, and glibc's correctly rounded atan2 took about 12 %
// of a Clements decomposition (perf; docs/benchmarks.md). fastAtan2 gives
// the same result to within an ulp at a fraction of the cost.
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_RUNTIME_FASTATAN2_H
#define PHOTON_RUNTIME_FASTATAN2_H

namespace photon::runtime {

/// atan2(y, x) in [-π, π], with std::atan2's quadrants and signed zeros.
/// Finite non-zero arguments: absolute error below one ulp of π, 4.4e-16
/// (FastAtan2Test measures 3.75e-16 at worst over 10^6 arguments, against
/// 2.2e-16 for std::atan2). Zeros, infinities and NaNs are passed to
/// std::atan2.
double fastAtan2(double y, double x);

} // namespace photon::runtime

#endif // PHOTON_RUNTIME_FASTATAN2_H
