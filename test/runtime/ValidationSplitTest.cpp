//===- ValidationSplitTest.cpp - carveValidation --------------------------===//
#include "photon/Runtime/DataSelection.h"

#include "llvm/Support/Error.h"

#include <gtest/gtest.h>

#include <set>

using namespace photon::runtime;

namespace {

/// n samples whose only feature is the sample's index.
TrainTestSplit indexed(int n) {
  TrainTestSplit split;
  split.train.features.resize(1, n);
  for (int i = 0; i < n; ++i) {
    split.train.features(0, i) = static_cast<double>(i);
    split.train.labels.push_back(i % 3);
  }
  split.train.classes = 3;
  split.test = split.train;
  return split;
}

std::vector<int> indicesOf(const Dataset &set) {
  std::vector<int> out;
  for (int i = 0; i < set.samples(); ++i)
    out.push_back(static_cast<int>(set.features(0, i).real()));
  return out;
}

std::string errorText(llvm::Error error) {
  return error ? llvm::toString(std::move(error)) : "";
}

TEST(ValidationSplit, CarvesADisjointSeededFractionInOrder) {
  TrainTestSplit split = indexed(1000);
  ASSERT_EQ(errorText(carveValidation(split, 0.1, 7)), "");
  EXPECT_EQ(split.validation.samples(), 100);
  EXPECT_EQ(split.train.samples(), 900);
  EXPECT_EQ(split.test.samples(), 1000); // the test split is untouched
  std::vector<int> train = indicesOf(split.train);
  std::vector<int> validation = indicesOf(split.validation);
  // Both keep file order, and together they are the old training split.
  EXPECT_TRUE(std::is_sorted(train.begin(), train.end()));
  EXPECT_TRUE(std::is_sorted(validation.begin(), validation.end()));
  std::set<int> all(train.begin(), train.end());
  all.insert(validation.begin(), validation.end());
  EXPECT_EQ(all.size(), 1000u);
  // Labels travel with their samples.
  for (int i = 0; i < split.validation.samples(); ++i)
    EXPECT_EQ(split.validation.labels[i], validation[i] % 3);
  // Drawn, not the first or last 100, and spread over the whole range.
  EXPECT_NE(validation.front(), 0);
  EXPECT_LT(validation.front(), 100);
  EXPECT_GT(validation.back(), 900);
  int firstHalf = 0;
  for (int v : validation)
    firstHalf += v < 500;
  EXPECT_GT(firstHalf, 30);
  EXPECT_LT(firstHalf, 70);

  // The same seed draws the same samples; another seed others.
  TrainTestSplit again = indexed(1000);
  ASSERT_EQ(errorText(carveValidation(again, 0.1, 7)), "");
  EXPECT_EQ(indicesOf(again.validation), validation);
  TrainTestSplit other = indexed(1000);
  ASSERT_EQ(errorText(carveValidation(other, 0.1, 8)), "");
  EXPECT_NE(indicesOf(other.validation), validation);
}

TEST(ValidationSplit, RoundsToTheNearestCountAndAcceptsZero) {
  TrainTestSplit split = indexed(90);
  ASSERT_EQ(errorText(carveValidation(split, 0.1, 0)), "");
  EXPECT_EQ(split.validation.samples(), 9);
  EXPECT_EQ(split.train.samples(), 81);
  TrainTestSplit none = indexed(90);
  ASSERT_EQ(errorText(carveValidation(none, 0.0, 0)), "");
  EXPECT_EQ(none.validation.samples(), 0);
  EXPECT_EQ(none.train.samples(), 90);
  TrainTestSplit small = indexed(4); // 0.1 · 4 = 0.4 rounds to 0
  ASSERT_EQ(errorText(carveValidation(small, 0.1, 0)), "");
  EXPECT_EQ(small.validation.samples(), 0);
}

TEST(ValidationSplit, RejectsFractionsOutsideTheRange) {
  for (double bad : {-0.1, 1.0, 2.0, std::nan("")}) {
    TrainTestSplit split = indexed(10);
    EXPECT_NE(errorText(carveValidation(split, bad, 0)), "") << bad;
    EXPECT_EQ(split.train.samples(), 10);
  }
  TrainTestSplit tiny = indexed(2);
  EXPECT_EQ(errorText(carveValidation(tiny, 0.9, 0)),
            "'validation' 0.900000 leaves no training sample out of 2");
}

} // namespace
