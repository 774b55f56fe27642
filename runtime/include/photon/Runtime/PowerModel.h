//===- PowerModel.h - Static heater power of phase shifters -----*- C++ -*-===//
//
// Thermo-optic shifters draw static power proportional to their (wrapped)
// phase: P = P_π · φ / π. Defined once; reports and exports use it.
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_RUNTIME_POWERMODEL_H
#define PHOTON_RUNTIME_POWERMODEL_H

namespace photon::runtime {

struct PowerModel {
  /// Power needed for a phase of π, in milliwatts.
  double piPowerMilliwatts = 25.0;

  /// Heater power in mW for `phase` (wrapped into [0, 2π) first).
  double heaterPower(double phase) const;
};

} // namespace photon::runtime

#endif // PHOTON_RUNTIME_POWERMODEL_H
