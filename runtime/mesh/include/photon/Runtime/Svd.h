//===- Svd.h - Factorising a dense layer ------------------------*- C++ -*-===//
//
// W (M x N, real or complex) = U · Σ · V†, with U (M x M) and V† (N x N)
// unitary and Σ (M x N) diagonal with non-negative singular values in
// descending order. Full U and V are computed, so M != N, rank-deficient and
// zero W are all handled.
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_RUNTIME_SVD_H
#define PHOTON_RUNTIME_SVD_H

#include <Eigen/Core>

namespace photon::runtime {

struct SvdFactors {
  Eigen::MatrixXcd u;          ///< M x M unitary.
  Eigen::VectorXd sigma;       ///< min(M, N) singular values, descending.
  Eigen::MatrixXcd vAdjoint;   ///< N x N unitary V†.
};

SvdFactors factorizeSvd(const Eigen::MatrixXcd &w);

} // namespace photon::runtime

#endif // PHOTON_RUNTIME_SVD_H
