//===- InputReader.h - Input vectors for photon-run -------------*- C++ -*-===//
//
// The input file format of photon-run (docs/formats.md, "Input vectors"):
// one sample per line, values separated by whitespace or commas; a value is a
// real number or a complex one written like Python ("1.5-2e-3j", "2j");
// blank lines and lines starting with '#' are skipped.
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_TOOLS_INPUTREADER_H
#define PHOTON_TOOLS_INPUTREADER_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <Eigen/Core>

namespace photon {

/// Parses `text` into a width x samples matrix. Errors name `sourceName`
/// and the line.
llvm::Expected<Eigen::MatrixXcd> parseInputVectors(llvm::StringRef text,
                                                   llvm::StringRef sourceName,
                                                   int width);

} // namespace photon

#endif // PHOTON_TOOLS_INPUTREADER_H
