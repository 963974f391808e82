# conform_module(NAME DIR DEPS ...): a static library made of DIR/*.cpp (not recursive), with the
# repository root on its include path. A directory with no .cpp yet becomes an INTERFACE library, so
# modules can land one at a time. Heavy headers (nlohmann/json and the standard containers) are
# precompiled once, by conform_pch, and every module reuses that header: one PCH per module cost ~10 s of
# CPU each, some twenty times over, in every from-scratch (CI) build.
if(NOT EXISTS ${CMAKE_BINARY_DIR}/conform_pch.cpp)
  file(WRITE ${CMAKE_BINARY_DIR}/conform_pch.cpp "// Host of the modules' shared precompiled header.\n")
endif()
add_library(conform_pch STATIC ${CMAKE_BINARY_DIR}/conform_pch.cpp)
target_link_libraries(conform_pch PRIVATE nlohmann_json::nlohmann_json)
target_precompile_headers(conform_pch PRIVATE <nlohmann/json.hpp> <string> <vector> <map>)

# Unity batches: each module's sources are compiled eight to a translation unit, so the heavy headers
# the PCH does not hold (RapidCheck, cpp-httplib) are parsed once per batch rather than once per file:
# a newcomer's first build + run (scripts/run, packages installed) went from 5 min 28 s to 2 min 35 s. Names in one module's anonymous
# namespaces must therefore differ from file to file (the build says so when they do not).
option(CONFORM_UNITY_BUILD "Compile each library module (and the CLI) in unity batches" ON)
function(conform_unity target)
  if(CONFORM_UNITY_BUILD)
    set_target_properties(${target} PROPERTIES UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE 8)
  endif()
endfunction()

function(conform_module name dir)
  cmake_parse_arguments(M "" "" "DEPS" ${ARGN})
  file(GLOB srcs CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/${dir}/*.cpp)
  if(srcs)
    add_library(${name} STATIC ${srcs})
    target_include_directories(${name} PUBLIC ${CMAKE_SOURCE_DIR})
    target_link_libraries(${name} PUBLIC ${M_DEPS})
    target_precompile_headers(${name} REUSE_FROM conform_pch)
    conform_unity(${name})
  else()
    add_library(${name} INTERFACE)
    target_include_directories(${name} INTERFACE ${CMAKE_SOURCE_DIR})
    target_link_libraries(${name} INTERFACE ${M_DEPS})
  endif()
endfunction()
