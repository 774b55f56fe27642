//===- NumpyRandom.cpp - numpy's legacy RandomState streams ---------------===//
//
// MT19937 (M. Matsumoto and T. Nishimura, ACM TOMACS 8(1), 1998) with the
// reference init_genrand seeding, and numpy's legacy RandomState conventions
// for random_sample, random_interval and shuffle, written from their
// published definitions. Checked against numpy 1.24: the first values of
// RandomState(0).random_sample() and RandomState(0).permutation(10) and
// (10000) are asserted in test/runtime/NumpyRandomTest.cpp.
//
//===----------------------------------------------------------------------===//
#include "photon/Runtime/NumpyRandom.h"

#include <cassert>
#include <cstddef>
#include <numeric>
#include <utility>

namespace photon::runtime {

namespace {
constexpr int kN = 624;
constexpr int kM = 397;
constexpr uint32_t kMatrixA = 0x9908b0dfU;
constexpr uint32_t kUpperMask = 0x80000000U;
constexpr uint32_t kLowerMask = 0x7fffffffU;
} // namespace

NumpyRandomState::NumpyRandomState(uint32_t seed) {
  state[0] = seed;
  for (int i = 1; i < kN; ++i)
    state[i] = 1812433253U * (state[i - 1] ^ (state[i - 1] >> 30)) +
               static_cast<uint32_t>(i);
  position = kN;
}

void NumpyRandomState::reload() {
  for (int i = 0; i < kN; ++i) {
    const uint32_t y =
        (state[i] & kUpperMask) | (state[(i + 1) % kN] & kLowerMask);
    state[i] = state[(i + kM) % kN] ^ (y >> 1) ^ ((y & 1U) ? kMatrixA : 0U);
  }
  position = 0;
}

uint32_t NumpyRandomState::nextUint32() {
  if (position >= kN)
    reload();
  uint32_t y = state[position++];
  y ^= y >> 11;
  y ^= (y << 7) & 0x9d2c5680U;
  y ^= (y << 15) & 0xefc60000U;
  y ^= y >> 18;
  return y;
}

uint64_t NumpyRandomState::nextUint64() {
  const uint64_t high = nextUint32();
  return (high << 32) | nextUint32();
}

double NumpyRandomState::randomSample() {
  const uint32_t a = nextUint32() >> 5;
  const uint32_t b = nextUint32() >> 6;
  return (a * 67108864.0 + b) / 9007199254740992.0;
}

uint64_t NumpyRandomState::randomInterval(uint64_t max) {
  if (max == 0)
    return 0;
  uint64_t mask = max;
  mask |= mask >> 1;
  mask |= mask >> 2;
  mask |= mask >> 4;
  mask |= mask >> 8;
  mask |= mask >> 16;
  mask |= mask >> 32;
  uint64_t value;
  if (max <= 0xffffffffULL) {
    while ((value = (nextUint32() & mask)) > max) {
    }
  } else {
    while ((value = (nextUint64() & mask)) > max) {
    }
  }
  return value;
}

void NumpyRandomState::shuffle(std::vector<int> &values) {
  for (size_t i = values.size(); i-- > 1;) {
    const size_t j = static_cast<size_t>(randomInterval(i));
    std::swap(values[i], values[j]);
  }
}

std::vector<int> NumpyRandomState::permutation(int n) {
  assert(n >= 0 && "permutation of a negative count");
  std::vector<int> values(static_cast<size_t>(n));
  std::iota(values.begin(), values.end(), 0);
  shuffle(values);
  return values;
}

} // namespace photon::runtime
