// Output phases in front of a detector lose their meaning through any
// activation (|f(z)| depends on |z| alone), but not through a mesh, which
// lets them interfere.
// RUN: photon-opt %s -photonic-dead-shifter-elim 2>%t.log | FileCheck %s
// RUN: FileCheck %s --check-prefix=LOG < %t.log
// RUN: photon-translate --photonic-to-runtime %s -o %t.before.json
// RUN: photon-opt %s -photonic-dead-shifter-elim 2>/dev/null | photon-translate --photonic-to-runtime -o %t.after.json
// RUN: photon-run %t.before.json --input %S/Inputs/two-samples.txt > %t.before.txt
// RUN: photon-run %t.after.json --input %S/Inputs/two-samples.txt > %t.after.txt
// RUN: %python %S/Inputs/compare_outputs.py %t.before.txt %t.after.txt 1e-12

// CHECK-LABEL: func.func @net
func.func @net(%x: tensor<2xf64>) -> tensor<2xf64> {
  %0 = photonic.encode %x : tensor<2xf64> -> !photonic.field<2>
  // A's output phases reach B, which mixes them: all of A acts.
  // CHECK: photonic.mesh clements %{{.*}} theta = [1.2] phi = [0.7] outputs = [0.4, 2.1] mask = [true, true, true, true] :
  %1 = photonic.mesh clements %0 theta = [1.2] phi = [0.7] outputs = [0.4, 2.1] : !photonic.field<2>
  %2 = photonic.activation softplus %1 : !photonic.field<2>
  // B's output phases pass a softplus and a Σ, then the detector.
  // CHECK: photonic.mesh clements %{{.*}} theta = [0.9] phi = [1.7] outputs = [0.0, 0.0] mask = [true, true, false, false] :
  %3 = photonic.mesh clements %2 theta = [0.9] phi = [1.7] outputs = [0.3, 1.1] : !photonic.field<2>
  %4 = photonic.activation softplus %3 : !photonic.field<2>
  %5 = photonic.diagonal %4 theta = [0.5, 1.0] gain = 1.5 : !photonic.field<2> -> !photonic.field<2>
  %6 = photonic.detect %5 : !photonic.field<2> -> tensor<2xf64>
  return %6 : tensor<2xf64>
}

// LOG: photonic-dead-shifter-elim: removed 2 shifters (theta 0, phi 0, outputs 2, attenuators 0; 2 of them unreachable); 0 fixed crossings;
