# conform_embed_specs(NAME DIR): a library exposing every *.json under DIR as built-in data
# (conform::spec::builtin_spec_files()), so `conform` and the emulator carry their specs with them.
function(conform_embed_specs name dir)
  file(GLOB_RECURSE spec_files CONFIGURE_DEPENDS RELATIVE ${dir} ${dir}/*.json)
  list(SORT spec_files)
  set(out ${CMAKE_BINARY_DIR}/generated/builtin_specs.cpp)
  set(abs_files)
  foreach(f ${spec_files})
    list(APPEND abs_files ${dir}/${f})
  endforeach()
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DSPEC_DIR=${dir} -DOUT=${out} -P ${CMAKE_SOURCE_DIR}/cmake/GenerateBuiltinSpecs.cmake
    DEPENDS ${abs_files} ${CMAKE_SOURCE_DIR}/cmake/GenerateBuiltinSpecs.cmake
    COMMENT "Embedding specs/ into the binary")
  add_library(${name} STATIC ${out})
  target_include_directories(${name} PUBLIC ${CMAKE_SOURCE_DIR})
endfunction()
