//===- OnnxImport.h - ONNX models to TOSA -----------------------*- C++ -*-===//
//
// Reads an ONNX model (the protobuf that torch.onnx.export writes) and
// emits one `func.func @main` in the TOSA dialect: the front end of
// `photon-translate --import-onnx`. The importer knows ONNX and TOSA only;
// convert-tosa-to-photonic turns its output into photonic ops. What is
// accepted is listed in docs/import.md.
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_IMPORT_ONNXIMPORT_H
#define PHOTON_IMPORT_ONNXIMPORT_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/ADT/StringRef.h"

namespace photon {

/// ONNX opsets (default domain) and IR versions the importer accepts.
constexpr int64_t kMinOnnxOpset = 11, kMaxOnnxOpset = 17;
constexpr int64_t kMinOnnxIrVersion = 3, kMaxOnnxIrVersion = 8;

/// Imports the serialized ModelProto `bytes`. On bad input emits one error
/// naming `sourceName` and the node, input or field, and returns null.
mlir::OwningOpRef<mlir::ModuleOp> importOnnx(llvm::StringRef bytes,
                                             llvm::StringRef sourceName,
                                             mlir::MLIRContext *context);

/// Registers `--import-onnx` with mlir-translate's registry.
void registerOnnxImportTranslation();

} // namespace photon

#endif // PHOTON_IMPORT_ONNXIMPORT_H
