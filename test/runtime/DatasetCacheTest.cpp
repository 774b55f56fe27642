//===- DatasetCacheTest.cpp - Binary copies of parsed data sets -----------===//
#include "photon/Runtime/DatasetCache.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

using namespace photon::runtime;

namespace {

class DatasetCacheTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("photon-cache", dir));
    llvm::SmallString<256> p(dir);
    llvm::sys::path::append(p, "set.photon-cache");
    path = std::string(p);
  }
  void TearDown() override { llvm::sys::fs::remove_directories(dir); }

  static Dataset sample(bool complex) {
    Dataset set;
    set.classes = 3;
    set.name = "toy-train";
    set.features.resize(2, 4);
    for (int s = 0; s < 4; ++s)
      for (int d = 0; d < 2; ++d)
        set.features(d, s) = {0.1 * (s + 1) + d, complex ? -0.3 * s : 0.0};
    set.labels = {0, 2, 1, 2};
    return set;
  }
  std::string bytes() const {
    auto buffer = llvm::MemoryBuffer::getFile(path);
    return buffer ? (*buffer)->getBuffer().str() : std::string();
  }
  void overwrite(const std::string &content) const {
    std::error_code ec;
    llvm::raw_fd_ostream out(path, ec);
    out << content;
  }

  llvm::SmallString<128> dir;
  std::string path;
  std::vector<SourceStamp> stamps{{100, 7}, {200, 9}};
};

TEST_F(DatasetCacheTest, RoundTripsRealAndComplexFeaturesExactly) {
  for (bool complex : {false, true}) {
    Dataset set = sample(complex);
    ASSERT_FALSE(llvm::errorToBool(writeDatasetCache(set, path, stamps)));
    std::optional<Dataset> back = readDatasetCache(path, stamps);
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(back->name, "toy-train");
    EXPECT_EQ(back->classes, 3);
    EXPECT_EQ(back->labels, set.labels);
    ASSERT_EQ(back->features.rows(), 2);
    ASSERT_EQ(back->features.cols(), 4);
    EXPECT_TRUE(back->features == set.features); // bit for bit
  }
}

TEST_F(DatasetCacheTest, RealFeaturesTakeOneDoubleEach) {
  ASSERT_FALSE(llvm::errorToBool(writeDatasetCache(sample(false), path, stamps)));
  const size_t header = 8 + 4 + 4 + 2 * 16 + 4 + 4 + 8 + 4 + 9 + 4;
  EXPECT_EQ(bytes().size(), header + 4 * 4 + 8 * 8);
  ASSERT_FALSE(llvm::errorToBool(writeDatasetCache(sample(true), path, stamps)));
  EXPECT_EQ(bytes().size(), header + 4 * 4 + 8 * 8 * 2);
}

TEST_F(DatasetCacheTest, StaleSourcesAreNotTrusted) {
  ASSERT_FALSE(llvm::errorToBool(writeDatasetCache(sample(false), path, stamps)));
  std::vector<SourceStamp> touched = stamps;
  touched[1].modifiedNs += 1;
  EXPECT_FALSE(readDatasetCache(path, touched).has_value());
  std::vector<SourceStamp> grown = stamps;
  grown[0].size += 1;
  EXPECT_FALSE(readDatasetCache(path, grown).has_value());
  EXPECT_FALSE(readDatasetCache(path, {stamps[0]}).has_value());
}

TEST_F(DatasetCacheTest, CorruptCachesAreIgnored) {
  ASSERT_FALSE(llvm::errorToBool(writeDatasetCache(sample(true), path, stamps)));
  const std::string good = bytes();
  // Every truncation, one extra byte, another magic.
  for (size_t length = 0; length < good.size(); ++length) {
    overwrite(good.substr(0, length));
    EXPECT_FALSE(readDatasetCache(path, stamps).has_value()) << length;
  }
  overwrite(good + "x");
  EXPECT_FALSE(readDatasetCache(path, stamps).has_value());
  overwrite("PHOTONDX" + good.substr(8));
  EXPECT_FALSE(readDatasetCache(path, stamps).has_value());
  // A label outside [0, classes): the last label sits before the features.
  std::string badLabel = good;
  const size_t lastLabel = good.size() - 8 * 8 * 2 - 4;
  badLabel[lastLabel] = 3;
  overwrite(badLabel);
  EXPECT_FALSE(readDatasetCache(path, stamps).has_value());
  // A non-finite feature.
  std::string nan = good;
  for (size_t i = nan.size() - 8; i < nan.size(); ++i)
    nan[i] = static_cast<char>(0xff);
  overwrite(nan);
  EXPECT_FALSE(readDatasetCache(path, stamps).has_value());
  // A header claiming 2^40 samples does not allocate them.
  std::string huge = good;
  const size_t samplesAt = 8 + 4 + 4 + 2 * 16 + 4 + 4;
  huge[samplesAt + 5] = 1;
  overwrite(huge);
  EXPECT_FALSE(readDatasetCache(path, stamps).has_value());
  EXPECT_FALSE(readDatasetCache(path + ".absent", stamps).has_value());
}

TEST_F(DatasetCacheTest, FailedWritesLeaveNothingBehind) {
  llvm::SmallString<256> missing(dir);
  llvm::sys::path::append(missing, "no-such-dir", "set.photon-cache");
  llvm::Error error = writeDatasetCache(sample(false), missing, stamps);
  ASSERT_TRUE(static_cast<bool>(error));
  EXPECT_NE(llvm::toString(std::move(error)).find("cannot write a cache"),
            std::string::npos);
  ASSERT_FALSE(llvm::errorToBool(writeDatasetCache(sample(false), path, stamps)));
  int files = 0;
  std::error_code ec;
  for (llvm::sys::fs::directory_iterator it(dir, ec), end; it != end && !ec;
       it.increment(ec))
    ++files;
  EXPECT_EQ(files, 1); // the cache, no temporary
}

TEST_F(DatasetCacheTest, StampsNameTheMissingFile) {
  llvm::Expected<std::vector<SourceStamp>> none =
      stampSources({path + ".absent"});
  ASSERT_FALSE(static_cast<bool>(none));
  EXPECT_NE(llvm::toString(none.takeError()).find(".absent: cannot open"),
            std::string::npos);
}

} // namespace
