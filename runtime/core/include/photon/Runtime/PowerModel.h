//===- PowerModel.h - Static heater power of phase shifters -----*- C++ -*-===//
//
// Thermo-optic shifters draw static power proportional to their (wrapped)
// phase: P = P_π · φ / π. Defined once; reports and exports use it.
// Optical-to-electrical boundaries (Boundary.h) add converter power: per
// mode, a coherent receiver with its ADC and, when the boundary re-encodes,
// a DAC with its modulator driver (docs/import.md).
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_RUNTIME_POWERMODEL_H
#define PHOTON_RUNTIME_POWERMODEL_H

namespace photon::runtime {

struct PowerModel {
  /// Power needed for a phase of π, in milliwatts.
  double piPowerMilliwatts = 25.0;

  /// Power of one coherent receiver channel (balanced photodiodes, TIA,
  /// ADC), in milliwatts.
  double adcPowerMilliwatts = 20.0;
  /// Power of one re-encoding channel (DAC and modulator driver), in mW.
  double dacPowerMilliwatts = 25.0;

  /// Heater power in mW for `phase` (wrapped into [0, 2π) first).
  double heaterPower(double phase) const;
  /// Converter power in mW of `adcs` receivers and `dacs` re-encoders.
  double converterPower(int adcs, int dacs) const;
};

} // namespace photon::runtime

#endif // PHOTON_RUNTIME_POWERMODEL_H
