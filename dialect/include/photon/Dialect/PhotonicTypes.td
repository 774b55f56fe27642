//===- PhotonicTypes.td - Types of the photonic dialect ----*- tablegen -*-===//
#ifndef PHOTONIC_TYPES_TD
#define PHOTONIC_TYPES_TD

include "photon/Dialect/PhotonicDialect.td"
include "mlir/IR/AttrTypeBase.td"

class Photonic_Type<string name, string typeMnemonic, list<Trait> traits = []>
    : TypeDef<Photonic_Dialect, name, traits> {
  let mnemonic = typeMnemonic;
}

def Photonic_FieldType : Photonic_Type<"Field", "field"> {
  let summary = "Complex optical field amplitudes on N waveguide modes";
  let description = [{
    The optical domain: one complex amplitude per waveguide mode. Values of
    this type flow between optical ops; they become electrical (a builtin
    tensor) only through `photonic.detect`. N is 1..4096 (the mode limit,
    docs/formats.md "Limits"); the verifier rejects other counts where the
    type is parsed.

    ```mlir
    !photonic.field<16>
    ```
  }];
  let parameters = (ins "int64_t":$modes);
  let assemblyFormat = "`<` $modes `>`";
  let genVerifyDecl = 1;
}

#endif // PHOTONIC_TYPES_TD
