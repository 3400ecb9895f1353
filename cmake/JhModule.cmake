# Helpers that every module, app and test uses: one way to add a library, a test and a benchmark.

# jh_add_module(<name> SOURCES ... [PUBLIC_LIBS ...] [PRIVATE_LIBS ...])
# Adds the static library jh_<name> for modules/<name>; its folder is the public include path.
# PUBLIC_LIBS states what the module may use: a layering violation shows in this line.
function(jh_add_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_LIBS;PRIVATE_LIBS" ${ARGN})
  add_library(jh_${name} STATIC ${ARG_SOURCES})
  target_include_directories(jh_${name} PUBLIC "${CMAKE_CURRENT_SOURCE_DIR}")
  target_link_libraries(jh_${name} PUBLIC ${ARG_PUBLIC_LIBS} PRIVATE ${ARG_PRIVATE_LIBS})
  set_target_properties(jh_${name} PROPERTIES POSITION_INDEPENDENT_CODE ON)
endfunction()

# jh_add_test(<name> SOURCES ... LIBS ... [LABELS ...] [TIMEOUT s])
# One Qt Test executable per class under test, run headless by CTest.
function(jh_add_test name)
  cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE Qt::Test ${ARG_LIBS})
  target_include_directories(${name} PRIVATE "${PROJECT_SOURCE_DIR}/tests/support")
  target_compile_definitions(${name} PRIVATE
    JH_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    JH_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data"
    JH_BINARY_DIR="${CMAKE_BINARY_DIR}")
  add_test(NAME ${name} COMMAND ${name})
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 120)
  endif()
  set_tests_properties(${name} PROPERTIES
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LC_ALL=C.UTF-8;TZ=Asia/Shanghai"
    TIMEOUT ${ARG_TIMEOUT}
    LABELS "${ARG_LABELS}")
endfunction()

# jh_add_benchmark(<name> SOURCES ... LIBS ...)
# On-demand benchmarks: built with the tests, never run by CTest (run tests/bench/run-benchmarks).
function(jh_add_benchmark name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
  if(NOT JH_BUILD_BENCHMARKS)
    return()
  endif()
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS})
  target_compile_definitions(${name} PRIVATE
    JH_SOURCE_DIR="${PROJECT_SOURCE_DIR}" JH_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data")
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/bench")
endfunction()

# jh_add_subdirectories(<dir> ...): adds each listed sub-folder that has a CMakeLists.txt.
function(jh_add_subdirectories)
  foreach(dir ${ARGN})
    if(EXISTS "${CMAKE_CURRENT_SOURCE_DIR}/${dir}/CMakeLists.txt")
      add_subdirectory(${dir})
    endif()
  endforeach()
endfunction()
