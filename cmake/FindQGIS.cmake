# Finds the QGIS 3 development files (Debian's libqgis-dev) and defines imported targets
# QGIS::Core, QGIS::Gui and QGIS::Analysis. QGIS_VERSION is read from qgsconfig.h.
find_path(QGIS_INCLUDE_DIR qgsconfig.h PATHS /usr/include/qgis /usr/local/include/qgis)
find_library(QGIS_CORE_LIBRARY qgis_core)
find_library(QGIS_GUI_LIBRARY qgis_gui)
find_library(QGIS_ANALYSIS_LIBRARY qgis_analysis)

if(QGIS_INCLUDE_DIR)
  file(STRINGS "${QGIS_INCLUDE_DIR}/qgsconfig.h" _qgis_version_line REGEX "define _QGIS_VERSION")
  string(REGEX MATCH "[0-9]+\\.[0-9]+\\.[0-9]+" QGIS_VERSION "${_qgis_version_line}")
endif()

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(QGIS
  REQUIRED_VARS QGIS_INCLUDE_DIR QGIS_CORE_LIBRARY QGIS_GUI_LIBRARY QGIS_ANALYSIS_LIBRARY
  VERSION_VAR QGIS_VERSION)

if(QGIS_FOUND AND NOT TARGET QGIS::Core)
  # Debian flattens sub-folders that some headers include ("scalebar/qgsscalebarsettings.h"):
  # a build-tree folder whose sub-folders point back at the flat include dir resolves them.
  set(_shim "${CMAKE_BINARY_DIR}/qgis-include-shim")
  foreach(_sub scalebar geometry processing diagram symbology pointcloud vectortile layout labeling
          raster mesh numericformats callouts textrenderer expression auth providers)
    if(NOT EXISTS "${_shim}/${_sub}")
      file(MAKE_DIRECTORY "${_shim}")
      file(CREATE_LINK "${QGIS_INCLUDE_DIR}" "${_shim}/${_sub}" SYMBOLIC)
    endif()
  endforeach()

  add_library(QGIS::Core UNKNOWN IMPORTED)
  set_target_properties(QGIS::Core PROPERTIES
    IMPORTED_LOCATION "${QGIS_CORE_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${QGIS_INCLUDE_DIR};${_shim}"
    INTERFACE_SYSTEM_INCLUDE_DIRECTORIES "${QGIS_INCLUDE_DIR};${_shim}"
    INTERFACE_LINK_LIBRARIES "Qt5::Core;Qt5::Gui;Qt5::Widgets;Qt5::Xml;Qt5::Svg;Qt5::PrintSupport;Qt5::Network;Qt5::Sql")
  add_library(QGIS::Gui UNKNOWN IMPORTED)
  set_target_properties(QGIS::Gui PROPERTIES
    IMPORTED_LOCATION "${QGIS_GUI_LIBRARY}"
    INTERFACE_LINK_LIBRARIES "QGIS::Core")
  add_library(QGIS::Analysis UNKNOWN IMPORTED)
  set_target_properties(QGIS::Analysis PROPERTIES
    IMPORTED_LOCATION "${QGIS_ANALYSIS_LIBRARY}"
    INTERFACE_LINK_LIBRARIES "QGIS::Core")
endif()
mark_as_advanced(QGIS_INCLUDE_DIR QGIS_CORE_LIBRARY QGIS_GUI_LIBRARY QGIS_ANALYSIS_LIBRARY)
