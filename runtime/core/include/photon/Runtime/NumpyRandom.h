//===- NumpyRandom.h - numpy's legacy RandomState streams -------*- C++ -*-===//
//
// A bit-exact reimplementation of the parts of numpy's legacy
// `np.random.RandomState` that Photon needs to reproduce a published data
// split: MT19937 seeded with an integer (init_genrand), random_sample(),
// and permutation()/shuffle() (Fisher-Yates from the end with numpy's
// masked rejection sampling). So `NumpyRandomState(0).permutation(10000)`
// equals `np.random.RandomState(0).permutation(10000)` element for element.
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_RUNTIME_NUMPYRANDOM_H
#define PHOTON_RUNTIME_NUMPYRANDOM_H

#include <array>
#include <cstdint>
#include <vector>

namespace photon::runtime {

class NumpyRandomState {
public:
  /// `np.random.RandomState(seed)` for an integer seed in [0, 2^32):
  /// MT19937 init_genrand(seed) (numpy's legacy `mt19937_seed`).
  explicit NumpyRandomState(uint32_t seed);

  /// The next 32-bit MT19937 output (genrand_int32).
  uint32_t nextUint32();
  /// Two 32-bit outputs, the first in the high word (numpy's next64).
  uint64_t nextUint64();
  /// `random_sample()`: (a >> 5, b >> 6) of two outputs as a 53-bit
  /// fraction in [0, 1).
  double randomSample();
  /// Uniform in [0, max] by numpy's `random_interval`: draw 32-bit (or, for
  /// max >= 2^32, 64-bit) values, mask them with the smallest all-ones mask
  /// covering max, and reject those above max.
  uint64_t randomInterval(uint64_t max);
  /// `shuffle(x)` for a 1-D array: for i = n-1 down to 1, swap x[i] with
  /// x[randomInterval(i)].
  void shuffle(std::vector<int> &values);
  /// `permutation(n)`: shuffle(arange(n)).
  std::vector<int> permutation(int n);

private:
  void reload();
  std::array<uint32_t, 624> state;
  int position = 624;
};

} // namespace photon::runtime

#endif // PHOTON_RUNTIME_NUMPYRANDOM_H
