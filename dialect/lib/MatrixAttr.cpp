//===- MatrixAttr.cpp - Matrices stored in elements attributes ------------===//
#include "photon/Dialect/MatrixAttr.h"

#include "mlir/IR/BuiltinTypes.h"

#include <cassert>
#include <complex>
#include <cstring>

using namespace mlir;

namespace photon {

bool isSupportedMatrixElementType(Type type) {
  if (auto complexType = llvm::dyn_cast<ComplexType>(type))
    type = complexType.getElementType();
  return type.isF32() || type.isF64();
}

template <typename T>
static Eigen::MatrixXcd copyValues(DenseElementsAttr dense, int64_t rows,
                                   int64_t cols) {
  Eigen::MatrixXcd matrix(rows, cols);
  if (dense.isSplat()) {
    matrix.setConstant(std::complex<double>(dense.getSplatValue<T>()));
    return matrix;
  }
  // The raw buffer holds the row-major values in host order, packed (f32,
  // f64 and their complex forms); view it in place rather than decode each
  // element through the attribute's iterator.
  ArrayRef<char> raw = dense.getRawData();
  assert(raw.size() == static_cast<size_t>(rows * cols) * sizeof(T));
  using RowMajor =
      Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
  RowMajor values(rows, cols);
  std::memcpy(values.data(), raw.data(), raw.size());
  matrix = values.template cast<std::complex<double>>();
  return matrix;
}

std::optional<Eigen::MatrixXcd> readMatrix(ElementsAttr attr) {
  auto dense = llvm::dyn_cast_or_null<DenseElementsAttr>(attr);
  if (!dense)
    return std::nullopt;
  auto type = llvm::cast<ShapedType>(dense.getType());
  if (type.getRank() != 2 || !isSupportedMatrixElementType(type.getElementType()))
    return std::nullopt;
  int64_t rows = type.getDimSize(0), cols = type.getDimSize(1);
  Type element = type.getElementType();
  if (auto complexType = llvm::dyn_cast<ComplexType>(element)) {
    if (complexType.getElementType().isF64())
      return copyValues<std::complex<double>>(dense, rows, cols);
    return copyValues<std::complex<float>>(dense, rows, cols);
  }
  if (element.isF64())
    return copyValues<double>(dense, rows, cols);
  return copyValues<float>(dense, rows, cols);
}

DenseElementsAttr writeMatrix(MLIRContext *context,
                              const Eigen::MatrixXcd &matrix,
                              bool realValued) {
  SmallVector<int64_t, 2> shape = {matrix.rows(), matrix.cols()};
  Type f64 = Float64Type::get(context);
  if (realValued) {
    SmallVector<double> values;
    values.reserve(matrix.size());
    for (Eigen::Index r = 0; r < matrix.rows(); ++r)
      for (Eigen::Index c = 0; c < matrix.cols(); ++c)
        values.push_back(matrix(r, c).real());
    return DenseElementsAttr::get(RankedTensorType::get(shape, f64),
                                  llvm::ArrayRef<double>(values));
  }
  SmallVector<std::complex<double>> values;
  values.reserve(matrix.size());
  for (Eigen::Index r = 0; r < matrix.rows(); ++r)
    for (Eigen::Index c = 0; c < matrix.cols(); ++c)
      values.push_back(matrix(r, c));
  return DenseElementsAttr::get(
      RankedTensorType::get(shape, ComplexType::get(f64)),
      llvm::ArrayRef<std::complex<double>>(values));
}

} // namespace photon
