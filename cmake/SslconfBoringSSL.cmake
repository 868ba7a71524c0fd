# Debian's android-libboringssl-dev: headers in <include>/android, libraries
# in <libdir>/<multiarch>/android. Found, not spelled out, so any
# architecture works. Sets the cache variables SSLCONF_BORINGSSL_INCLUDE,
# SSLCONF_BORINGSSL_SSL and SSLCONF_BORINGSSL_CRYPTO (NOTFOUND when absent).
macro(sslconf_find_debian_boringssl)
  find_path(SSLCONF_BORINGSSL_INCLUDE openssl/base.h PATH_SUFFIXES android
            NO_CMAKE_SYSTEM_PATH PATHS /usr/include /usr/local/include)
  find_library(SSLCONF_BORINGSSL_SSL NAMES ssl PATH_SUFFIXES android
               PATHS /usr/lib/${CMAKE_LIBRARY_ARCHITECTURE} /usr/lib NO_DEFAULT_PATH)
  find_library(SSLCONF_BORINGSSL_CRYPTO NAMES crypto PATH_SUFFIXES android
               PATHS /usr/lib/${CMAKE_LIBRARY_ARCHITECTURE} /usr/lib NO_DEFAULT_PATH)
endmacro()
