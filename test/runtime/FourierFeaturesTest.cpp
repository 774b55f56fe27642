//===- FourierFeaturesTest.cpp - Cropped-spectrum image features ----------===//
//
// Checks FourierFeatures against a naive full 2-D DFT followed by numpy's
// fftshift (shifted index s holds frequency s - n/2) and the crop.
//
//===----------------------------------------------------------------------===//
#include "photon/Runtime/Convention.h"
#include "photon/Runtime/FourierFeatures.h"
#include "photon/Runtime/Random.h"

#include "TestUtil.h"

#include <gtest/gtest.h>

#include <cmath>
#include <complex>

using namespace photon::runtime;
using namespace photon::runtime::test;

namespace {

using Complex = std::complex<double>;

/// fftshift(fft2(image)) cropped to rows/columns n/2-r .. n/2+r-1 and
/// flattened row-major, computed from the definitions.
Eigen::VectorXcd naiveCrop(const Eigen::VectorXcd &image, int height,
                           int width, int radius) {
  Eigen::MatrixXcd spectrum(height, width);
  for (int k = 0; k < height; ++k)
    for (int l = 0; l < width; ++l) {
      Complex sum = 0.0;
      for (int m = 0; m < height; ++m)
        for (int n = 0; n < width; ++n)
          sum += image(m * width + n) *
                 std::polar(1.0, -kTwoPi * (double(k) * m / height +
                                            double(l) * n / width));
      spectrum(k, l) = sum;
    }
  const int side = 2 * radius;
  Eigen::VectorXcd crop(side * side);
  for (int a = 0; a < side; ++a)
    for (int b = 0; b < side; ++b) {
      const int s = height / 2 - radius + a, t = width / 2 - radius + b;
      const int k = ((s - height / 2) % height + height) % height;
      const int l = ((t - width / 2) % width + width) % width;
      crop(a * side + b) = spectrum(k, l);
    }
  return crop;
}

Eigen::MatrixXcd randomImages(int pixels, int count, uint64_t seed,
                              bool complexValued) {
  Random random(seed);
  Eigen::MatrixXcd images(pixels, count);
  for (int s = 0; s < count; ++s)
    for (int p = 0; p < pixels; ++p)
      images(p, s) = Complex(random.uniform(),
                             complexValued ? random.normal() : 0.0);
  return images;
}

struct Shape {
  int height, width, radius;
};

class FourierFeaturesNaiveTest : public ::testing::TestWithParam<Shape> {};

TEST_P(FourierFeaturesNaiveTest, MatchesFullDftAndShift) {
  const Shape shape = GetParam();
  llvm::Expected<FourierFeatures> features =
      FourierFeatures::create(shape.radius, shape.height, shape.width);
  ASSERT_TRUE(bool(features)) << llvm::toString(features.takeError());
  EXPECT_EQ(features->inputs(), shape.height * shape.width);
  EXPECT_EQ(features->outputs(), 4 * shape.radius * shape.radius);
  const Eigen::MatrixXcd images =
      randomImages(features->inputs(), 3, 11 + shape.radius, true);
  const Eigen::MatrixXcd crop = features->croppedSpectrum(images);
  const Eigen::MatrixXcd normalised = features->transform(images);
  ASSERT_EQ(crop.rows(), features->outputs());
  ASSERT_EQ(crop.cols(), 3);
  for (int s = 0; s < 3; ++s) {
    const Eigen::VectorXcd expected =
        naiveCrop(images.col(s), shape.height, shape.width, shape.radius);
    EXPECT_LT(maxAbsDiff(crop.col(s), expected),
              1e-9 * shape.height * shape.width);
    const double mean = expected.cwiseAbs().mean();
    EXPECT_LT(maxAbsDiff(normalised.col(s), expected / mean), 1e-10);
    EXPECT_NEAR(normalised.col(s).cwiseAbs().mean(), 1.0, 1e-12);
  }
}

INSTANTIATE_TEST_SUITE_P(Shapes, FourierFeaturesNaiveTest,
                         ::testing::Values(Shape{28, 28, 1}, Shape{28, 28, 2},
                                           Shape{28, 28, 5},
                                           Shape{28, 28, 14}, Shape{6, 8, 3},
                                           Shape{7, 9, 2}, Shape{5, 5, 2},
                                           Shape{2, 2, 1}));

TEST(FourierFeaturesTest, ConstantImageHasOnlyTheDcTerm) {
  llvm::Expected<FourierFeatures> features = FourierFeatures::create(2);
  ASSERT_TRUE(bool(features)) << llvm::toString(features.takeError());
  const Eigen::MatrixXcd image = Eigen::MatrixXcd::Constant(784, 1, 0.5);
  const Eigen::MatrixXcd crop = features->croppedSpectrum(image);
  // Rows/columns 12..15 hold frequencies -2..1: DC is at (2, 2) -> index 10.
  for (int i = 0; i < 16; ++i)
    EXPECT_NEAR(std::abs(crop(i, 0) - Complex(i == 10 ? 0.5 * 784 : 0.0)),
                0.0, 1e-9)
        << "coefficient " << i;
  // Normalised, the mean modulus is 1: the DC term carries all 16.
  const Eigen::MatrixXcd normalised = features->transform(image);
  EXPECT_NEAR(std::abs(normalised(10, 0) - Complex(16.0)), 0.0, 1e-12);
}

TEST(FourierFeaturesTest, ImpulseHasAFlatSpectrum) {
  llvm::Expected<FourierFeatures> features = FourierFeatures::create(3);
  ASSERT_TRUE(bool(features)) << llvm::toString(features.takeError());
  Eigen::MatrixXcd image = Eigen::MatrixXcd::Zero(784, 1);
  image(0, 0) = 2.0; // pixel (0, 0)
  const Eigen::MatrixXcd normalised = features->transform(image);
  EXPECT_LT(maxAbsDiff(normalised,
                       Eigen::MatrixXcd::Constant(36, 1, Complex(1.0))),
            1e-12);
}

TEST(FourierFeaturesTest, CosineAlongColumnsHitsFrequenciesPlusMinusOne) {
  llvm::Expected<FourierFeatures> features = FourierFeatures::create(2);
  ASSERT_TRUE(bool(features)) << llvm::toString(features.takeError());
  Eigen::MatrixXcd image(784, 1);
  for (int m = 0; m < 28; ++m)
    for (int n = 0; n < 28; ++n)
      image(m * 28 + n, 0) = std::cos(kTwoPi * n / 28.0);
  const Eigen::MatrixXcd crop = features->croppedSpectrum(image);
  // Row frequency 0 is block row 2; column frequencies -1 and +1 are block
  // columns 1 and 3, each H * W / 2.
  for (int i = 0; i < 16; ++i) {
    const double expected = (i == 2 * 4 + 1 || i == 2 * 4 + 3) ? 392.0 : 0.0;
    EXPECT_NEAR(std::abs(crop(i, 0) - Complex(expected)), 0.0, 1e-9)
        << "coefficient " << i;
  }
}

TEST(FourierFeaturesTest, ZeroImageStaysZero) {
  llvm::Expected<FourierFeatures> features = FourierFeatures::create(2);
  ASSERT_TRUE(bool(features)) << llvm::toString(features.takeError());
  const Eigen::MatrixXcd out =
      features->transform(Eigen::MatrixXcd::Zero(784, 2));
  EXPECT_TRUE(out.allFinite());
  EXPECT_EQ(out.cwiseAbs().maxCoeff(), 0.0);
}

TEST(FourierFeaturesTest, NormalisationRemovesTheScale) {
  llvm::Expected<FourierFeatures> features = FourierFeatures::create(2);
  ASSERT_TRUE(bool(features)) << llvm::toString(features.takeError());
  const Eigen::MatrixXcd images = randomImages(784, 4, 5, false);
  const Eigen::MatrixXcd scaled = images * 255.0;
  EXPECT_LT(maxAbsDiff(features->transform(images),
                       features->transform(scaled)),
            1e-12);
}

TEST(FourierFeaturesTest, RejectsRadiusOutOfRange) {
  for (int radius : {0, 15, -1}) {
    llvm::Expected<FourierFeatures> features = FourierFeatures::create(radius);
    ASSERT_FALSE(bool(features));
    EXPECT_NE(llvm::toString(features.takeError()).find("expected 1..14"),
              std::string::npos);
  }
  llvm::Expected<FourierFeatures> narrow = FourierFeatures::create(3, 28, 4);
  ASSERT_FALSE(bool(narrow));
  EXPECT_NE(llvm::toString(narrow.takeError()).find("expected 1..2"),
            std::string::npos);
}

TEST(FourierFeaturesTest, AppliesToADataset) {
  Dataset dataset;
  dataset.features = randomImages(784, 5, 9, false);
  dataset.labels = {0, 1, 2, 1, 0};
  dataset.classes = 3;
  dataset.name = "toy";
  llvm::Expected<Dataset> out = applyFourierFeatures(dataset, 2);
  ASSERT_TRUE(bool(out)) << llvm::toString(out.takeError());
  EXPECT_EQ(out->dims(), 16);
  EXPECT_EQ(out->samples(), 5);
  EXPECT_EQ(out->labels, dataset.labels);
  EXPECT_EQ(out->classes, 3);
  EXPECT_EQ(out->name, "toy");
  for (int s = 0; s < 5; ++s)
    EXPECT_LT(maxAbsDiff(out->features.col(s),
                         naiveCrop(dataset.features.col(s), 28, 28, 2) /
                             naiveCrop(dataset.features.col(s), 28, 28, 2)
                                 .cwiseAbs()
                                 .mean()),
              1e-10);
}

TEST(FourierFeaturesTest, RejectsAMismatchedDataset) {
  Dataset dataset;
  dataset.features = Eigen::MatrixXcd::Zero(4, 2);
  dataset.labels = {0, 1};
  dataset.classes = 2;
  dataset.name = "iris";
  llvm::Expected<Dataset> out = applyFourierFeatures(dataset, 2);
  ASSERT_FALSE(bool(out));
  EXPECT_EQ(llvm::toString(out.takeError()),
            "iris: 4 features per sample, expected 28 x 28 = 784 pixels for "
            "fourier features");
}

} // namespace
