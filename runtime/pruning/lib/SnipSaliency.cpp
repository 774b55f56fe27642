//===- SnipSaliency.cpp - SNIP connection sensitivity of shifters ---------===//
#include "photon/Runtime/SnipSaliency.h"

#include "photon/Runtime/Convention.h"
#include "photon/Runtime/Gradient.h"

#include <cmath>

namespace photon::runtime {

llvm::Expected<std::vector<std::vector<double>>>
snipSaliency(const Program &program, const Eigen::MatrixXcd &inputs,
             llvm::ArrayRef<int> labels, int threads) {
  ProgramGradient gradient;
  llvm::Expected<double> loss =
      computeLossAndGradient(program, inputs, labels, gradient, threads);
  if (!loss)
    return loss.takeError();
  std::vector<std::vector<double>> scores;
  for (size_t l = 0; l < program.layers.size(); ++l) {
    if (program.layers[l].kind != LayerKind::Mesh)
      continue;
    const Mesh &mesh = program.layers[l].mesh;
    const LayerGradient &g = gradient.layers[l];
    const int mzis = mesh.mziCount();
    std::vector<double> score(static_cast<size_t>(2 * mzis), 0.0);
    for (int k = 0; k < 2 * mzis; ++k) {
      if (!mesh.mask.empty() && mesh.mask[k] == 0)
        continue;
      double phase = k < mzis ? mesh.theta[k] : mesh.phi[k - mzis];
      double slope = k < mzis ? g.theta[k] : g.phi[k - mzis];
      score[k] = std::abs(slope * wrapPhase(phase));
    }
    scores.push_back(std::move(score));
  }
  return scores;
}

} // namespace photon::runtime
