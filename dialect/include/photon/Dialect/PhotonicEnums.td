//===- PhotonicEnums.td - Enumerations of the photonic dialect -*- tablegen -*-===//
#ifndef PHOTONIC_ENUMS_TD
#define PHOTONIC_ENUMS_TD

include "mlir/IR/EnumAttr.td"

def Photonic_TopologyAttr : I32EnumAttr<"Topology", "mesh topology", [
    I32EnumAttrCase<"clements", 0>,
    I32EnumAttrCase<"reck", 1>]> {
  let cppNamespace = "::photon";
}

def Photonic_ActivationKindAttr : I32EnumAttr<"ActivationKind",
    "element-wise complex activation", [
    I32EnumAttrCase<"identity", 0>,
    I32EnumAttrCase<"softplus", 1>,
    I32EnumAttrCase<"modulus", 2>]> {
  let cppNamespace = "::photon";
}

def Photonic_InitializerAttr : I32EnumAttr<"Initializer",
    "seeded weight initializer", [
    I32EnumAttrCase<"normal", 0>,
    I32EnumAttrCase<"uniform", 1>]> {
  let cppNamespace = "::photon";
}

def Photonic_ElectricalFunctionAttr : I32EnumAttr<"ElectricalFunction",
    "electrical function at an optical-to-electrical boundary", [
    I32EnumAttrCase<"identity", 0>,
    I32EnumAttrCase<"relu", 1>,
    I32EnumAttrCase<"sigmoid", 2>,
    I32EnumAttrCase<"tanh", 3>,
    I32EnumAttrCase<"softplus", 4>,
    I32EnumAttrCase<"abs", 5>,
    I32EnumAttrCase<"softmax", 6>,
    I32EnumAttrCase<"log_softmax", 7>]> {
  let cppNamespace = "::photon";
}

#endif // PHOTONIC_ENUMS_TD
