// RUN: photon-translate --photonic-to-svg %s -split-input-file | FileCheck %s
// RUN: photon-translate --photonic-to-svg --svg-color=power --svg-labels=never %s -split-input-file | FileCheck %s --check-prefix=POWER
// RUN: photon-translate --photonic-to-svg %s -split-input-file | FileCheck %s --check-prefix=MZI
// RUN: photon-translate --photonic-to-svg %s -split-input-file -o %t.1.svg
// RUN: photon-translate --photonic-to-svg %s -split-input-file -o %t.2.svg
// RUN: cmp %t.1.svg %t.2.svg

// A 3-mode Clements mesh (3 MZIs) after pruning: MZI 0 has θ and φ masked
// (a fixed crossing), MZI 1 only θ, and output 2 is masked. Live: θ2 = 1,
// φ1 = 2, φ2 = π, outputs 0 and 1, so 5 of 9 shifters and
// 25 mW · (1 + 2 + π + 1 + 2) / π = 72.7 mW.
func.func @tiny(%x: !photonic.field<3>) -> !photonic.field<3> {
  %0 = photonic.mesh clements %x theta = [0.0, 0.0, 1.0] phi = [0.0, 2.0, 3.141592653589793] outputs = [1.0, 2.0, 0.0] mask = [false, false, true, false, true, true, true, true, false] {factor = "U", layer = 0 : i64} : !photonic.field<3>
  return %0 : !photonic.field<3>
}

// CHECK: <?xml version="1.0" encoding="UTF-8" standalone="no"?>
// CHECK-NEXT: <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1"
// CHECK: <text class="title" {{.*}}>@tiny</text>
// CHECK-NEXT: <text class="totals" {{.*}}>9 shifters, 5 live (55.6 %), 3 MZIs, 1 fixed crossings, heater power 72.7 mW (P_π = 25.0 mW)</text>
// CHECK: <g class="component mesh" id="component-0">
// CHECK: U · layer 0 · clements 3×3
// CHECK: 3 MZIs, 5/9 live, 72.7 mW, 1 crossings
// CHECK: <g class="mzi fixed" id="c0-mzi0"
// CHECK-SAME: <use xlink:href="#crossing"><title>column 0, modes 0-1: fixed crossing</title></use></g>
// CHECK: <g class="mzi" id="c0-mzi1"
// CHECK: class="heater phi" {{.*}} fill="
// CHECK-SAME: <title>φ, column 1, modes 1-2: 2.0000 rad, 15.92 mW</title>
// Heater values are written next to small meshes (auto: at most 8 modes).
// CHECK-NEXT: <text class="value" {{.*}}>2.00</text>
// A pruned shifter has no fill (dashed grey outline, docs/pictures.md).
// CHECK-NEXT: <use xlink:href="#h" class="heater theta pruned" x="{{[0-9.]+}}" y="{{[0-9.]+}}"><title>θ, column 1, modes 1-2: pruned</title></use>
// CHECK: <g class="mzi" id="c0-mzi2"
// φ = π is the middle of the colour bar.
// CHECK: class="heater phi" {{.*}} fill="#21908d"
// CHECK: <g class="screen">
// CHECK: class="heater output pruned"
// CHECK: </g>
// CHECK: <g class="legend">
// CHECK: programmed phase φ (rad), wrapped to [0, 2π)
// CHECK: </svg>

// POWER: heater power 72.7 mW (P_π = 25.0 mW)
// POWER-NOT: <text class="value"
// POWER: heater power (mW), P = P_π·φ/π, P_π = 25.0 mW
// POWER: </svg>

// Exactly 3 MZI groups (one of them the crossing), then the output screen.
// MZI: <g class="component mesh" id="component-0">
// MZI-COUNT-3: <g class="mzi
// MZI-NOT: <g class="mzi
// MZI: <g class="screen">

// -----

// Σ attenuators and O-E-O boundaries are blocks; the title is escaped.
func.func @blocks(%x: tensor<2xf64>) -> tensor<2xf64> {
  %0 = photonic.encode %x : tensor<2xf64> -> !photonic.field<2>
  %1 = photonic.mesh reck %0 theta = [1.0] phi = [0.5] outputs = [0.0, 0.0] {layer = 0 : i64, factor = "V"} : !photonic.field<2>
  %2 = photonic.diagonal %1 theta = [0.0, 3.141592653589793] gain = 2.0 mask = [false, true] {layer = 0 : i64} : !photonic.field<2> -> !photonic.field<2>
  %3 = photonic.oeo relu %2 : !photonic.field<2>
  %4 = photonic.mesh clements %3 theta = [0.0] phi = [0.0] outputs = [0.0, 0.0] {layer = 1 : i64, factor = "V"} : !photonic.field<2>
  %5 = photonic.readout softmax %4 : !photonic.field<2> -> tensor<2xf64>
  return %5 : tensor<2xf64>
}

// CHECK: <text class="title" {{.*}}>@blocks</text>
// CHECK: <g class="component encode">
// CHECK: <g class="component mesh" id="component-0">
// CHECK: V† · layer 0 · reck 2×2
// CHECK: <g class="mzi" id="c0-mzi0"
// CHECK: <g class="component diagonal" id="component-1">
// CHECK: Σ ×2.00
// CHECK: class="heater attenuator pruned"
// CHECK: class="heater attenuator"
// CHECK-SAME: <title>Σ attenuator, mode 1: 3.1416 rad, 25.00 mW</title>
// CHECK: <g class="component oeo">
// CHECK: O-E-O relu · 2 ADC, 2 DAC
// CHECK: <g class="component mesh" id="component-2">
// CHECK: <g class="component readout">
// CHECK: readout softmax · 2 ADC</text>
// CHECK: O-E-O / readout
