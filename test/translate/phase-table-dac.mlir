// --dac-bits N adds the DAC code of every shifter, the phase it yields and
// the heater power at that phase.
// RUN: photon-translate --photonic-to-phase-table --dac-bits=3 %s | FileCheck %s
// RUN: not photon-translate --photonic-to-phase-table --dac-bits=33 %s -o %t.bad 2>&1 | FileCheck %s --check-prefix=BITS
// RUN: test ! -e %t.bad
// BITS: --dac-bits must be in 1..32 (0: off), got 33

// 3 bits: LSB = 2π/8. θ = 1.0 → round(1.2732) = 1 → π/4 (6.25 mW at
// P_π = 25 mW); φ = 6.2 → round(7.894) = 8 ≡ 0 (heater off); outputs 3.0 →
// round(3.8197) = 4 → π; 0.5 → round(0.6366) = 1 → π/4. The attenuator at
// 0.4 → 1 → π/4; the masked attenuator is not driven (code 0).
func.func @net(%x: tensor<2xf64>) -> tensor<2xf64> {
  %0 = photonic.encode %x : tensor<2xf64> -> !photonic.field<2>
  %1 = photonic.mesh clements %0 theta = [1.0] phi = [6.2] outputs = [3.0, 0.5] {factor = "V", layer = 0 : i64} : !photonic.field<2>
  %2 = photonic.diagonal %1 theta = [0.4, 0.0] gain = 1.0 mask = [true, false] {layer = 0 : i64} : !photonic.field<2> -> !photonic.field<2>
  %3 = photonic.detect %2 : !photonic.field<2> -> tensor<2xf64>
  return %3 : tensor<2xf64>
}

// CHECK:      "dac": {
// CHECK-NEXT:  "bits": 3,
// CHECK-NEXT:  "levels": 8,
// CHECK-NEXT:  "lsb_rad": 0.78539816339744828,
// CHECK:      "arm": "theta",
// CHECK-NEXT: "phase_rad": 1,
// CHECK:      "dac_code": 1,
// CHECK-NEXT: "dac_phase_rad": 0.78539816339744828,
// CHECK-NEXT: "dac_power_mw": 6.25
// CHECK:      "arm": "phi",
// CHECK-NEXT: "phase_rad": 6.2000000000000002,
// CHECK:      "dac_code": 0,
// CHECK-NEXT: "dac_phase_rad": 0,
// CHECK-NEXT: "dac_power_mw": 0
// CHECK:      "arm": "output",
// CHECK:      "dac_code": 4,
// CHECK-NEXT: "dac_phase_rad": 3.1415926535897931,
// CHECK-NEXT: "dac_power_mw": 25
// CHECK:      "arm": "output",
// CHECK:      "dac_code": 1,
// CHECK:      "arm": "attenuator",
// CHECK-NEXT: "phase_rad": 0.40000000000000002,
// CHECK-NEXT: "power_mw": 3.18309
// CHECK-NEXT: "live": true,
// CHECK-NEXT: "dac_code": 1,
// CHECK:      "arm": "attenuator",
// CHECK:      "live": false,
// CHECK-NEXT: "dac_code": 0,
// CHECK-NEXT: "dac_phase_rad": 0,
// CHECK-NEXT: "dac_power_mw": 0
// CHECK:      "totals": {
// CHECK:       "dac_power_mw": 43.75
