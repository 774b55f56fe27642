//===- TosaConstants.h - Constant tensors of a TOSA function ----*- C++ -*-===//
//
// Reads the value of a constant operand of a TOSA op in double precision:
// a `tosa.const` (or `arith.constant`), possibly through `tosa.reshape`,
// `tosa.transpose` with constant perms and `tosa.identity`.
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_CONVERSION_TOSACONSTANTS_H
#define PHOTON_CONVERSION_TOSACONSTANTS_H

#include "mlir/IR/Value.h"
#include "llvm/ADT/SmallVector.h"

#include <optional>
#include <vector>

namespace photon {

/// A constant tensor, row-major, widened exactly to double.
struct ConstantTensor {
  llvm::SmallVector<int64_t> shape;
  std::vector<double> values;
};

/// The value of `value` when it is a floating-point constant as above,
/// else nullopt.
std::optional<ConstantTensor> readConstant(mlir::Value value);

/// True when `op` only computes a constant (constants, and reshapes,
/// transposes and identities of constants).
bool isConstantComputation(mlir::Operation *op);

} // namespace photon

#endif // PHOTON_CONVERSION_TOSACONSTANTS_H
