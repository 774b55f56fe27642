// RUN: not photon-translate --photonic-to-phase-table --p-pi-mw=-1 %s 2>&1 | FileCheck %s
// CHECK: error: --p-pi-mw must be a power in (0, 1e+06] mW, got -1
// On error no output file is left behind.
// RUN: rm -f %t.json && not photon-translate --photonic-to-phase-table --p-pi-mw=-1 %s -o %t.json 2>/dev/null && test ! -e %t.json
func.func @f(%x: !photonic.field<1>) -> !photonic.field<1> {
  return %x : !photonic.field<1>
}
