//===- SnipSaliency.h - SNIP connection sensitivity of shifters -*- C++ -*-===//
//
// SNIP (Lee et al., "SNIP: single-shot network pruning based on connection
// sensitivity", ICLR 2019) scores each weight w of an untrained network by
// |∂L/∂w · w| on one batch; Reddy et al. ("Pruning Neural Networks",
// Sec. III) use the layer sparsities that SNIP's global top-k would give as
// layer ratios for random pruning. In a photonic mesh the parameters are
// phases, so the score of a prunable shifter (θ or φ of an MZI) is
//
//     s = |∂L/∂φ · w|,   w = wrapPhase(φ) ∈ [0, 2π),
//
// the first-order change of the loss when the shifter is set to 0 (heater
// off) from its wrapped setting. The loss is the training loss (LogSoftmax
// cross-entropy of the detected outputs, Gradient.h).
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_RUNTIME_SNIPSALIENCY_H
#define PHOTON_RUNTIME_SNIPSALIENCY_H

#include "photon/Runtime/Program.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"

#include <Eigen/Core>
#include <vector>

namespace photon::runtime {

/// Per mesh (program order of the Mesh layers), the SNIP score of each
/// prunable shifter in mask order (θ_0..θ_{K-1}, φ_0..φ_{K-1}); masked
/// shifters score 0. The loss is the mean over the columns of `inputs`.
/// Fails when the program cannot be trained or the data do not fit it.
llvm::Expected<std::vector<std::vector<double>>>
snipSaliency(const Program &program, const Eigen::MatrixXcd &inputs,
             llvm::ArrayRef<int> labels, int threads = 1);

} // namespace photon::runtime

#endif // PHOTON_RUNTIME_SNIPSALIENCY_H
