// Lowers a 2x3 dense layer with Photon's pipeline and checks, with the
// runtime, that the Clements decomposition of a unitary rebuilds it.
#include "photon/Dialect/PhotonicDialect.h"
#include "photon/Runtime/Decomposition.h"
#include "photon/Transforms/Passes.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "llvm/Support/raw_ostream.h"

#include <complex>

int main() {
  mlir::DialectRegistry registry;
  photon::registerAllDialects(registry);
  photon::registerPasses();
  mlir::MLIRContext context(registry);
  const char *source = R"mlir(
func.func @layer(%x: !photonic.field<3>) -> !photonic.field<2> {
  %y = photonic.dense %x weights(dense<[[1.0, 0.5, 0.0], [0.0, -1.0, 2.0]]> : tensor<2x3xf64>)
         : !photonic.field<3> -> !photonic.field<2>
  return %y : !photonic.field<2>
})mlir";
  mlir::OwningOpRef<mlir::ModuleOp> module =
      mlir::parseSourceString<mlir::ModuleOp>(source, &context);
  if (!module)
    return 1;
  mlir::FailureOr<mlir::OpPassManager> pipeline =
      mlir::parsePassPipeline("builtin.module(photonic-lower-to-mesh)");
  if (mlir::failed(pipeline))
    return 1;
  mlir::PassManager pm(&context);
  static_cast<mlir::OpPassManager &>(pm) = *pipeline;
  if (mlir::failed(pm.run(*module)))
    return 1;
  int meshes = 0;
  module->walk([&](mlir::Operation *op) {
    if (op->getName().getStringRef() == "photonic.mesh")
      ++meshes;
  });

  // A 3x3 unitary: the discrete Fourier transform.
  const double pi = 3.14159265358979323846;
  Eigen::MatrixXcd u(3, 3);
  for (int r = 0; r < 3; ++r)
    for (int c = 0; c < 3; ++c)
      u(r, c) = std::polar(1.0 / std::sqrt(3.0), 2 * pi * r * c / 3);
  photon::runtime::Mesh mesh = photon::runtime::decomposeClements(u);
  double error = (photon::runtime::meshMatrix(mesh) - u).cwiseAbs().maxCoeff();
  llvm::outs() << "meshes " << meshes << " mzis " << mesh.mziCount()
               << " rebuilt " << (error < 1e-12 ? "exactly" : "badly") << "\n";
  return 0;
}
