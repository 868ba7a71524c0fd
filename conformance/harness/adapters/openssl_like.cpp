// Adapter for the families that take OpenSSL's calls unchanged: OpenSSL
// (1.0.2 to 3.x), LibreSSL, and wolfSSL's compatibility layer (its headers
// under wolfssl/openssl map the names onto wolfSSL_*).
#include "harness/family.hpp"

#if defined(SSLCONF_FAMILY_OPENSSL) || defined(SSLCONF_FAMILY_LIBRESSL) || defined(SSLCONF_FAMILY_WOLFSSL)
#include "harness/adapter.hpp"

namespace sslconf::harness {

const char* family_name() {
#if defined(SSLCONF_FAMILY_WOLFSSL)
  return "wolfssl";
#elif defined(SSLCONF_FAMILY_LIBRESSL)
  return "libressl";
#else
  return "openssl";
#endif
}

SSL_SESSION* new_blank_session() { return SSL_SESSION_new(); }

}  // namespace sslconf::harness
#endif
