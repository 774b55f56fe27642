//===- Program.h - The runtime program format -------------------*- C++ -*-===//
//
// A compiled network: a chain of layers from the electrical (or optical)
// inputs to the outputs. Written by `photon-translate --photonic-to-runtime`
// and read by `photon-run`. The JSON format is documented in
// docs/formats.md ("Runtime program").
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_RUNTIME_PROGRAM_H
#define PHOTON_RUNTIME_PROGRAM_H

#include "photon/Runtime/Activation.h"
#include "photon/Runtime/Boundary.h"
#include "photon/Runtime/Diagonal.h"
#include "photon/Runtime/Mesh.h"

#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace photon::runtime {

enum class LayerKind {
  Encode,
  Mesh,
  Diagonal,
  Activation,
  Detect,
  Adapter,
  /// Coherent detection, electrical bias and function, re-encoding.
  Oeo,
  /// Coherent detection, electrical bias and function: real outputs.
  Readout
};

/// A digital low-rank correction in parallel with an analog linear block
/// (ALoRA: Analog Low-Rank Adaptation): the layer computes y + B·A·x, with
/// y its input (the block's output, M modes) and x the output of an earlier
/// layer (the block's input, N modes): `source` is that layer's index, or
/// -1 for the program's input vector. A is rank x N, B is M x rank, both
/// complex, 1 <= rank <= min(M, N).
struct Adapter {
  int source = -1;
  Eigen::MatrixXcd a; ///< rank x N ("down")
  Eigen::MatrixXcd b; ///< M x rank ("up")
  int rank() const { return static_cast<int>(a.rows()); }
  /// Real trainable parameters: 2 (rank·N + M·rank).
  int parameterCount() const { return 2 * static_cast<int>(a.size() + b.size()); }
};

const char *layerKindName(LayerKind kind);

/// One layer; only the fields of its kind are meaningful.
struct Layer {
  LayerKind kind = LayerKind::Encode;
  /// Modes (or electrical width) entering and leaving the layer.
  int inputs = 0;
  int outputs = 0;
  /// Provenance from the IR (for reports); -1 / empty when unknown.
  int sourceLayer = -1;
  std::string factor;
  runtime::Mesh mesh;                ///< kind == Mesh
  runtime::Diagonal diagonal;        ///< kind == Diagonal
  runtime::Activation activation = runtime::Activation::Identity;
  runtime::Adapter adapter;          ///< kind == Adapter
  runtime::Boundary boundary;        ///< kind == Oeo or Readout
};

struct Program {
  static constexpr int kVersion = 1;
  int inputs = 0;
  int outputs = 0;
  std::vector<Layer> layers;

  /// True when the inputs are electrical (the first layer is an encode).
  bool electricalInputs() const;
  /// True when the outputs are electrical: detected intensities (the last
  /// layer is a detect) or coherently detected real values (a readout).
  bool electricalOutputs() const;
  /// True when some layer is an O-E-O boundary or a readout.
  bool hasBoundaries() const;
  /// True when some layer is an adapter.
  bool hasAdapters() const;
};

/// Checks that widths chain, arrays have the right sizes and phases are
/// finite; an adapter's source is an earlier layer (or -1) whose width
/// matches A's columns. The message names the layer index and the field.
llvm::Error verifyProgram(const Program &program);

/// Parses and verifies a program; errors name `sourceName` and the field.
llvm::Expected<Program> parseProgram(llvm::StringRef json,
                                     llvm::StringRef sourceName);
/// Reads `path` ("-" for stdin) and parses it.
llvm::Expected<Program> loadProgram(llvm::StringRef path);

/// Writes the program as JSON (doubles round-trip exactly).
void writeProgram(const Program &program, llvm::raw_ostream &os);

} // namespace photon::runtime

#endif // PHOTON_RUNTIME_PROGRAM_H
