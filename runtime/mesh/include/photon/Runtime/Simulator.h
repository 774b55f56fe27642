//===- Simulator.h - Running a program on a batch ---------------*- C++ -*-===//
//
// Batched forward simulation of a whole program. Samples are columns.
// Encode loads the electrical values as field amplitudes (real values by
// amplitude modulation, complex ones by IQ modulation); detect
// returns |E|² (imaginary parts 0).
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_RUNTIME_SIMULATOR_H
#define PHOTON_RUNTIME_SIMULATOR_H

#include "photon/Runtime/Program.h"

namespace photon::runtime {

/// inputs: program.inputs x batch; returns program.outputs x batch.
/// The program must have passed verifyProgram. The inputs are read in
/// place (a Ref, so a mapped buffer such as a NumPy array is not copied
/// twice).
Eigen::MatrixXcd simulate(const Program &program,
                          const Eigen::Ref<const Eigen::MatrixXcd> &inputs);
Eigen::MatrixXcf simulate(const Program &program,
                          const Eigen::Ref<const Eigen::MatrixXcf> &inputs);

} // namespace photon::runtime

#endif // PHOTON_RUNTIME_SIMULATOR_H
