// Shifters that cannot act are removed whatever their phase, and what the
// network computes does not change at all.
// RUN: photon-opt %s -photonic-dead-shifter-elim 2>%t.log | FileCheck %s
// RUN: FileCheck %s --check-prefix=LOG < %t.log
// RUN: photon-opt %s -photonic-dead-shifter-elim='unreachable=false' 2>&1 -o /dev/null | FileCheck %s --check-prefix=OFF
// RUN: photon-translate --photonic-to-runtime %s -o %t.before.json
// RUN: photon-opt %s -photonic-dead-shifter-elim 2>/dev/null | photon-translate --photonic-to-runtime -o %t.after.json
// RUN: photon-run %t.before.json --input %S/Inputs/two-samples.txt > %t.before.txt
// RUN: photon-run %t.after.json --input %S/Inputs/two-samples.txt > %t.after.txt
// RUN: %python %S/Inputs/compare_outputs.py %t.before.txt %t.after.txt 1e-12

// encode 2 → A (2 modes) → Σ 2 → 4 → B (4 modes) → Σ 4 → 1 → detect.
// Only modes 0 and 1 enter B (Σ widens: modes 2, 3 are dark) and only mode
// 0 of B is read (the second Σ terminates 1-3), by a detector (no phase).
// B's Clements layout: MZI 0 (0,1), 1 (2,3) | 2 (1,2) | 3 (0,1), 4 (2,3) |
// 5 (1,2). MZI 1 gets no light; MZIs 4 and 5 reach no read mode; every
// output phase of B is lost. A is fully used, its output phases included
// (B mixes them).

// CHECK-LABEL: func.func @net
func.func @net(%x: tensor<2xf64>) -> tensor<1xf64> {
  %0 = photonic.encode %x : tensor<2xf64> -> !photonic.field<2>
  // CHECK: photonic.mesh clements %{{.*}} theta = [1.2] phi = [0.7] outputs = [0.4, 2.1] mask = [true, true, true, true] :
  %1 = photonic.mesh clements %0 theta = [1.2] phi = [0.7] outputs = [0.4, 2.1] : !photonic.field<2>
  %2 = photonic.diagonal %1 theta = [0.5, 1.0] gain = 1.5 : !photonic.field<2> -> !photonic.field<4>
  // CHECK: photonic.mesh clements %{{.*}} theta = [1.0, 0.0, 1.2, 1.3, 0.0, 0.0] phi = [2.0, 0.0, 2.2, 2.3, 0.0, 0.0] outputs = [0.0, 0.0, 0.0, 0.0]
  // CHECK-SAME: mask = [true, false, true, true, false, false, true, false, true, true, false, false, false, false, false, false]
  // CHECK-SAME: active = [true, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false]
  %3 = photonic.mesh clements %2 theta = [1.0, 1.1, 1.2, 1.3, 1.4, 1.5] phi = [2.0, 2.1, 2.2, 2.3, 2.4, 2.5] outputs = [0.1, 0.2, 0.3, 0.4] active = [true, false, false, false, false, true, false, false, false, false, false, false, false, false, false, false] : !photonic.field<4>
  %4 = photonic.diagonal %3 theta = [0.3] gain = 1.0 : !photonic.field<4> -> !photonic.field<1>
  %5 = photonic.detect %4 : !photonic.field<1> -> tensor<1xf64>
  return %5 : tensor<1xf64>
}

// LOG: photonic-dead-shifter-elim: removed 10 shifters (theta 3, phi 3, outputs 4, attenuators 0; 10 of them unreachable); 3 fixed crossings;
// OFF: photonic-dead-shifter-elim: removed 0 shifters (theta 0, phi 0, outputs 0, attenuators 0; 0 of them unreachable); 0 fixed crossings; 0.0 mW saved
