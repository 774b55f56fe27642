// A mesh's active (on-chip tunable) shifters reach the phase table and the
// runtime program.
// RUN: photon-translate --photonic-to-phase-table %s | FileCheck %s
// RUN: photon-translate --photonic-to-runtime %s | FileCheck %s --check-prefix=PROGRAM
// RUN: photon-translate --photonic-to-runtime %s -o %t.json
// RUN: photon-run %t.json --input %S/Inputs/two-samples.txt > /dev/null

func.func @net(%x: tensor<2xf64>) -> tensor<2xf64> {
  %0 = photonic.encode %x : tensor<2xf64> -> !photonic.field<2>
  %1 = photonic.mesh clements %0 theta = [1.0] phi = [2.0] outputs = [0.5, 0.25] active = [false, true, false, false] : !photonic.field<2>
  %2 = photonic.detect %1 : !photonic.field<2> -> tensor<2xf64>
  return %2 : tensor<2xf64>
}

// CHECK:      "fixed_crossings": 0,
// CHECK-NEXT: "active_shifters": 1,
// CHECK:      "arm": "theta",
// CHECK:      "live": true,
// CHECK-NEXT: "active": false
// CHECK:      "arm": "phi",
// CHECK:      "live": true,
// CHECK-NEXT: "active": true
// CHECK:      "arm": "output",
// CHECK:      "active": false

// PROGRAM: "active":[0,1,0,0]
