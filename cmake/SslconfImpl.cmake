# Chooses the libssl under test from SSLCONF_IMPL and hides the choice
# behind one INTERFACE target, sslconf::libssl. Code under test always says
# #include <openssl/ssl.h>; the family differences in include paths live here.
#
# Sets SSLCONF_IMPL_FAMILY and SSLCONF_IMPL_VERSION (as the library reports it).

add_library(sslconf_libssl INTERFACE)
add_library(sslconf::libssl ALIAS sslconf_libssl)

set(_impl "${SSLCONF_IMPL}")
set(SSLCONF_IMPL_FAMILY "")
set(_probe_libs "")
set(_probe_link_options "")

if(_impl STREQUAL "reference")
  if(NOT TARGET sslref)
    message(FATAL_ERROR "SSLCONF_IMPL=reference: the reference library (reference/) is not built yet")
  endif()
  target_link_libraries(sslconf_libssl INTERFACE sslref)
  set(SSLCONF_IMPL_FAMILY reference)

elseif(_impl STREQUAL "openssl")
  find_package(OpenSSL REQUIRED)
  target_link_libraries(sslconf_libssl INTERFACE OpenSSL::SSL OpenSSL::Crypto)
  set(_probe_libs OpenSSL::SSL OpenSSL::Crypto)

elseif(_impl STREQUAL "boringssl")
  include(SslconfBoringSSL)
  sslconf_find_debian_boringssl()
  foreach(_v SSLCONF_BORINGSSL_INCLUDE SSLCONF_BORINGSSL_SSL SSLCONF_BORINGSSL_CRYPTO)
    if(NOT ${_v})
      message(FATAL_ERROR "SSLCONF_IMPL=boringssl: ${_v} not found (install android-libboringssl-dev)")
    endif()
  endforeach()
  target_include_directories(sslconf_libssl SYSTEM INTERFACE "${SSLCONF_BORINGSSL_INCLUDE}")
  target_link_libraries(sslconf_libssl INTERFACE "${SSLCONF_BORINGSSL_SSL}" "${SSLCONF_BORINGSSL_CRYPTO}")
  get_filename_component(_bdir "${SSLCONF_BORINGSSL_SSL}" DIRECTORY)
  target_link_options(sslconf_libssl INTERFACE "LINKER:-rpath,${_bdir}")
  set(_probe_libs "${SSLCONF_BORINGSSL_SSL}" "${SSLCONF_BORINGSSL_CRYPTO}")
  set(_probe_link_options "LINKER:-rpath,${_bdir}")

elseif(_impl STREQUAL "wolfssl")
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(WOLFSSL REQUIRED IMPORTED_TARGET wolfssl)
  # wolfSSL's OpenSSL-compatible headers live under <include>/wolfssl/openssl
  # and need the build's <wolfssl/options.h> before anything else: that is
  # this family's include shim.
  find_path(SSLCONF_WOLFSSL_COMPAT openssl/ssl.h PATHS ${WOLFSSL_INCLUDE_DIRS} /usr/include
            PATH_SUFFIXES wolfssl NO_DEFAULT_PATH)
  if(NOT SSLCONF_WOLFSSL_COMPAT)
    message(FATAL_ERROR "SSLCONF_IMPL=wolfssl: wolfssl/openssl/ssl.h not found (install libwolfssl-dev)")
  endif()
  target_include_directories(sslconf_libssl SYSTEM INTERFACE "${SSLCONF_WOLFSSL_COMPAT}")
  target_compile_options(sslconf_libssl INTERFACE -include wolfssl/options.h)
  target_link_libraries(sslconf_libssl INTERFACE PkgConfig::WOLFSSL)
  set(_probe_libs PkgConfig::WOLFSSL)

elseif(_impl STREQUAL "prefix")
  if(NOT SSLCONF_PREFIX)
    message(FATAL_ERROR "SSLCONF_IMPL=prefix needs SSLCONF_PREFIX")
  endif()
  if(NOT EXISTS "${SSLCONF_PREFIX}/include/openssl/ssl.h")
    message(FATAL_ERROR "${SSLCONF_PREFIX}/include/openssl/ssl.h: not found (SSLCONF_PREFIX has no OpenSSL headers)")
  endif()
  foreach(_lib ssl crypto)
    find_library(SSLCONF_PREFIX_${_lib} NAMES ${_lib}
                 PATHS "${SSLCONF_PREFIX}/lib64" "${SSLCONF_PREFIX}/lib" "${SSLCONF_PREFIX}/lib/${CMAKE_LIBRARY_ARCHITECTURE}"
                 NO_DEFAULT_PATH NO_CACHE)
    if(NOT SSLCONF_PREFIX_${_lib})
      message(FATAL_ERROR "${SSLCONF_PREFIX}/lib/lib${_lib}.so: not found (SSLCONF_PREFIX has no lib${_lib})")
    endif()
  endforeach()
  get_filename_component(_pdir "${SSLCONF_PREFIX_ssl}" DIRECTORY)
  target_include_directories(sslconf_libssl SYSTEM INTERFACE "${SSLCONF_PREFIX}/include")
  # RPATH, not RUNPATH: libssl's own dependency on libcrypto must resolve in
  # the prefix too, and --as-needed must not drop libcrypto.
  set(_rpath "LINKER:--disable-new-dtags,-rpath,${_pdir}" "LINKER:--no-as-needed")
  target_link_options(sslconf_libssl INTERFACE ${_rpath})
  target_link_libraries(sslconf_libssl INTERFACE "${SSLCONF_PREFIX_ssl}" "${SSLCONF_PREFIX_crypto}")
  set(_probe_libs "${SSLCONF_PREFIX_ssl}" "${SSLCONF_PREFIX_crypto}")
  set(_probe_link_options ${_rpath})
  set(_probe_includes "${SSLCONF_PREFIX}/include")

else()
  message(FATAL_ERROR "SSLCONF_IMPL=${_impl}: unknown implementation (reference, openssl, boringssl, wolfssl, prefix)")
endif()

# Ask the library itself what it is, by running a probe linked against it.
if(SSLCONF_IMPL_FAMILY STREQUAL "reference")
  file(STRINGS "${PROJECT_SOURCE_DIR}/reference/include/openssl/opensslv.h" _ver
       REGEX "define SSLREF_VERSION_TEXT")
  string(REGEX REPLACE ".*\"(.*)\".*" "\\1" SSLCONF_IMPL_VERSION "${_ver}")
else()
  get_target_property(_inc sslconf_libssl INTERFACE_INCLUDE_DIRECTORIES)
  get_target_property(_opts sslconf_libssl INTERFACE_COMPILE_OPTIONS)
  set(_cflags "")
  if(_opts)
    string(REPLACE ";" " " _cflags "${_opts}")
  endif()
  set(_incargs "")
  if(_inc)
    set(_incargs "-DINCLUDE_DIRECTORIES=${_inc}")
  endif()
  try_run(_run_rc _compile_ok
    "${CMAKE_BINARY_DIR}/probes/version"
    "${PROJECT_SOURCE_DIR}/cmake/probes/impl_version.c"
    CMAKE_FLAGS ${_incargs} "-DCMAKE_C_FLAGS=${_cflags}"
    LINK_LIBRARIES ${_probe_libs}
    LINK_OPTIONS ${_probe_link_options}
    COMPILE_OUTPUT_VARIABLE _cout
    RUN_OUTPUT_VARIABLE _rout)
  if(NOT _compile_ok)
    message(FATAL_ERROR "SSLCONF_IMPL=${_impl}: cannot build a program against this libssl:\n${_cout}")
  endif()
  if(NOT _run_rc EQUAL 0)
    message(FATAL_ERROR "SSLCONF_IMPL=${_impl}: version probe failed: ${_rout}")
  endif()
  string(STRIP "${_rout}" _rout)
  # Output: "<family>|<version text>"
  string(REPLACE "|" ";" _parts "${_rout}")
  list(GET _parts 0 SSLCONF_IMPL_FAMILY)
  list(GET _parts 1 SSLCONF_IMPL_VERSION)
endif()

set(SSLCONF_IMPL_FAMILY "${SSLCONF_IMPL_FAMILY}" CACHE INTERNAL "")
set(SSLCONF_IMPL_VERSION "${SSLCONF_IMPL_VERSION}" CACHE INTERNAL "")
message(STATUS "sslconf: implementation under test: ${SSLCONF_IMPL_FAMILY} ${SSLCONF_IMPL_VERSION}")
target_compile_definitions(sslconf_libssl INTERFACE
  SSLCONF_IMPL_FAMILY="${SSLCONF_IMPL_FAMILY}" SSLCONF_IMPL_VERSION="${SSLCONF_IMPL_VERSION}")

# The include folders and compile options that reach the libssl headers
# under test: those of sslconf::libssl and of the targets it links. Used by
# the configure-time probes, which compile outside the target graph.
function(sslconf_libssl_compile_flags incs_out opts_out)
  set(incs "")
  set(opts "")
  set(targets sslconf_libssl)
  get_target_property(_links sslconf_libssl INTERFACE_LINK_LIBRARIES)
  foreach(_l IN LISTS _links)
    if(TARGET "${_l}")
      list(APPEND targets "${_l}")
    endif()
  endforeach()
  foreach(_t IN LISTS targets)
    get_target_property(_real "${_t}" ALIASED_TARGET)
    if(_real)
      set(_t "${_real}")
    endif()
    get_target_property(_incs "${_t}" INTERFACE_INCLUDE_DIRECTORIES)
    get_target_property(_opts "${_t}" INTERFACE_COMPILE_OPTIONS)
    foreach(_i IN LISTS _incs)
      string(REGEX REPLACE "\\$<BUILD_INTERFACE:([^>]*)>" "\\1" _i "${_i}")
      string(GENEX_STRIP "${_i}" _i)
      if(_i)
        list(APPEND incs "${_i}")
      endif()
    endforeach()
    foreach(_o IN LISTS _opts)
      string(GENEX_STRIP "${_o}" _o)
      if(_o)
        list(APPEND opts "${_o}")
      endif()
    endforeach()
  endforeach()
  set(${incs_out} "${incs}" PARENT_SCOPE)
  set(${opts_out} "${opts}" PARENT_SCOPE)
endfunction()
