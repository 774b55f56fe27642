//===- MatrixAttr.h - Matrices stored in elements attributes ----*- C++ -*-===//
//
// Converts between 2-D elements attributes (f32, f64, complex<f32>,
// complex<f64>) and Eigen complex matrices. Used by verifiers, passes and
// the runtime bridge.
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_DIALECT_MATRIXATTR_H
#define PHOTON_DIALECT_MATRIXATTR_H

#include "mlir/IR/BuiltinAttributeInterfaces.h"
#include "mlir/IR/BuiltinAttributes.h"

#include <Eigen/Core>
#include <optional>

namespace photon {

/// True for the element types a matrix attribute may have.
bool isSupportedMatrixElementType(mlir::Type type);

/// Reads a rank-2 dense elements attribute of a supported element type into
/// a complex matrix; std::nullopt for any other attribute (e.g. a resource
/// blob that is not loaded).
std::optional<Eigen::MatrixXcd> readMatrix(mlir::ElementsAttr attr);

/// A rank-2 dense attribute holding `matrix`: tensor<RxCxcomplex<f64>>, or
/// tensor<RxCxf64> when `realValued`.
mlir::DenseElementsAttr writeMatrix(mlir::MLIRContext *context,
                                    const Eigen::MatrixXcd &matrix,
                                    bool realValued);

} // namespace photon

#endif // PHOTON_DIALECT_MATRIXATTR_H
