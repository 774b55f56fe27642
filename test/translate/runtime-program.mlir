// RUN: photon-translate --photonic-to-runtime %s | FileCheck %s
// RUN: photon-translate --photonic-to-runtime %s -o %t.json && photon-run %t.json --input %S/Inputs/two-samples.txt | FileCheck %s --check-prefix=OUT

// A bar-state mesh (θ = π, output phase π on mode 0) is the identity; the
// attenuators transmit cos(0) = 1 and cos(π/3) = 1/2 with gain 2, so the
// detected outputs are (2 x0)² and x1².
func.func @net(%x: tensor<2xf64>) -> tensor<2xf64> {
  %0 = photonic.encode %x : tensor<2xf64> -> !photonic.field<2>
  %1 = photonic.mesh clements %0 theta = [3.141592653589793] phi = [0.0] outputs = [3.141592653589793, 0.0] {factor = "V", layer = 0 : i64} : !photonic.field<2>
  %2 = photonic.diagonal %1 theta = [0.0, 2.0943951023931957] gain = 2.0 {layer = 0 : i64} : !photonic.field<2> -> !photonic.field<2>
  %3 = photonic.activation identity %2 : !photonic.field<2>
  %4 = photonic.detect %3 : !photonic.field<2> -> tensor<2xf64>
  return %4 : tensor<2xf64>
}

// CHECK:      "format": "photon-program",
// CHECK-NEXT: "version": 1,
// CHECK-NEXT: "inputs": 2,
// CHECK-NEXT: "outputs": 2,
// CHECK-NEXT: "layers": [
// CHECK-NEXT: {"op":"encode","inputs":2,"outputs":2},
// CHECK-NEXT: {"op":"mesh","inputs":2,"outputs":2,"topology":"clements","theta":[3.1415926535897931],"phi":[0],"output_phases":[3.1415926535897931,0],"layer":0,"factor":"V"},
// CHECK-NEXT: {"op":"diagonal","inputs":2,"outputs":2,"theta":[0,2.0943951023931957],"gain":2,"layer":0,"factor":"Sigma"},
// CHECK-NEXT: {"op":"activation","inputs":2,"outputs":2,"function":"identity"},
// CHECK-NEXT: {"op":"detect","inputs":2,"outputs":2}
// CHECK-NEXT: ]

// x = (1, 2) -> (4, 4); x = (0, 1) -> (0, 1), to rounding.
// OUT:      {{^(4|4\.00000000*[0-9]*|3\.9999999*[0-9]*) (4|4\.00000000*[0-9]*|3\.9999999*[0-9]*)$}}
// OUT-NEXT: {{^([0-9.]+e-[0-9]+|0) (1|1\.00000000*[0-9]*|0\.9999999*[0-9]*)$}}
