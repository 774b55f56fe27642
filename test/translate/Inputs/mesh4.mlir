// A 4 x 4 dense layer lowered to Clements meshes (photonic-lower-to-mesh), its
// smallest 40 % of θ and φ per mesh masked, then photonic-dead-shifter-elim.
module {
  func.func @dense4(%arg0: !photonic.field<4>) -> !photonic.field<4> {
    %0 = photonic.mesh clements %arg0 theta = [3.014569729002536, 1.76656542979563, 0.0, 0.0, 1.2984289539750071, 2.780496475274749] phi = [0.0, 3.141592653589793, 5.659183157576133, 0.0, 4.516866493021904, 2.00744576967665] outputs = [3.6165412313811247, 1.7896435508619968, 4.93123620445179, 4.750688115294268] mask = [true, true, false, false, true, true, false, true, true, false, true, true, true, true, true, true] {factor = "V", layer = 0 : i64} : !photonic.field<4>
    %1 = photonic.diagonal %0 theta = [0.0, 1.994803593144576, 2.515077097745719, 3.0974199249878316] gain = 2.7167253400726605 mask = [false, true, true, true] {layer = 0 : i64} : !photonic.field<4> -> !photonic.field<4>
    %2 = photonic.mesh clements %1 theta = [3.0783470995286444, 0.5961261887490051, 0.0, 0.0, 0.7194264264496791, 0.0] phi = [0.0, 3.141592653589793, 1.9004821981999735, 0.5069138418973665, 1.3935683563026071, 4.7258693891283645] outputs = [4.068093081529022, 0.9006099593655739, 0.9006099593655739, 2.483816345990451] mask = [true, true, false, false, true, false, false, true, true, true, true, true, true, true, true, true] {factor = "U", layer = 0 : i64} : !photonic.field<4>
    return %2 : !photonic.field<4>
  }
}

