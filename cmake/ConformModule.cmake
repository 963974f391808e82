# conform_module(NAME DIR DEPS ...): a static library made of DIR/*.cpp (not recursive), with the
# repository root on its include path. A directory with no .cpp yet becomes an INTERFACE library, so
# modules can land one at a time. Heavy headers (nlohmann/json) are precompiled once per module.
function(conform_module name dir)
  cmake_parse_arguments(M "" "" "DEPS" ${ARGN})
  file(GLOB srcs CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/${dir}/*.cpp)
  if(srcs)
    add_library(${name} STATIC ${srcs})
    target_include_directories(${name} PUBLIC ${CMAKE_SOURCE_DIR})
    target_link_libraries(${name} PUBLIC ${M_DEPS})
    target_precompile_headers(${name} PRIVATE <nlohmann/json.hpp> <string> <vector> <map>)
  else()
    add_library(${name} INTERFACE)
    target_include_directories(${name} INTERFACE ${CMAKE_SOURCE_DIR})
    target_link_libraries(${name} INTERFACE ${M_DEPS})
  endif()
endfunction()
