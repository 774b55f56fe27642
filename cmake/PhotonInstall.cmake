# Install layout, the CMake package and the Debian package (docs/install.md).
#
#   cmake --install build --prefix P   tools in P/bin, libraries in P/lib,
#                                      headers, .td and generated .inc files
#                                      in P/include, the CMake package in
#                                      P/lib/cmake/photon
#   cpack -G DEB (in build/)           photon_<version>_<arch>.deb
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(PHOTON_INSTALL_LIBRARIES
  PhotonCore
  PhotonMesh
  PhotonData
  PhotonNoise
  PhotonTraining
  PhotonPruning
  PhotonOnChip
  PhotonRuntime
  PhotonicDialect
  PhotonBridge
  PhotonTosaToPhotonic
  PhotonTransforms
  PhotonOnnxImport
  PhotonExport)
foreach(library ${PHOTON_INSTALL_LIBRARIES})
  target_include_directories(${library} INTERFACE
    $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
endforeach()
install(TARGETS ${PHOTON_INSTALL_LIBRARIES}
  EXPORT PhotonTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev)
install(TARGETS photon-opt photon-translate photon-run photon-lsp-server
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT tools)

foreach(folder ${PHOTON_RUNTIME_FOLDERS})
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/runtime/${folder}/include/
    DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT dev
    FILES_MATCHING PATTERN "*.h")
endforeach()
foreach(dir dialect passes import export)
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/${dir}/include/
    DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT dev
    FILES_MATCHING PATTERN "*.h" PATTERN "*.td")
endforeach()
foreach(dir dialect passes)
  install(DIRECTORY ${PROJECT_BINARY_DIR}/${dir}/include/
    DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT dev
    FILES_MATCHING PATTERN "*.inc"
    PATTERN "CMakeFiles" EXCLUDE)
endforeach()

set(PHOTON_CMAKE_INSTALL_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/photon)
install(EXPORT PhotonTargets NAMESPACE Photon::
  DESTINATION ${PHOTON_CMAKE_INSTALL_DIR} COMPONENT dev)
configure_package_config_file(
  ${PROJECT_SOURCE_DIR}/cmake/PhotonConfig.cmake.in
  ${PROJECT_BINARY_DIR}/cmake/PhotonConfig.cmake
  INSTALL_DESTINATION ${PHOTON_CMAKE_INSTALL_DIR}
  PATH_VARS CMAKE_INSTALL_INCLUDEDIR)
write_basic_package_version_file(
  ${PROJECT_BINARY_DIR}/cmake/PhotonConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES
  ${PROJECT_BINARY_DIR}/cmake/PhotonConfig.cmake
  ${PROJECT_BINARY_DIR}/cmake/PhotonConfigVersion.cmake
  DESTINATION ${PHOTON_CMAKE_INSTALL_DIR} COMPONENT dev)

# The Debian package: everything above, depending on the Debian packages
# whose libraries the tools link dynamically (found by dpkg-shlibdeps) and
# on the -dev packages a find_package(Photon) consumer needs.
set(CPACK_PACKAGE_NAME photon)
set(CPACK_PACKAGE_VENDOR "Photon developers")
set(CPACK_PACKAGE_CONTACT "Photon developers <photon@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "Compiler for coherent photonic neural networks (MLIR)")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
  "libmlir-19-dev, llvm-19-dev, libeigen3-dev, zlib1g-dev, libprotobuf-dev, libonnx-dev")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
include(CPack)
