// Optical-to-electrical boundaries in the runtime program and the phase
// table: an O-E-O boundary (4 ADCs, 4 DACs) and a readout (2 ADCs), with
// the converters priced by the power model (defaults 20 and 25 mW, or the
// options).
// RUN: photon-opt %s --pass-pipeline='builtin.module(photonic-lower-to-mesh)' -o %t.mlir
// RUN: photon-translate --photonic-to-runtime %t.mlir | FileCheck %s --check-prefix=PROGRAM
// RUN: photon-translate --photonic-to-phase-table %t.mlir | FileCheck %s --check-prefix=TABLE
// RUN: photon-translate --photonic-to-phase-table --adc-mw 1 --reencode-mw 2 %t.mlir | FileCheck %s --check-prefix=PRICED
// RUN: not photon-translate --photonic-to-phase-table --adc-mw=-1 %t.mlir 2>&1 | FileCheck %s --check-prefix=NEGATIVE

// PROGRAM: {"op":"oeo","inputs":4,"outputs":4,"function":"relu","bias":[0.5,-0.25,0,1]}
// PROGRAM: {"op":"readout","inputs":2,"outputs":2,"function":"log_softmax"}

// TABLE: "boundaries": [
// TABLE: "kind": "oeo",
// TABLE-NEXT: "after_component": 2,
// TABLE-NEXT: "modes": 4,
// TABLE-NEXT: "function": "relu",
// TABLE-NEXT: "bias": true,
// TABLE-NEXT: "adcs": 4,
// TABLE-NEXT: "dacs": 4,
// TABLE-NEXT: "power_mw": 180
// TABLE: "kind": "readout",
// TABLE-NEXT: "after_component": 5,
// TABLE-NEXT: "modes": 2,
// TABLE-NEXT: "function": "log_softmax",
// TABLE-NEXT: "bias": false,
// TABLE-NEXT: "adcs": 2,
// TABLE-NEXT: "dacs": 0,
// TABLE-NEXT: "power_mw": 40
// TABLE: "totals": {
// TABLE: "adcs": 6,
// TABLE-NEXT: "dacs": 4,
// TABLE-NEXT: "converter_power_mw": 220

// PRICED: "converter_power_mw": 14

// NEGATIVE: --adc-mw must be a power in [0, 1e+06] mW, got -1

func.func @net(%x: tensor<3xf64>) -> tensor<2xf64> {
  %f = photonic.encode %x : tensor<3xf64> -> !photonic.field<3>
  %h = photonic.dense %f weights(dense<[[1.0, 0.5, 0.0], [0.0, -1.0, 2.0], [0.5, 0.5, 0.5], [1.0, 0.0, -1.0]]> : tensor<4x3xf64>)
         : !photonic.field<3> -> !photonic.field<4>
  %r = photonic.oeo relu %h bias = [0.5, -0.25, 0.0, 1.0] : !photonic.field<4>
  %y = photonic.dense %r weights(dense<[[1.0, 2.0, 0.0, -1.0], [0.5, 0.0, 1.0, 1.0]]> : tensor<2x4xf64>)
         : !photonic.field<4> -> !photonic.field<2>
  %o = photonic.readout log_softmax %y : !photonic.field<2> -> tensor<2xf64>
  return %o : tensor<2xf64>
}
