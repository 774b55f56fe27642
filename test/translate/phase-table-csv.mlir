// --phase-table-format=csv: the JSON document without its shifter list on
// one '#' line, then a CSV header and one row per shifter in the JSON order.
// The JSON form is unchanged by the option's default.
// RUN: photon-translate --photonic-to-phase-table --phase-table-format=csv %s | FileCheck %s
// RUN: photon-translate --photonic-to-phase-table --phase-table-format=csv --dac-bits=3 %s | FileCheck %s --check-prefix=DAC
// RUN: photon-translate --photonic-to-phase-table --phase-table-format=json %s | FileCheck %s --check-prefix=JSON
// RUN: not photon-translate --photonic-to-phase-table --phase-table-format=xml %s 2>&1 | FileCheck %s --check-prefix=BAD

func.func @net(%x: tensor<2xf64>) -> tensor<2xf64> {
  %0 = photonic.encode %x : tensor<2xf64> -> !photonic.field<2>
  %1 = photonic.mesh clements %0 theta = [1.5707963267948966] phi = [3.141592653589793] outputs = [0.0, 6.283185307179586] {factor = "V", layer = 0 : i64} : !photonic.field<2>
  %2 = photonic.diagonal %1 theta = [0.0, 3.141592653589793] gain = 2.0 mask = [false, true] {layer = 0 : i64} : !photonic.field<2> -> !photonic.field<2>
  %3 = photonic.detect %2 : !photonic.field<2> -> tensor<2xf64>
  return %3 : tensor<2xf64>
}

// CHECK:      # {"format":"photon-phase-table","version":1,
// CHECK-SAME: "components":[{"index":0,"layer":0,"factor":"V","kind":"mesh"
// CHECK-SAME: "totals":{"shifters":5,"power_mw":62.5}}{{$}}
// CHECK-NEXT: component,column,mode,mode2,arm,phase_rad,power_mw,live{{$}}
// CHECK-NEXT: 0,0,0,1,theta,1.5707963267948966,12.5,1
// CHECK-NEXT: 0,0,0,1,phi,3.141592653589793,25,1
// CHECK-NEXT: 0,2,0,,output,0,0,1
// CHECK-NEXT: 0,2,1,,output,0,0,1
// CHECK-NEXT: 1,0,0,,attenuator,0,0,0
// CHECK-NEXT: 1,0,1,,attenuator,3.141592653589793,25,1
// CHECK-NOT:  {{.}}

// DAC:      "dac":{"bits":3,
// DAC:      component,column,mode,mode2,arm,phase_rad,power_mw,live,dac_code,dac_phase_rad,dac_power_mw{{$}}
// DAC-NEXT: 0,0,0,1,theta,1.5707963267948966,12.5,1,2,1.5707963267948966,12.5

// JSON:      "shifters": [
// JSON-NEXT:  {
// JSON-NEXT:   "component": 0,

// BAD: Cannot find option named 'xml'
