//===- OnnxImporter.h - State of one ONNX import ----------------*- C++ -*-===//
//
// Private to the importer: OnnxImport.cpp checks the model (versions, the
// graph's input and output, initializers) and OnnxNodes.cpp translates the
// nodes into TOSA.
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_IMPORT_ONNXIMPORTER_H
#define PHOTON_IMPORT_ONNXIMPORTER_H

#include "onnx/onnx_pb.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Diagnostics.h"
#include "llvm/ADT/StringMap.h"

#include <string>
#include <vector>

namespace photon::onnx_import {

/// A constant tensor: an initializer or the value of a Constant node.
struct Constant {
  std::vector<int64_t> shape;
  /// FLOAT data, widened exactly to double.
  std::vector<double> values;
  /// INT64 data (Reshape shapes).
  std::vector<int64_t> integers;
  bool isInteger = false;
};

/// A value computed from the graph input: one per sample, batch first.
struct Tensor {
  mlir::Value value;
  /// The shape with the batch (dynamic or 1) first.
  std::vector<int64_t> shape;
};

class Importer {
public:
  Importer(mlir::MLIRContext *context, llvm::StringRef sourceName)
      : context(context), builder(context), sourceName(sourceName.str()) {}

  /// One error naming the file; always returns failure.
  mlir::LogicalResult error(const llvm::Twine &message);
  /// Reads a TensorProto (initializer or Constant value).
  mlir::FailureOr<Constant> readTensor(const onnx::TensorProto &tensor,
                                       llvm::StringRef what);
  /// Translates `node` (OnnxNodes.cpp).
  mlir::LogicalResult translate(const onnx::NodeProto &node, int64_t opset,
                                bool isLast);

  mlir::MLIRContext *context;
  mlir::OpBuilder builder;
  std::string sourceName;
  llvm::StringMap<Constant> constants;
  llvm::StringMap<Tensor> tensors;

private:
  /// The location of `node` in the emitted IR: its name and op type.
  mlir::Location nodeLoc(const onnx::NodeProto &node);
  mlir::LogicalResult nodeError(const onnx::NodeProto &node,
                                const llvm::Twine &message);
  mlir::FailureOr<Tensor> chainInput(const onnx::NodeProto &node, int index);
  const Constant *constantInput(const onnx::NodeProto &node, int index);
  mlir::Value emitConstant(mlir::Location loc, const Constant &c);
  mlir::RankedTensorType tensorType(llvm::ArrayRef<int64_t> shape);
  mlir::LogicalResult translateGemm(const onnx::NodeProto &node);
  mlir::LogicalResult translateMatMul(const onnx::NodeProto &node);
  mlir::LogicalResult translateAdd(const onnx::NodeProto &node);
  mlir::LogicalResult translateReshape(const onnx::NodeProto &node,
                                       bool flatten);
  mlir::LogicalResult translateSoftmax(const onnx::NodeProto &node,
                                       int64_t opset, bool isLast);
  mlir::LogicalResult linear(const onnx::NodeProto &node, const Tensor &x,
                             const Constant &weights, bool transposed,
                             double alpha, const Constant *bias,
                             double beta);
};

} // namespace photon::onnx_import

#endif // PHOTON_IMPORT_ONNXIMPORTER_H
