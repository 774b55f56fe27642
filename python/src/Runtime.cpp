//===- Runtime.cpp - Meshes, decompositions, noise specs, data sets -------===//
#include "Common.h"

#include "photon/Runtime/Convention.h"
#include "photon/Runtime/DataSelection.h"
#include "photon/Runtime/Decomposition.h"
#include "photon/Runtime/Mesh.h"
#include "photon/Runtime/NoiseModel.h"

#include "llvm/Support/raw_ostream.h"

#include <pybind11/stl.h>

#include <cmath>

namespace photon::python {
namespace {

using runtime::Mesh;

runtime::Topology toTopology(const std::string &name) {
  std::optional<runtime::Topology> topology = runtime::parseTopology(name);
  if (!topology)
    throw py::value_error("topology must be 'clements' or 'reck', got '" +
                          name + "'");
  return *topology;
}

/// A 1-D array of reals of length `size`, all finite.
std::vector<double> toPhases(py::handle object, const char *what, size_t size) {
  auto array = toArray<double>(object, what);
  if (array.ndim() != 1 || size_t(array.shape(0)) != size)
    throw py::value_error(std::string(what) + " must be a 1-D array of " +
                          std::to_string(size) + " phases");
  std::vector<double> phases(array.data(), array.data() + size);
  for (double phase : phases)
    if (!std::isfinite(phase))
      throw py::value_error(std::string(what) + " must be finite");
  return phases;
}

Mesh makeMesh(const std::string &topology, py::handle theta, py::handle phi,
              py::handle outputPhases, py::handle mask) {
  Mesh mesh;
  mesh.topology = toTopology(topology);
  auto outputs = toArray<double>(outputPhases, "output_phases");
  if (outputs.ndim() != 1 || outputs.shape(0) < 1)
    throw py::value_error("output_phases must be a 1-D array with one phase "
                          "per mode");
  mesh.modes = static_cast<int>(outputs.shape(0));
  const size_t mzis = runtime::mziCount(mesh.modes);
  mesh.theta = toPhases(theta, "theta", mzis);
  mesh.phi = toPhases(phi, "phi", mzis);
  mesh.outputPhases = toPhases(outputPhases, "output_phases", mesh.modes);
  if (!mask.is_none()) {
    auto flags = toArray<int64_t>(mask, "mask");
    const size_t size = mesh.shifterCount();
    if (flags.ndim() != 1 || size_t(flags.shape(0)) != size)
      throw py::value_error("mask must be a 1-D array of " +
                            std::to_string(size) + " flags 0/1");
    for (size_t i = 0; i < size; ++i) {
      if (flags.data()[i] != 0 && flags.data()[i] != 1)
        throw py::value_error("mask entries must be 0 or 1");
      mesh.mask.push_back(static_cast<uint8_t>(flags.data()[i]));
    }
  }
  return mesh;
}

/// A square complex matrix from an array-like.
Eigen::MatrixXcd toSquare(py::handle object, const char *what) {
  auto array = toArray<std::complex<double>>(object, what);
  if (array.ndim() != 2 || array.shape(0) != array.shape(1) ||
      array.shape(0) < 1)
    throw py::value_error(std::string(what) +
                          " must be a square 2-D array (N x N, N >= 1)");
  using RowMajor = Eigen::Matrix<std::complex<double>, Eigen::Dynamic,
                                 Eigen::Dynamic, Eigen::RowMajor>;
  return Eigen::Map<const RowMajor>(array.data(), array.shape(0),
                                    array.shape(1));
}

/// A view of `values` that keeps `owner` alive: writes reach the mesh.
template <typename T> py::array view(std::vector<T> &values, py::handle owner) {
  return py::array_t<T>({py::ssize_t(values.size())}, {py::ssize_t(sizeof(T))},
                        values.data(), owner);
}

py::dict meshDict(const Mesh &mesh) {
  py::dict dict;
  dict["topology"] = runtime::topologyName(mesh.topology);
  dict["modes"] = mesh.modes;
  dict["theta"] = mesh.theta;
  dict["phi"] = mesh.phi;
  dict["output_phases"] = mesh.outputPhases;
  if (!mesh.mask.empty())
    dict["mask"] = std::vector<int>(mesh.mask.begin(), mesh.mask.end());
  return dict;
}

runtime::Dataset loadSplit(runtime::DataSelection selection,
                           const std::string &split) {
  if (split != "test" && split != "train" && split != "validation")
    throw py::value_error("split must be 'test', 'train' or 'validation', "
                          "got '" +
                          split + "'");
  runtime::TrainTestSplit data = unwrap(runtime::loadDataSelection(selection));
  if (split == "validation" && data.validation.samples() == 0)
    throw py::value_error("split 'validation' needs validation > 0");
  return split == "test"    ? std::move(data.test)
         : split == "train" ? std::move(data.train)
                            : std::move(data.validation);
}

} // namespace

void bindRuntime(py::module_ &module) {
  py::class_<Mesh>(module, "Mesh",
                   "The phases of one N-mode Clements or Reck mesh of MZIs "
                   "(docs/conventions.md): U = D T_K ... T_1")
      .def(py::init(&makeMesh), py::arg("topology"), py::arg("theta"),
           py::arg("phi"), py::arg("output_phases"),
           py::arg("mask") = py::none())
      .def_property_readonly(
          "topology",
          [](const Mesh &mesh) { return runtime::topologyName(mesh.topology); })
      .def_property_readonly("modes",
                             [](const Mesh &mesh) { return mesh.modes; })
      .def_property_readonly("mzis", &Mesh::mziCount)
      .def_property_readonly("shifters", &Mesh::shifterCount)
      .def_property_readonly("columns",
                             [](const Mesh &mesh) {
                               return runtime::meshDepth(mesh.topology,
                                                         mesh.modes);
                             })
      .def_property_readonly(
          "theta",
          [](py::object self) { return view(self.cast<Mesh &>().theta, self); },
          "Internal MZI phases in layout order (a writable view)")
      .def_property_readonly(
          "phi",
          [](py::object self) { return view(self.cast<Mesh &>().phi, self); },
          "External MZI phases in layout order (a writable view)")
      .def_property_readonly(
          "output_phases",
          [](py::object self) {
            return view(self.cast<Mesh &>().outputPhases, self);
          },
          "The output phase screen D (a writable view)")
      .def_property_readonly(
          "mask",
          [](py::object self) -> py::object {
            Mesh &mesh = self.cast<Mesh &>();
            if (mesh.mask.empty())
              return py::none();
            return view(mesh.mask, self);
          },
          "None, or 0/1 per shifter [theta..., phi..., outputs...]")
      .def(
          "matrix",
          [](const Mesh &mesh) {
            return fromMatrix(runtime::meshMatrix(mesh));
          },
          "The N x N unitary the mesh realises")
      .def(
          "apply",
          [](const Mesh &mesh, py::handle fields) {
            bool single = false;
            auto batch = toBatch<double>(fields, mesh.modes, "fields", single);
            Eigen::MatrixXcd columns = Eigen::Map<const Eigen::MatrixXcd>(
                batch.data(), mesh.modes, single ? 1 : batch.shape(0));
            runtime::applyMesh(mesh, columns);
            return fromColumns(std::move(columns), single);
          },
          py::arg("fields"),
          "The mesh applied to fields, one per row (or one 1-D field)")
      .def("to_dict", &meshDict,
           "topology, modes, theta, phi, output_phases (and mask) as in a "
           "runtime program's mesh layer")
      .def("__repr__", [](const Mesh &mesh) {
        return "<photon.Mesh " +
               std::string(runtime::topologyName(mesh.topology)) + " " +
               std::to_string(mesh.modes) + " modes, " +
               std::to_string(mesh.mziCount()) + " MZIs>";
      });

  module.def(
      "decompose",
      [](py::handle unitary, const std::string &topology) {
        runtime::Topology kind = toTopology(topology);
        Eigen::MatrixXcd u = toSquare(unitary, "U");
        double error = runtime::unitarityError(u);
        if (!(error <= runtime::kUnitarityTolerance)) {
          std::string message;
          llvm::raw_string_ostream os(message);
          os << "U is not unitary: max |U^H U - I| = " << error
             << " (tolerance " << runtime::kUnitarityTolerance << ")";
          throw py::value_error(message);
        }
        py::gil_scoped_release release;
        return runtime::decomposeUnitary(kind, u);
      },
      py::arg("U"), py::arg("topology") = "clements");
  module.def(
      "reconstruct",
      [](const Mesh &mesh) { return fromMatrix(runtime::meshMatrix(mesh)); },
      py::arg("mesh"));
  module.def(
      "unitarity_error",
      [](py::handle u) { return runtime::unitarityError(toSquare(u, "U")); },
      py::arg("U"), "max |U^H U - I| over all entries");
  module.def(
      "mzi",
      [](double theta, double phi) {
        return fromMatrix(runtime::mziTransfer(theta, phi));
      },
      py::arg("theta"), py::arg("phi"),
      "The 2x2 transfer matrix M(theta, phi) of one MZI");

  module.def("noise_keys", [] {
    std::vector<std::string> keys;
    for (llvm::StringRef key : runtime::noiseParameterKeys())
      keys.push_back(key.str());
    return keys;
  });
  module.def(
      "parse_noise",
      [](const std::string &spec) {
        runtime::NoiseModel model = unwrap(runtime::parseNoiseModel(spec));
        py::dict parameters;
        for (llvm::StringRef key : runtime::noiseParameterKeys()) {
          double value = runtime::getNoiseParameter(model, key);
          if (runtime::isNoiseBitsKey(key))
            parameters[py::str(key.str())] = static_cast<int64_t>(value);
          else
            parameters[py::str(key.str())] = value;
        }
        return py::make_tuple(runtime::formatNoiseModel(model), parameters);
      },
      py::arg("spec"),
      "(canonical spec, {key: value}) of a photon-run --noise spec");

  module.def(
      "load_dataset",
      [](const std::string &name, const std::string &split,
         const std::string &dataDir, const std::string &trainFile,
         const std::string &testFile, int fftRadius, double validation) {
        runtime::DataSelection selection;
        selection.dataset = name;
        selection.dataDir = dataDir;
        selection.trainFile = trainFile;
        selection.testFile = testFile;
        selection.fftRadius = fftRadius;
        selection.validation = validation;
        runtime::Dataset set;
        {
          py::gil_scoped_release release;
          set = loadSplit(selection, split);
        }
        py::array_t<int64_t> labels(set.labels.size());
        std::copy(set.labels.begin(), set.labels.end(), labels.mutable_data());
        return py::make_tuple(
            fromColumns(std::move(set.features), /*single=*/false), labels,
            set.classes);
      },
      py::arg("name"), py::arg("split"), py::arg("data_dir"),
      py::arg("train_file"), py::arg("test_file"), py::arg("fft_radius"),
      py::arg("validation"));
}

} // namespace photon::python
