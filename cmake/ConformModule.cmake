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

function(conform_module name dir)
  cmake_parse_arguments(M "" "" "DEPS" ${ARGN})
  file(GLOB srcs CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/${dir}/*.cpp)
  if(srcs)
    add_library(${name} STATIC ${srcs})
    target_include_directories(${name} PUBLIC ${CMAKE_SOURCE_DIR})
    target_link_libraries(${name} PUBLIC ${M_DEPS})
    target_precompile_headers(${name} REUSE_FROM conform_pch)
  else()
    add_library(${name} INTERFACE)
    target_include_directories(${name} INTERFACE ${CMAKE_SOURCE_DIR})
    target_link_libraries(${name} INTERFACE ${M_DEPS})
  endif()
endfunction()
