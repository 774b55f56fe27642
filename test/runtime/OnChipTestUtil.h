//===- OnChipTestUtil.h - Shared helpers of the on-chip tuning tests ------===//
#ifndef PHOTON_TEST_RUNTIME_ONCHIPTESTUTIL_H
#define PHOTON_TEST_RUNTIME_ONCHIPTESTUTIL_H

#include "photon/Runtime/SzoScd.h"

namespace photon::runtime::test {

/// SZO-SCD options for deterministic unit scenarios: every active
/// coordinate each iteration, δ = 0.02, no decay, one epoch, batches of 4.
inline SzoScdOptions unitSzoOptions() {
  SzoScdOptions o;
  o.s = 1.0;
  o.delta = 0.02;
  o.decay = 1.0;
  o.epochs = 1;
  o.batchSize = 4;
  return o;
}

} // namespace photon::runtime::test

#endif // PHOTON_TEST_RUNTIME_ONCHIPTESTUTIL_H
