# In a sanitizer build (VEILIG_SANITIZE), the library is instrumented but
# the Python and Lua interpreters are not: they can load it only with the
# sanitizer runtime preloaded. Sets VEILIG_SANITIZER_ENV to the environment
# the tests of such interpreters need (empty in other builds), and
# VEILIG_SANITIZER_OK to false when no runtime can be found.
set(VEILIG_SANITIZER_ENV "")
set(VEILIG_SANITIZER_OK TRUE)
if(VEILIG_SANITIZE)
  # One runtime: with clang, the ASan runtime also serves UBSan (preloading
  # both breaks signal handling); gcc has one library per sanitizer.
  set(names "")
  if(CMAKE_C_COMPILER_ID MATCHES "Clang")
    if(VEILIG_SANITIZE MATCHES "address")
      list(APPEND names libclang_rt.asan-${CMAKE_SYSTEM_PROCESSOR}.so)
    elseif(VEILIG_SANITIZE MATCHES "undefined")
      list(APPEND names libclang_rt.ubsan_standalone-${CMAKE_SYSTEM_PROCESSOR}.so)
    endif()
  else()
    if(VEILIG_SANITIZE MATCHES "address")
      list(APPEND names libasan.so)
    endif()
    if(VEILIG_SANITIZE MATCHES "undefined")
      list(APPEND names libubsan.so)
    endif()
  endif()
  set(preload "")
  foreach(name IN LISTS names)
    execute_process(COMMAND ${CMAKE_C_COMPILER} -print-file-name=${name}
                    OUTPUT_VARIABLE runtime OUTPUT_STRIP_TRAILING_WHITESPACE)
    if(IS_ABSOLUTE "${runtime}" AND EXISTS "${runtime}")
      list(APPEND preload ${runtime})
    else()
      set(VEILIG_SANITIZER_OK FALSE)
    endif()
  endforeach()
  list(JOIN preload ":" preload)
  # interpreters keep memory until exit on purpose: leaks are checked by the C tests
  set(VEILIG_SANITIZER_ENV "LD_PRELOAD=${preload}" "ASAN_OPTIONS=detect_leaks=0" "VEILIG_SANITIZED=1")
endif()
