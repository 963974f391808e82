# Every folder tests/<area>/ with .cpp files becomes one GoogleTest executable `test_<area>`, linked
# against the whole library; tests are discovered per case so ctest -j spreads them over both cores.
include(GoogleTest)
file(GLOB areas CONFIGURE_DEPENDS LIST_DIRECTORIES true ${CMAKE_SOURCE_DIR}/tests/*)
foreach(area_dir ${areas})
  if(IS_DIRECTORY ${area_dir})
    get_filename_component(area ${area_dir} NAME)
    file(GLOB srcs CONFIGURE_DEPENDS ${area_dir}/*.cpp)
    if(srcs)
      add_executable(test_${area} ${srcs})
      target_include_directories(test_${area} PRIVATE ${CMAKE_SOURCE_DIR})
      target_link_libraries(test_${area} PRIVATE GTest::gtest_main GTest::gmock rapidcheck rapidcheck_gtest
        conform_emulator conform_runner conform_report conform_importer conform_diff conform_builtin_specs)
      target_compile_definitions(test_${area} PRIVATE
        CONFORM_SOURCE_DIR="${CMAKE_SOURCE_DIR}" CONFORM_BINARY_DIR="${CMAKE_BINARY_DIR}")
      target_precompile_headers(test_${area} PRIVATE <nlohmann/json.hpp> <gtest/gtest.h>)
      gtest_discover_tests(test_${area} DISCOVERY_TIMEOUT 60 PROPERTIES TIMEOUT 300)
    endif()
  endif()
endforeach()
