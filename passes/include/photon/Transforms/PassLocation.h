//===- PassLocation.h - Where a pass reports option errors ------*- C++ -*-===//
//
// A pass's option and data errors concern the network it runs on, not the
// module around it (whose location is the file's 0:0): they point at the
// network's function, so that editors and users land on the network.
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_TRANSFORMS_PASSLOCATION_H
#define PHOTON_TRANSFORMS_PASSLOCATION_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"

namespace photon {

/// The location of the module's first func.func with a body (the network),
/// else the module's own.
inline mlir::Location networkLocation(mlir::ModuleOp module) {
  for (mlir::func::FuncOp func : module.getOps<mlir::func::FuncOp>())
    if (!func.isExternal())
      return func.getLoc();
  return module.getLoc();
}

} // namespace photon

#endif // PHOTON_TRANSFORMS_PASSLOCATION_H
