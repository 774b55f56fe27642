// RUN: not photon-translate --photonic-to-svg --p-pi-mw=0 %s 2>&1 | FileCheck %s --check-prefix=PPI
// RUN: not photon-translate --photonic-to-svg --svg-row-width=50 %s 2>&1 | FileCheck %s --check-prefix=ROW
// RUN: photon-translate --photonic-to-svg --svg-title='a < b & "c"' --svg-labels=always --p-pi-mw=10 %s | FileCheck %s

// PPI: error: --p-pi-mw must be a power in (0, 1e+06] mW, got 0
// ROW: error: --svg-row-width must be at least 100, got 50

// The title is escaped; --p-pi-mw sets the power (φ = π: 10 mW).
// CHECK: <text class="title" {{.*}}>a &lt; b &amp; &quot;c&quot;</text>
// CHECK: heater power 10.0 mW (P_π = 10.0 mW)
// CHECK: <text class="value" {{.*}}>3.14</text>
func.func @one(%x: !photonic.field<2>) -> !photonic.field<2> {
  %0 = photonic.mesh clements %x theta = [0.0] phi = [3.141592653589793] outputs = [0.0, 0.0] mask = [false, true, false, false] : !photonic.field<2>
  return %0 : !photonic.field<2>
}
