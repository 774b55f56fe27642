//===- FourierFeatures.h - Cropped-spectrum image features -------*- C++ -*-===//
//
// The feature transform of the LTH reference experiment (docs/datasets.md):
// for an H x W image x (row-major),
//   F = fftshift(fft2(x)),  F[s, t] = sum_{m,n} x[m, n]
//         exp(-2 pi i ((s - H/2) m / H + (t - W/2) n / W)),
// keep rows H/2-r .. H/2+r-1 and columns W/2-r .. W/2+r-1 (frequencies
// -r .. r-1; H/2 is integer division, as numpy's fftshift), flatten the
// 2r x 2r block row-major and divide it by the mean modulus of its own
// (2r)^2 coefficients (an all-zero block stays zero). r = 2 on 28 x 28
// MNIST gives the 16 complex features of rows and columns 12..15.
//
// Only the kept coefficients are computed, separably with precomputed
// twiddles: O(H W 2r + H (2r)^2) per image instead of a full 2-D FFT.
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_RUNTIME_FOURIERFEATURES_H
#define PHOTON_RUNTIME_FOURIERFEATURES_H

#include "photon/Runtime/Dataset.h"

#include "llvm/Support/Error.h"

#include <Eigen/Core>

namespace photon::runtime {

class FourierFeatures {
public:
  /// `radius` in 1 .. min(height, width) / 2.
  static llvm::Expected<FourierFeatures> create(int radius, int height = 28,
                                                int width = 28);

  int radius() const { return radiusValue; }
  int height() const { return heightValue; }
  int width() const { return widthValue; }
  /// Pixels per input image: height * width.
  int inputs() const { return heightValue * widthValue; }
  /// Features per image: (2 radius)^2.
  int outputs() const { return 4 * radiusValue * radiusValue; }

  /// The cropped, shifted spectrum without the normalisation: one column of
  /// outputs() values per column (image) of `images` (inputs() x N).
  Eigen::MatrixXcd croppedSpectrum(const Eigen::MatrixXcd &images) const;
  /// croppedSpectrum with each column divided by its mean modulus.
  Eigen::MatrixXcd transform(const Eigen::MatrixXcd &images) const;

private:
  FourierFeatures() = default;
  int radiusValue = 0, heightValue = 0, widthValue = 0;
  /// (2r) x H: exp(-2 pi i k m / H) for k = -r .. r-1.
  Eigen::MatrixXcd rowTwiddles;
  /// W x (2r): exp(-2 pi i l n / W) for l = -r .. r-1.
  Eigen::MatrixXcd columnTwiddles;
};

/// The dataset with its features replaced by FourierFeatures(radius, height,
/// width).transform; labels, classes and name are kept. Fails when the
/// radius is out of range or the dataset's dims is not height * width.
llvm::Expected<Dataset> applyFourierFeatures(const Dataset &dataset,
                                             int radius, int height = 28,
                                             int width = 28);

} // namespace photon::runtime

#endif // PHOTON_RUNTIME_FOURIERFEATURES_H
