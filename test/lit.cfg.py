# -*- Python -*-
import os
import shutil

import lit.formats
from lit.llvm import llvm_config

config.name = "Photon"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".test"]
config.excludes = ["lit.cfg.py", "lit.site.cfg.py", "CMakeLists.txt",
                   "runtime", "Inputs", "fuzz"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.photon_obj_root, "test")

llvm_config.with_system_environment(["HOME", "INCLUDE", "LIB", "TMP", "TEMP"])
llvm_config.use_default_substitutions()

tool_dirs = [config.photon_tools_dir, config.llvm_tools_dir]
tools = ["photon-opt", "photon-translate", "photon-run", "photon-lsp-server",
         "not", "count",
         "split-file"]
llvm_config.add_tool_substitutions(tools, tool_dirs)

config.substitutions.append(("%python", config.python_executable))
config.substitutions.append(
    ("%scripts", os.path.join(config.photon_src_root, "scripts")))
config.substitutions.append(
    ("%examples", os.path.join(config.photon_src_root, "examples")))
config.substitutions.append(("%{photon_src}", config.photon_src_root))
config.substitutions.append(("%{photon_build}", config.photon_obj_root))
config.substitutions.append(("%cmake", config.cmake_command))
config.substitutions.append(("%photon_obj_root", config.photon_obj_root))

# The Python module (python/, PHOTON_ENABLE_PYTHON), importable as photon.
if config.photon_python_dir and os.path.isfile(
        os.path.join(config.photon_python_dir, "photon", "__init__.py")):
    config.available_features.add("python")
    llvm_config.with_environment("PYTHONPATH", config.photon_python_dir,
                                 append_path=True)

# Scripts under test (examples/*/run.sh) call the tools by name.
llvm_config.with_environment("PATH", config.photon_tools_dir, append_path=True)

# Tests on the real data sets run only where scripts/setup-data.sh put them.
data_dir = os.environ.get("PHOTON_DATA_DIR",
                          os.path.join(config.photon_src_root, "data"))
if os.path.isfile(os.path.join(data_dir, "mnist", "9.json")):
    config.available_features.add("mnist")
llvm_config.with_system_environment(["PHOTON_DATA_DIR"])

# Rendering the chip pictures (test/translate/svg-render.test) needs librsvg.
if shutil.which("rsvg-convert"):
    config.available_features.add("rsvg-convert")
# The ASan/UBSan build (scripts/sanitize.sh): tests too slow under the
# sanitizers say "UNSUPPORTED: sanitizer" (docs/reliability.md lists them).
if config.photon_sanitize:
    config.available_features.add("sanitizer")
