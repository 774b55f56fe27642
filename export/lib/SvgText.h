//===- SvgText.h - Text and colour for the SVG picture ----------*- C++ -*-===//
//
// The small pieces SvgEmitter.cpp writes into its SVG: escaped text,
// numbers without "-0" and the colour map of a heater's value.
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_EXPORT_SVGTEXT_H
#define PHOTON_EXPORT_SVGTEXT_H

#include "llvm/ADT/StringRef.h"

#include <string>

namespace photon::svg {

/// Text with the five XML special characters escaped.
std::string escape(llvm::StringRef text);

/// `value` with `digits` decimals, never "-0".
std::string num(double value, int digits = 1);

/// Perceptually uniform colour map (viridis sampled at nine points,
/// interpolated linearly in RGB); t in [0, 1], NaN as 0. "#rrggbb".
std::string colourAt(double t);

} // namespace photon::svg

#endif // PHOTON_EXPORT_SVGTEXT_H
