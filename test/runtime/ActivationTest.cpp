//===- ActivationTest.cpp - Element-wise complex activations --------------===//
#include "photon/Runtime/Activation.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace photon::runtime;
using C = std::complex<double>;

namespace {

TEST(Activation, Names) {
  for (Activation a :
       {Activation::Identity, Activation::Softplus, Activation::Modulus})
    EXPECT_EQ(parseActivation(activationName(a)), a);
  EXPECT_FALSE(parseActivation("relu").has_value());
}

TEST(Activation, HandComputedValues) {
  // softplus(|3+4i|) = ln(1 + e^5) = 5.006715348489118; phase of 3+4i kept.
  C z(3.0, 4.0);
  C f = applyActivation(Activation::Softplus, z);
  EXPECT_NEAR(std::abs(f), 5.006715348489118, 1e-14);
  EXPECT_NEAR(f.real(), 0.6 * 5.006715348489118, 1e-14);
  EXPECT_NEAR(f.imag(), 0.8 * 5.006715348489118, 1e-14);
  EXPECT_NEAR(applyActivation(Activation::Softplus, C(0, 0)).real(),
              std::log(2.0), 1e-15);
  EXPECT_EQ(applyActivation(Activation::Softplus, C(0, 0)).imag(), 0.0);
  // softplus(1) = ln(1 + e) = 1.3132616875182228 on -1.
  EXPECT_NEAR(applyActivation(Activation::Softplus, C(-1, 0)).real(),
              -1.3132616875182228, 1e-15);
  // Large moduli do not overflow: softplus(r) ≈ r.
  EXPECT_NEAR(applyActivation(Activation::Softplus, C(0, 1000)).imag(),
              1000.0, 1e-12);
  EXPECT_EQ(applyActivation(Activation::Modulus, z), C(5.0, 0.0));
  EXPECT_EQ(applyActivation(Activation::Identity, z), z);
}

TEST(Activation, FloatCloseToDouble) {
  for (double re : {-2.0, -0.1, 0.0, 0.5, 3.0})
    for (double im : {-1.0, 0.0, 2.0})
      for (Activation a : {Activation::Identity, Activation::Softplus,
                           Activation::Modulus}) {
        C d = applyActivation(a, C(re, im));
        std::complex<float> f =
            applyActivation(a, std::complex<float>(float(re), float(im)));
        EXPECT_NEAR(f.real(), d.real(), 1e-6);
        EXPECT_NEAR(f.imag(), d.imag(), 1e-6);
      }
}

} // namespace
