// RUN: photon-opt %s -photonic-dead-shifter-elim='unreachable=false' 2>%t.log | FileCheck %s
// RUN: FileCheck %s --check-prefix=LOG < %t.log
// RUN: photon-opt %s -photonic-dead-shifter-elim='tolerance=0.01 unreachable=false report=%t.json' -o /dev/null 2>/dev/null && FileCheck %s --check-prefix=REPORT < %t.json
// RUN: not photon-opt %s -photonic-dead-shifter-elim='tolerance=-1' 2>&1 | FileCheck %s --check-prefix=BAD

// Simulated outputs do not change: run the program before and after.
// RUN: photon-translate --photonic-to-runtime %s -o %t.before.json
// RUN: photon-opt %s -photonic-dead-shifter-elim 2>/dev/null | photon-translate --photonic-to-runtime -o %t.after.json
// RUN: photon-run %t.before.json --input %S/Inputs/three-samples.txt > %t.before.txt
// RUN: photon-run %t.after.json --input %S/Inputs/three-samples.txt > %t.after.txt
// RUN: %python %S/Inputs/compare_outputs.py %t.before.txt %t.after.txt 1e-8

// CHECK-LABEL: func.func @net
func.func @net(%x: tensor<3xf64>) -> tensor<3xf64> {
  %0 = photonic.encode %x : tensor<3xf64> -> !photonic.field<3>
  // θ0 = 0, φ0 = 2π − 1e-12 and output 0 are dead; MZI 0 becomes a fixed
  // crossing. θ2 = 1e-3 stays with the default tolerance.
  // CHECK: photonic.mesh clements %{{.*}} theta = [0.0, 1.0, 0.001] phi = [0.0, 2.0, 0.5] outputs = [0.0, 3.0, 0.25]
  // CHECK-SAME: mask = [false, true, true, false, true, true, false, true, true]
  %1 = photonic.mesh clements %0 theta = [0.0, 1.0, 1.0e-3] phi = [6.283185307179585, 2.0, 0.5] outputs = [0.0, 3.0, 0.25] {factor = "V", layer = 0 : i64} : !photonic.field<3>
  // CHECK: photonic.diagonal %{{.*}} theta = [0.0, 1.5, 0.0] gain = 2.000000e+00 mask = [false, true, false]
  %2 = photonic.diagonal %1 theta = [0.0, 1.5, 1.0e-10] gain = 2.0 {layer = 0 : i64} : !photonic.field<3> -> !photonic.field<3>
  %3 = photonic.detect %2 : !photonic.field<3> -> tensor<3xf64>
  return %3 : tensor<3xf64>
}

// LOG: photonic-dead-shifter-elim: removed 5 shifters (theta 1, phi 1, outputs 1, attenuators 2; 0 of them unreachable); 1 fixed crossings; 50.0 mW saved

// With tolerance 0.01 θ2 = 1e-3 goes too.
// REPORT: "attenuators": 2,
// REPORT: "fixed_crossings": 1,
// REPORT: "layer": 0,
// REPORT: "op": "photonic.mesh",
// REPORT: "theta": 2
// REPORT: "shifters": 6,
// REPORT: "theta": 2,
// REPORT: "tolerance_rad": 0.01

// BAD: error: photonic-dead-shifter-elim: 'tolerance' must be a finite value >= 0, got -1
