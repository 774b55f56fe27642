//===- PhotonicOps.cpp - Verifiers of the photonic ops --------------------===//
#include "photon/Dialect/PhotonicOps.h"
#include "photon/Dialect/MatrixAttr.h"

#include "photon/Runtime/Convention.h"
#include "photon/Runtime/Decomposition.h"
#include "photon/Runtime/Limits.h"
#include "photon/Runtime/MeshLayout.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/bit.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/ManagedStatic.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

using namespace mlir;
using namespace photon;

#include "photon/Dialect/PhotonicEnums.cpp.inc"

//===----------------------------------------------------------------------===//
// Phase lists: `[0.0, 1.5707963267948966]` or `"0x000000000000000018..."`
//===----------------------------------------------------------------------===//

// The builtin dense array syntax prints doubles with 7 significant digits,
// which would lose phases in a text round trip. Small phase lists are
// printed as decimal lists with the shortest exact form of each value and
// parsed with MLIR's float parser (which also takes hex bit patterns).
//
// Large lists (more than --photonic-print-phases-with-hex-if-larger values,
// 4096 by default) are printed as one string literal "0x" followed by 16
// hex digits per value: the 8 bytes of the IEEE double, least significant
// byte first (MLIR's dense<"0x..."> hex form for tensor<Nxf64>). Reading
// 2 M decimal phases through APFloat took most of a 1024-mode phase
// table's time; the hex form reads back exactly and about 10x faster.

namespace {
struct PhaseListOptions {
  llvm::cl::opt<int64_t> hexIfLarger{
      "photonic-print-phases-with-hex-if-larger",
      llvm::cl::desc("Print photonic phase lists (theta, phi, outputs, bias) "
                     "with more than this many values as a hex string of "
                     "IEEE doubles (-1: always decimal)"),
      llvm::cl::init(photon::kDefaultPhaseHexThreshold)};
};
} // namespace

static llvm::ManagedStatic<PhaseListOptions> phaseListOptions;

void photon::registerPhaseListOptions() { *phaseListOptions; }

/// The threshold of the option when a tool registered it, else the default.
static int64_t phaseHexThreshold() {
  return phaseListOptions.isConstructed() ? phaseListOptions->hexIfLarger
                                          : kDefaultPhaseHexThreshold;
}

/// Decodes the hex form: "0x" then 16 hex digits (either case) per value.
/// On malformed text returns the one-line reason.
static std::optional<std::string> decodeHexPhases(StringRef text,
                                                  SmallVectorImpl<double> &out) {
  if (!text.consume_front("0x") && !text.consume_front("0X"))
    return std::string("expects a phase list [...] or a hex string \"0x...\", "
                       "got a string not starting with 0x");
  if (text.size() % 16 != 0)
    return "expects 16 hex digits per phase (a little-endian IEEE double) "
           "in a hex phase list, got " +
           std::to_string(text.size()) + " digits";
  out.reserve(text.size() / 16);
  for (size_t value = 0, count = text.size() / 16; value < count; ++value) {
    uint64_t bits = 0;
    for (unsigned digit = 0; digit < 16; ++digit) {
      size_t at = value * 16 + digit;
      unsigned char c = text[at];
      unsigned nibble = llvm::hexDigitValue(c);
      if (nibble == ~0U)
        return "expects only hex digits in a hex phase list, got " +
               (llvm::isPrint(c) ? "'" + std::string(1, c) + "'"
                                 : "byte 0x" + llvm::utohexstr(c, false, 2)) +
               " at digit " + std::to_string(at + 1) + " after 0x";
      // Byte b (least significant first) is digits 2b (high) and 2b + 1.
      unsigned shift = 8 * (digit / 2) + (digit % 2 == 0 ? 4 : 0);
      bits |= static_cast<uint64_t>(nibble) << shift;
    }
    out.push_back(llvm::bit_cast<double>(bits));
  }
  return std::nullopt;
}

static ParseResult parsePhases(OpAsmParser &parser, DenseF64ArrayAttr &attr) {
  SmallVector<double> values;
  SMLoc loc = parser.getCurrentLocation();
  std::string hex;
  if (succeeded(parser.parseOptionalString(&hex))) {
    if (std::optional<std::string> error = decodeHexPhases(hex, values))
      return parser.emitError(loc) << *error;
  } else if (parser.parseCommaSeparatedList(
                 AsmParser::Delimiter::Square, [&]() -> ParseResult {
                   llvm::APFloat value(0.0);
                   if (parser.parseFloat(llvm::APFloat::IEEEdouble(), value))
                     return failure();
                   values.push_back(value.convertToDouble());
                   return success();
                 })) {
    return failure();
  }
  attr = parser.getBuilder().getDenseF64ArrayAttr(values);
  return success();
}

/// Writes the shortest decimal form that reads back as exactly `value`
/// (std::to_chars), in MLIR float-literal form (always with a '.'). About
/// 10x faster than trying %.15g..%.17g with snprintf and strtod, and 40x
/// faster than APFloat-based printing: large meshes print millions of phases.
static void printPhase(raw_ostream &os, double value) {
  char text[40];
  char *end = std::to_chars(text, text + sizeof(text), value).ptr;
  llvm::StringRef str(text, end - text);
  size_t exponent = str.find_first_of("eE");
  if (str.find('.') != llvm::StringRef::npos)
    os << str;
  else if (exponent == llvm::StringRef::npos)
    os << str << ".0";
  else
    os << str.substr(0, exponent) << ".0" << str.substr(exponent);
}

/// Writes `values` in the hex form (uppercase digits), in chunks.
static void printHexPhases(raw_ostream &os, ArrayRef<double> values) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  os << "\"0x";
  char chunk[16 * 256];
  size_t used = 0;
  for (double value : values) {
    uint64_t bits = llvm::bit_cast<uint64_t>(value);
    for (unsigned byte = 0; byte < 8; ++byte, bits >>= 8) {
      chunk[used++] = kDigits[(bits >> 4) & 0xF];
      chunk[used++] = kDigits[bits & 0xF];
    }
    if (used == sizeof(chunk)) {
      os.write(chunk, used);
      used = 0;
    }
  }
  os.write(chunk, used);
  os << '"';
}

static void printPhases(OpAsmPrinter &printer, Operation *,
                        DenseF64ArrayAttr attr) {
  ArrayRef<double> values = attr.asArrayRef();
  int64_t threshold = phaseHexThreshold();
  if (threshold >= 0 && static_cast<int64_t>(values.size()) > threshold) {
    printHexPhases(printer.getStream(), values);
    return;
  }
  printer << '[';
  llvm::interleaveComma(values, printer, [&](double value) {
    if (std::isfinite(value))
      printPhase(printer.getStream(), value);
    else // Only reachable when printing IR that failed verification.
      printer.printFloat(llvm::APFloat(value));
  });
  printer << ']';
}

#define GET_OP_CLASSES
#include "photon/Dialect/PhotonicOps.cpp.inc"

//===----------------------------------------------------------------------===//
// Shared checks
//===----------------------------------------------------------------------===//

/// printf-style formatting of a number for diagnostics ("0.5", "nan").
static std::string formatNumber(const char *style, double value) {
  std::string text;
  llvm::raw_string_ostream(text) << llvm::format(style, value);
  return text;
}

static int64_t modesOf(Value value) {
  return llvm::cast<FieldType>(value.getType()).getModes();
}

/// Checks that `values` has `expected` entries, all finite.
static LogicalResult verifyPhaseArray(Operation *op, StringRef name,
                                      ArrayRef<double> values,
                                      int64_t expected, StringRef why) {
  if (static_cast<int64_t>(values.size()) != expected)
    return op->emitOpError() << "expects '" << name << "' to have "
                             << expected << " entries (" << why << "), got "
                             << values.size();
  for (auto [index, value] : llvm::enumerate(values))
    if (!std::isfinite(value))
      return op->emitOpError() << "expects finite phases, but '" << name
                               << "'[" << index << "] is "
                               << formatNumber("%g", value);
  return success();
}

static LogicalResult verifyLayer(Operation *op, std::optional<int64_t> layer) {
  // The runtime program and the phase table store it as an int.
  if (layer && (*layer < 0 || *layer > std::numeric_limits<int32_t>::max()))
    return op->emitOpError() << "expects a 'layer' in 0.."
                             << std::numeric_limits<int32_t>::max() << ", got "
                             << *layer;
  return success();
}

static LogicalResult verifyFactor(Operation *op,
                                  std::optional<StringRef> factor) {
  if (factor && *factor != "U" && *factor != "V")
    return op->emitOpError() << "expects 'factor' to be \"U\" or \"V\", got \""
                             << *factor << "\"";
  return success();
}

/// Checks a matrix attribute's shape, element type and finiteness, and
/// returns its values.
static FailureOr<Eigen::MatrixXcd> verifyMatrix(Operation *op, StringRef name,
                                                ElementsAttr attr,
                                                int64_t rows, int64_t cols) {
  auto type = llvm::dyn_cast<ShapedType>(attr.getType());
  if (!type || type.getRank() != 2)
    return op->emitOpError() << "expects '" << name
                             << "' to be a 2-D tensor, got " << attr.getType();
  if (type.getDimSize(0) != rows || type.getDimSize(1) != cols)
    return op->emitOpError()
           << "expects '" << name << "' of shape " << rows << "x" << cols
           << " (output modes x input modes), got " << type.getDimSize(0)
           << "x" << type.getDimSize(1);
  if (!isSupportedMatrixElementType(type.getElementType()))
    return op->emitOpError() << "expects '" << name
                             << "' elements of type f32, f64, complex<f32> or "
                                "complex<f64>, got "
                             << type.getElementType();
  std::optional<Eigen::MatrixXcd> matrix = readMatrix(attr);
  if (!matrix)
    return op->emitOpError() << "expects '" << name
                             << "' to be a dense elements attribute";
  for (Eigen::Index r = 0; r < matrix->rows(); ++r)
    for (Eigen::Index c = 0; c < matrix->cols(); ++c)
      if (!std::isfinite((*matrix)(r, c).real()) ||
          !std::isfinite((*matrix)(r, c).imag()))
        return op->emitOpError() << "expects finite entries, but '" << name
                                 << "'[" << r << "][" << c
                                 << "] is not finite";
  return std::move(*matrix);
}

//===----------------------------------------------------------------------===//
// EncodeOp
//===----------------------------------------------------------------------===//

LogicalResult EncodeOp::verify() {
  auto type = llvm::cast<RankedTensorType>(getInput().getType());
  if (type.isDynamicDim(0) || type.getDimSize(0) != modesOf(getOutput()))
    return emitOpError() << "expects the input length to equal the mode count "
                         << modesOf(getOutput()) << ", got " << type;
  return success();
}

//===----------------------------------------------------------------------===//
// DenseOp
//===----------------------------------------------------------------------===//

LogicalResult DenseOp::verify() {
  bool hasWeights = static_cast<bool>(getWeightsAttr());
  bool hasInit = getInit().has_value();
  if (hasWeights == hasInit)
    return emitOpError("expects exactly one of 'weights' or 'init'");
  if (hasInit != getSeed().has_value())
    return emitOpError("expects 'seed' exactly when 'init' is given");
  if (getComplex() && !hasInit)
    return emitOpError("expects 'complex' only with 'init'");
  if (hasWeights &&
      failed(verifyMatrix(*this, "weights", *getWeights(),
                          modesOf(getOutput()), modesOf(getInput()))))
    return failure();
  return success();
}

//===----------------------------------------------------------------------===//
// UnitaryOp
//===----------------------------------------------------------------------===//

LogicalResult UnitaryOp::verify() {
  int64_t n = modesOf(getInput());
  FailureOr<Eigen::MatrixXcd> matrix =
      verifyMatrix(*this, "matrix", getMatrix(), n, n);
  if (failed(matrix))
    return failure();
  auto elementType =
      llvm::cast<ShapedType>(getMatrix().getType()).getElementType();
  if (auto complexType = llvm::dyn_cast<ComplexType>(elementType))
    elementType = complexType.getElementType();
  if (!elementType.isF64())
    return emitOpError("expects 'matrix' elements of type f64 or complex<f64>");
  double error = runtime::unitarityError(*matrix);
  if (!(error <= runtime::kUnitarityTolerance))
    return emitOpError() << "expects a unitary 'matrix': max |U^H U - I| = "
                         << formatNumber("%.3e", error)
                         << " exceeds the tolerance "
                         << formatNumber("%.0e", runtime::kUnitarityTolerance);
  if (failed(verifyLayer(*this, getLayer())) ||
      failed(verifyFactor(*this, getFactor())))
    return failure();
  return success();
}

//===----------------------------------------------------------------------===//
// DiagonalOp
//===----------------------------------------------------------------------===//

static LogicalResult verifyAttenuatorPhases(Operation *op, StringRef name,
                                            ArrayRef<double> values,
                                            int64_t expected) {
  if (failed(verifyPhaseArray(op, name, values, expected,
                              "one attenuator per min(input, output) mode")))
    return failure();
  for (auto [index, theta] : llvm::enumerate(values))
    if (theta < 0.0 || theta > runtime::kPi)
      return op->emitOpError() << "expects attenuator phases in [0, pi], but '"
                               << name << "'[" << index << "] is "
                               << formatNumber("%g", theta);
  return success();
}

static LogicalResult verifyGain(Operation *op, StringRef name, double gain) {
  if (!std::isfinite(gain) || gain < 0.0 || gain > runtime::kMaxGain)
    return op->emitOpError() << "expects a finite '" << name << "' in [0, "
                             << formatNumber("%g", runtime::kMaxGain)
                             << "], got " << formatNumber("%g", gain);
  return success();
}

LogicalResult DiagonalOp::verify() {
  int64_t inputs = modesOf(getInput()), outputs = modesOf(getOutput());
  if (failed(verifyAttenuatorPhases(*this, "theta", getTheta(),
                                    std::min(inputs, outputs))))
    return failure();
  if (failed(verifyGain(*this, "gain", getGain().convertToDouble())))
    return failure();
  if (std::optional<ArrayRef<bool>> mask = getMask()) {
    if (mask->size() != getTheta().size())
      return emitOpError() << "expects 'mask' to have " << getTheta().size()
                           << " entries (one per attenuator), got "
                           << mask->size();
    for (auto [index, live] : llvm::enumerate(*mask))
      if (!live && getTheta()[index] != 0.0)
        return emitOpError()
               << "expects masked attenuators to have phase 0, but 'theta'["
               << index << "] is " << formatNumber("%g", getTheta()[index]);
  }
  if (getInitialTheta().has_value() != getInitialGain().has_value())
    return emitOpError("expects initial theta and gain together");
  if (std::optional<ArrayRef<double>> initial = getInitialTheta()) {
    if (failed(verifyAttenuatorPhases(*this, "initial theta", *initial,
                                      std::min(inputs, outputs))) ||
        failed(verifyGain(*this, "initial gain",
                          getInitialGain()->convertToDouble())))
      return failure();
  }
  return verifyLayer(*this, getLayer());
}

//===----------------------------------------------------------------------===//
// MeshOp
//===----------------------------------------------------------------------===//

int64_t MeshOp::getModes() { return modesOf(getInput()); }
int64_t MeshOp::getMziCount() { return getModes() * (getModes() - 1) / 2; }
int64_t MeshOp::getShifterCount() { return 2 * getMziCount() + getModes(); }

LogicalResult MeshOp::verify() {
  int64_t n = getModes(), mzis = getMziCount();
  if (failed(verifyPhaseArray(*this, "theta", getTheta(), mzis,
                              "one per MZI, N(N-1)/2")) ||
      failed(verifyPhaseArray(*this, "phi", getPhi(), mzis,
                              "one per MZI, N(N-1)/2")) ||
      failed(verifyPhaseArray(*this, "outputs", getOutputPhases(), n,
                              "one per mode")))
    return failure();
  if (std::optional<ArrayRef<bool>> mask = getMask()) {
    int64_t expected = getShifterCount();
    if (static_cast<int64_t>(mask->size()) != expected)
      return emitOpError() << "expects 'mask' to have " << expected
                           << " entries (2 N(N-1)/2 + N shifters), got "
                           << mask->size();
    for (auto [index, live] : llvm::enumerate(*mask)) {
      if (live)
        continue;
      int64_t i = index;
      StringRef name = "theta";
      ArrayRef<double> phases = getTheta();
      if (i >= 2 * mzis) {
        name = "outputs", phases = getOutputPhases(), i -= 2 * mzis;
      } else if (i >= mzis) {
        name = "phi", phases = getPhi(), i -= mzis;
      }
      if (phases[i] != 0.0)
        return emitOpError() << "expects masked shifters to have phase 0, but '"
                             << name << "'[" << i << "] is "
                             << formatNumber("%g", phases[i]);
    }
  }
  if (std::optional<ArrayRef<bool>> active = getActive()) {
    int64_t expected = getShifterCount();
    if (static_cast<int64_t>(active->size()) != expected)
      return emitOpError() << "expects 'active' to have " << expected
                           << " entries (2 N(N-1)/2 + N shifters), got "
                           << active->size();
    std::optional<ArrayRef<bool>> mask = getMask();
    for (auto [index, flag] : llvm::enumerate(*active)) {
      if (!flag)
        continue;
      if (static_cast<int64_t>(index) >= 2 * mzis)
        return emitOpError() << "expects only theta and phi shifters to be "
                                "active, but output shifter "
                             << static_cast<int64_t>(index) - 2 * mzis
                             << " is";
      if (mask && !(*mask)[index])
        return emitOpError() << "expects active shifters to be live, but "
                                "shifter "
                             << index << " is masked";
    }
  }
  std::optional<ArrayRef<double>> initialTheta = getInitialTheta(),
                                  initialPhi = getInitialPhi(),
                                  initialOutputs = getInitialOutputPhases();
  if (initialTheta.has_value() != initialPhi.has_value() ||
      initialTheta.has_value() != initialOutputs.has_value())
    return emitOpError("expects initial theta, phi and outputs together");
  if (initialTheta &&
      (failed(verifyPhaseArray(*this, "initial theta", *initialTheta, mzis,
                               "one per MZI, N(N-1)/2")) ||
       failed(verifyPhaseArray(*this, "initial phi", *initialPhi, mzis,
                               "one per MZI, N(N-1)/2")) ||
       failed(verifyPhaseArray(*this, "initial outputs", *initialOutputs, n,
                               "one per mode"))))
    return failure();
  if (failed(verifyLayer(*this, getLayer())) ||
      failed(verifyFactor(*this, getFactor())))
    return failure();
  return success();
}

//===----------------------------------------------------------------------===//
// DetectOp
//===----------------------------------------------------------------------===//

LogicalResult DetectOp::verify() {
  auto type = llvm::cast<RankedTensorType>(getOutput().getType());
  if (type.isDynamicDim(0) || type.getDimSize(0) != modesOf(getInput()))
    return emitOpError() << "expects the output length to equal the mode count "
                         << modesOf(getInput()) << ", got " << type;
  return success();
}

//===----------------------------------------------------------------------===//
// AdapterOp
//===----------------------------------------------------------------------===//

int64_t AdapterOp::getAdapterRank() {
  auto type = llvm::dyn_cast<ShapedType>(getA().getType());
  return type && type.getRank() == 2 ? type.getDimSize(0) : 0;
}

LogicalResult AdapterOp::verify() {
  int64_t n = modesOf(getInput()), m = modesOf(getOutput());
  auto aType = llvm::dyn_cast<ShapedType>(getA().getType());
  if (!aType || aType.getRank() != 2)
    return emitOpError() << "expects 'a' to be a 2-D tensor, got "
                         << getA().getType();
  int64_t rank = aType.getDimSize(0);
  if (rank < 1 || rank > std::min(m, n))
    return emitOpError() << "expects a rank (rows of 'a') in 1.." << std::min(m, n)
                         << " (min of the input modes " << n
                         << " and the output modes " << m << "), got "
                         << rank;
  if (aType.getDimSize(1) != n)
    return emitOpError() << "expects 'a' of shape " << rank << "x" << n
                         << " (rank x input modes), got " << rank << "x"
                         << aType.getDimSize(1);
  if (failed(verifyMatrix(*this, "a", getA(), rank, n)))
    return failure();
  auto bType = llvm::dyn_cast<ShapedType>(getB().getType());
  if (bType && bType.getRank() == 2 &&
      (bType.getDimSize(0) != m || bType.getDimSize(1) != rank))
    return emitOpError() << "expects 'b' of shape " << m << "x" << rank
                         << " (output modes x rank), got "
                         << bType.getDimSize(0) << "x" << bType.getDimSize(1);
  if (failed(verifyMatrix(*this, "b", getB(), m, rank)))
    return failure();
  return verifyLayer(*this, getLayer());
}
