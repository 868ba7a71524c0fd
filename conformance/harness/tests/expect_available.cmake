# cmake -DHEADER=<sslconf_available.h> [-DPRESENT=<name;name...>] [-DTOGETHER=ON] -P expect_available.cmake
# Fails unless exactly the names in PRESENT are available in HEADER (when
# PRESENT is given) and, with TOGETHER, unless every entry was answered by
# the one combined probe program (the one-by-one fallback costs a compile
# per entry: a new optional_api.txt entry that breaks the combined program
# on a real library should be noticed).
if(TOGETHER)
  file(STRINGS "${HEADER}" _how REGEX "^// probed: ")
  if(NOT _how MATCHES "together")
    message(FATAL_ERROR "${HEADER}: ${_how}")
  endif()
  if(NOT DEFINED PRESENT)
    message(STATUS "${HEADER}: ${_how}")
    return()
  endif()
endif()
file(STRINGS "${HEADER}" _lines REGEX "^#define SSLCONF_HAS_")
set(_present "")
foreach(_l IN LISTS _lines)
  if(_l MATCHES "^#define SSLCONF_HAS_([A-Za-z0-9_]+) 1$")
    list(APPEND _present "${CMAKE_MATCH_1}")
  endif()
endforeach()
list(LENGTH _lines _n)
if(_n EQUAL 0)
  message(FATAL_ERROR "${HEADER}: no probe results")
endif()
list(SORT _present)
list(SORT PRESENT)
if(NOT _present STREQUAL PRESENT)
  message(FATAL_ERROR "${HEADER}: available: [${_present}], expected: [${PRESENT}]")
endif()
message(STATUS "${HEADER}: ${_n} entries, available as expected: [${_present}]")
