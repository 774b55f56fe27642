// RUN: photon-translate --photonic-to-phase-table %s | FileCheck %s
// RUN: photon-translate --photonic-to-phase-table --p-pi-mw=10 %s | FileCheck %s --check-prefix=PPI

// θ = π/2 costs P_π/2 = 12.5 mW, φ = π costs 25 mW, an output phase of 2π
// wraps to 0 (heater off), the attenuator at π costs 25 mW.
func.func @net(%x: tensor<2xf64>) -> tensor<2xf64> {
  %0 = photonic.encode %x : tensor<2xf64> -> !photonic.field<2>
  %1 = photonic.mesh clements %0 theta = [1.5707963267948966] phi = [3.141592653589793] outputs = [0.0, 6.283185307179586] {factor = "V", layer = 0 : i64} : !photonic.field<2>
  %2 = photonic.diagonal %1 theta = [0.0, 3.141592653589793] gain = 2.0 mask = [false, true] {layer = 0 : i64} : !photonic.field<2> -> !photonic.field<2>
  %3 = photonic.activation softplus %2 : !photonic.field<2>
  %4 = photonic.mesh reck %3 theta = [0.0] phi = [0.0] outputs = [0.0, 0.0] mask = [false, true, true, true] {factor = "U", layer = 0 : i64} : !photonic.field<2>
  %5 = photonic.detect %4 : !photonic.field<2> -> tensor<2xf64>
  return %5 : tensor<2xf64>
}

// CHECK:      "format": "photon-phase-table",
// CHECK-NEXT: "version": 1,
// CHECK:      "p_pi_mw": 25,
// CHECK:      "inputs": 2,
// CHECK-NEXT: "outputs": 2,
// CHECK-NEXT: "components": [
// CHECK-NEXT:  {
// CHECK-NEXT:   "index": 0,
// CHECK-NEXT:   "layer": 0,
// CHECK-NEXT:   "factor": "V",
// CHECK-NEXT:   "kind": "mesh",
// CHECK-NEXT:   "topology": "clements",
// CHECK-NEXT:   "modes": 2,
// CHECK-NEXT:   "columns": 2,
// CHECK-NEXT:   "mzis": 1,
// CHECK-NEXT:   "fixed_crossings": 0,
// CHECK-NEXT:   "shifters": 4,
// CHECK-NEXT:   "power_mw": 37.5
// CHECK:        "index": 1,
// CHECK-NEXT:   "layer": 0,
// CHECK-NEXT:   "factor": "Sigma",
// CHECK-NEXT:   "kind": "diagonal",
// CHECK-NEXT:   "inputs": 2,
// CHECK-NEXT:   "outputs": 2,
// CHECK-NEXT:   "gain": 2,
// CHECK-NEXT:   "shifters": 1,
// CHECK-NEXT:   "power_mw": 25
// CHECK:        "index": 2,
// CHECK-NEXT:   "layer": 0,
// CHECK-NEXT:   "factor": "U",
// CHECK-NEXT:   "kind": "mesh",
// CHECK-NEXT:   "topology": "reck",
// CHECK-NEXT:   "modes": 2,
// CHECK-NEXT:   "columns": 1,
// CHECK-NEXT:   "mzis": 1,
// CHECK-NEXT:   "fixed_crossings": 0,
// CHECK-NEXT:   "shifters": 3,
// CHECK-NEXT:   "power_mw": 0

// CHECK:      "shifters": [
// CHECK-NEXT:  {
// CHECK-NEXT:   "component": 0,
// CHECK-NEXT:   "layer": 0,
// CHECK-NEXT:   "factor": "V",
// CHECK-NEXT:   "column": 0,
// CHECK-NEXT:   "modes": [
// CHECK-NEXT:    0,
// CHECK-NEXT:    1
// CHECK-NEXT:   ],
// CHECK-NEXT:   "arm": "theta",
// CHECK-NEXT:   "phase_rad": 1.5707963267948966,
// CHECK-NEXT:   "power_mw": 12.5,
// CHECK-NEXT:   "live": true
// CHECK:        "arm": "phi",
// CHECK-NEXT:   "phase_rad": 3.1415926535897931,
// CHECK-NEXT:   "power_mw": 25,
// Output screen: column = mesh depth 2; 2π wraps to 0.
// CHECK:        "column": 2,
// CHECK-NEXT:   "modes": [
// CHECK-NEXT:    0
// CHECK-NEXT:   ],
// CHECK-NEXT:   "arm": "output",
// CHECK-NEXT:   "phase_rad": 0,
// CHECK:        "column": 2,
// CHECK-NEXT:   "modes": [
// CHECK-NEXT:    1
// CHECK-NEXT:   ],
// CHECK-NEXT:   "arm": "output",
// CHECK-NEXT:   "phase_rad": 0,
// CHECK-NEXT:   "power_mw": 0,
// CHECK:        "component": 1,
// CHECK:        "arm": "attenuator",
// CHECK-NEXT:   "phase_rad": 0,
// CHECK-NEXT:   "power_mw": 0,
// CHECK-NEXT:   "live": false
// CHECK:        "arm": "attenuator",
// CHECK-NEXT:   "phase_rad": 3.1415926535897931,
// CHECK-NEXT:   "power_mw": 25,
// The pruned θ of the Reck mesh.
// CHECK:        "component": 2,
// CHECK:        "arm": "theta",
// CHECK-NEXT:   "phase_rad": 0,
// CHECK-NEXT:   "power_mw": 0,
// CHECK-NEXT:   "live": false
// CHECK:      "totals": {
// CHECK-NEXT:  "shifters": 8,
// CHECK-NEXT:  "power_mw": 62.5

// PPI: "p_pi_mw": 10,
// PPI: "totals": {
// PPI-NEXT:  "shifters": 8,
// PPI-NEXT:  "power_mw": 25
