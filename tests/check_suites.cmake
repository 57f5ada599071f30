# Every tests/test_*.c is a CTest test of the same name (issue 17 point 5): a
# renamed or new Check suite cannot silently stop running. Run as
#   cmake -DSOURCE_DIR=<tests> -DBUILD_DIR=<build/tests> -DCTEST=<ctest> -P check_suites.cmake
file(GLOB sources RELATIVE ${SOURCE_DIR} ${SOURCE_DIR}/test_*.c)
execute_process(COMMAND ${CTEST} -N WORKING_DIRECTORY ${BUILD_DIR}
  OUTPUT_VARIABLE listing RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "ctest -N failed in ${BUILD_DIR}")
endif()
set(missing "")
foreach(source IN LISTS sources)
  get_filename_component(suite ${source} NAME_WE)
  if(suite STREQUAL "test_jansson" AND NOT HAVE_JANSSON)
    continue()
  endif()
  if(NOT listing MATCHES "Test +#[0-9]+: ${suite}\n")
    list(APPEND missing ${suite})
  endif()
endforeach()
if(missing)
  message(FATAL_ERROR "Check suites with no CTest test: ${missing}")
endif()
list(LENGTH sources n)
message(STATUS "${n} Check suites, each a CTest test")
