//===- PhotonicTypes.h - Types of the photonic dialect ----------*- C++ -*-===//
#ifndef PHOTON_DIALECT_PHOTONICTYPES_H
#define PHOTON_DIALECT_PHOTONICTYPES_H

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Types.h"

#define GET_TYPEDEF_CLASSES
#include "photon/Dialect/PhotonicTypes.h.inc"

#endif // PHOTON_DIALECT_PHOTONICTYPES_H
