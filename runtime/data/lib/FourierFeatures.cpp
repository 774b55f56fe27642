//===- FourierFeatures.cpp - Cropped-spectrum image features --------------===//
//
// For each image X (H x W, row-major in its column of the input):
//   T = X * C        (H x 2r),  C(n, b) = exp(-2 pi i (b - r) n / W)
//   B = R * T        (2r x 2r), R(a, m) = exp(-2 pi i (a - r) m / H)
// so B(a, b) = fftshift(fft2(X))[H/2 - r + a, W/2 - r + b]; the output is B
// flattened row-major. Twiddle angles reduce k m modulo H exactly in
// integers before the multiplication by 2 pi / H.
//
//===----------------------------------------------------------------------===//
#include "photon/Runtime/FourierFeatures.h"

#include "photon/Runtime/Convention.h"

#include "llvm/Support/FormatVariadic.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <complex>

using llvm::Expected;

namespace photon::runtime {

static llvm::Error makeError(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 message.str());
}

/// exp(-2 pi i k j / n), with k j reduced modulo n first.
static std::complex<double> twiddle(int k, int j, int n) {
  long long product = (static_cast<long long>(k) * j) % n;
  if (product < 0)
    product += n;
  const double angle = -kTwoPi * static_cast<double>(product) / n;
  return {std::cos(angle), std::sin(angle)};
}

Expected<FourierFeatures> FourierFeatures::create(int radius, int height,
                                                  int width) {
  if (height < 2 || width < 2)
    return makeError(llvm::formatv("fourier features: image size {0} x {1}, "
                                   "expected at least 2 x 2",
                                   height, width));
  const int maxRadius = std::min(height, width) / 2;
  if (radius < 1 || radius > maxRadius)
    return makeError(llvm::formatv("fourier features: radius is {0}, "
                                   "expected 1..{1} for {2} x {3} images",
                                   radius, maxRadius, height, width));
  FourierFeatures features;
  features.radiusValue = radius;
  features.heightValue = height;
  features.widthValue = width;
  const int side = 2 * radius;
  features.rowTwiddles.resize(side, height);
  for (int a = 0; a < side; ++a)
    for (int m = 0; m < height; ++m)
      features.rowTwiddles(a, m) = twiddle(a - radius, m, height);
  features.columnTwiddles.resize(width, side);
  for (int n = 0; n < width; ++n)
    for (int b = 0; b < side; ++b)
      features.columnTwiddles(n, b) = twiddle(b - radius, n, width);
  return features;
}

Eigen::MatrixXcd
FourierFeatures::croppedSpectrum(const Eigen::MatrixXcd &images) const {
  assert(images.rows() == inputs() && "image size mismatch");
  using RowMajor = Eigen::Matrix<std::complex<double>, Eigen::Dynamic,
                                 Eigen::Dynamic, Eigen::RowMajor>;
  const int side = 2 * radiusValue;
  Eigen::MatrixXcd result(outputs(), images.cols());
  Eigen::MatrixXcd partial(heightValue, side);
  RowMajor block(side, side);
  for (Eigen::Index s = 0; s < images.cols(); ++s) {
    Eigen::Map<const RowMajor> image(images.col(s).data(), heightValue,
                                     widthValue);
    partial.noalias() = image * columnTwiddles;
    block.noalias() = rowTwiddles * partial;
    // A row-major block is its row-major flattening.
    result.col(s) = Eigen::Map<const Eigen::VectorXcd>(block.data(),
                                                       outputs());
  }
  return result;
}

Eigen::MatrixXcd
FourierFeatures::transform(const Eigen::MatrixXcd &images) const {
  Eigen::MatrixXcd result = croppedSpectrum(images);
  for (Eigen::Index s = 0; s < result.cols(); ++s) {
    const double meanModulus = result.col(s).cwiseAbs().mean();
    if (meanModulus > 0.0)
      result.col(s) /= meanModulus;
  }
  return result;
}

Expected<Dataset> applyFourierFeatures(const Dataset &dataset, int radius,
                                       int height, int width) {
  Expected<FourierFeatures> transform =
      FourierFeatures::create(radius, height, width);
  if (!transform)
    return transform.takeError();
  if (dataset.dims() != transform->inputs())
    return makeError(llvm::formatv("{0}: {1} features per sample, expected "
                                   "{2} x {3} = {4} pixels for fourier "
                                   "features",
                                   dataset.name, dataset.dims(), height, width,
                                   transform->inputs()));
  Dataset result;
  result.features = transform->transform(dataset.features);
  result.labels = dataset.labels;
  result.classes = dataset.classes;
  result.name = dataset.name;
  return result;
}

} // namespace photon::runtime
