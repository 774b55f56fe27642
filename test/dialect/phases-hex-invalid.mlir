// RUN: photon-opt %s -split-input-file -verify-diagnostics

// Malformed hex phase lists (docs/formats.md): the form, the length, the
// digits; then well-formed hex whose values the verifiers reject.

func.func @hex_length(%x: !photonic.field<2>) -> !photonic.field<2> {
  // expected-error @below {{custom op 'photonic.mesh' expects 16 hex digits per phase (a little-endian IEEE double) in a hex phase list, got 17 digits}}
  %y = photonic.mesh clements %x theta = "0x182D4454FB21F93F0" phi = [0.0] outputs = [0.0, 0.0] : !photonic.field<2>
  return %y : !photonic.field<2>
}

// -----

func.func @hex_digit(%x: !photonic.field<2>) -> !photonic.field<2> {
  // expected-error @below {{custom op 'photonic.mesh' expects only hex digits in a hex phase list, got 'G' at digit 16 after 0x}}
  %y = photonic.mesh clements %x theta = [0.0] phi = "0x182D4454FB21F93G" outputs = [0.0, 0.0] : !photonic.field<2>
  return %y : !photonic.field<2>
}

// -----

func.func @hex_space(%x: !photonic.field<2>) -> !photonic.field<2> {
  // expected-error @below {{custom op 'photonic.mesh' expects only hex digits in a hex phase list, got ' ' at digit 17 after 0x}}
  %y = photonic.mesh clements %x theta = [0.0] phi = [0.0] outputs = "0x0000000000000000 000000000000000" : !photonic.field<2>
  return %y : !photonic.field<2>
}

// -----

func.func @hex_prefix(%x: !photonic.field<1>) -> !photonic.field<1> {
  // expected-error @below {{custom op 'photonic.diagonal' expects a phase list [...] or a hex string "0x...", got a string not starting with 0x}}
  %y = photonic.diagonal %x theta = "182D4454FB21F93F" gain = 1.0 : !photonic.field<1> -> !photonic.field<1>
  return %y : !photonic.field<1>
}

// -----

func.func @hex_count(%x: !photonic.field<2>) -> !photonic.field<2> {
  // expected-error @below {{'photonic.mesh' op expects 'theta' to have 1 entries (one per MZI, N(N-1)/2), got 2}}
  %y = photonic.mesh clements %x theta = "0x00000000000000000000000000000000" phi = [0.0] outputs = [0.0, 0.0] : !photonic.field<2>
  return %y : !photonic.field<2>
}

// -----

func.func @hex_infinite(%x: !photonic.field<2>) -> !photonic.field<2> {
  // expected-error @below {{'photonic.mesh' op expects finite phases, but 'outputs'[1] is -inf}}
  %y = photonic.mesh clements %x theta = [0.0] phi = [0.0] outputs = "0x0000000000000000000000000000F0FF" : !photonic.field<2>
  return %y : !photonic.field<2>
}

// -----

func.func @hex_attenuator_range(%x: !photonic.field<1>) -> !photonic.field<1> {
  // expected-error @below {{'photonic.diagonal' op expects attenuator phases in [0, pi], but 'theta'[0] is 4}}
  %y = photonic.diagonal %x theta = "0x0000000000001040" gain = 1.0 : !photonic.field<1> -> !photonic.field<1>
  return %y : !photonic.field<1>
}
