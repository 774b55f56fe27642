//===- PowerModel.cpp - Static heater power of phase shifters -------------===//
#include "photon/Runtime/PowerModel.h"

#include "photon/Runtime/Convention.h"

namespace photon::runtime {

double PowerModel::heaterPower(double phase) const {
  return piPowerMilliwatts * wrapPhase(phase) / kPi;
}

double PowerModel::converterPower(int adcs, int dacs) const {
  return adcs * adcPowerMilliwatts + dacs * dacPowerMilliwatts;
}

} // namespace photon::runtime
