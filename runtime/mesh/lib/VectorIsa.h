//===- VectorIsa.h - The build's vector registers, as GCC vector types ----===//
//
// Internal to PhotonMesh. The kernels of Mesh.cpp and Nulling.cpp are
// written with GCC/Clang vector extensions so that one source compiles to
// SSE2 in the portable build and to AVX2 or AVX-512 with PHOTON_NATIVE=ON.
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_RUNTIME_LIB_VECTORISA_H
#define PHOTON_RUNTIME_LIB_VECTORISA_H

#include <cstring>

namespace photon::runtime::detail {

/// The widest vector registers the build targets.
#if defined(__AVX512F__)
constexpr int kVecBytes = 64;
#elif defined(__AVX__)
constexpr int kVecBytes = 32;
#else
constexpr int kVecBytes = 16;
#endif

/// One vector register of T. Concrete typedefs: GCC drops the attribute
/// from an alias template.
typedef double VecD __attribute__((vector_size(kVecBytes)));
typedef float VecF __attribute__((vector_size(kVecBytes)));
template <typename T> struct VecOf;
template <> struct VecOf<double> { using type = VecD; };
template <> struct VecOf<float> { using type = VecF; };
template <typename T> using Vec = typename VecOf<T>::type;
static_assert(sizeof(Vec<double>) == kVecBytes &&
              sizeof(Vec<float>) == kVecBytes);

/// Unaligned load and store of a vector.
template <typename V, typename T> inline V loadVec(const T *p) {
  V v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
template <typename V, typename T> inline void storeVec(T *p, const V &v) {
  std::memcpy(p, &v, sizeof v);
}

} // namespace photon::runtime::detail

#endif // PHOTON_RUNTIME_LIB_VECTORISA_H
