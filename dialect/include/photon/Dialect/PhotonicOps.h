//===- PhotonicOps.h - Ops of the photonic dialect --------------*- C++ -*-===//
#ifndef PHOTON_DIALECT_PHOTONICOPS_H
#define PHOTON_DIALECT_PHOTONICOPS_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "photon/Dialect/PhotonicDialect.h"
#include "photon/Dialect/PhotonicTypes.h"

#include "photon/Dialect/PhotonicEnums.h.inc"

#define GET_OP_CLASSES
#include "photon/Dialect/PhotonicOps.h.inc"

#endif // PHOTON_DIALECT_PHOTONICOPS_H
